using Simulation.Model.Policies;
using Simulation.Model.World;

namespace Simulation.Model.Setup;

/// <summary>A named set of countries results are broken down by, named as users write it in scenarios (SSF, EU, income:low).</summary>
/// <param name="Kind">region, bloc, income, regime or scenario (a group the scenario defines in "groups").</param>
/// <param name="Label">A readable name for plots and reports ("Sub-Saharan Africa").</param>
public sealed record CountryGroup(string Name, string Kind, string Label, int[] Members);

/// <summary>
/// The country groups of the breakdown: every World Bank region, the EU, NATO and BRI blocs, the four income groups, the
/// four regime classes and the scenario's own groups. Members come from the same resolver policies use, so a group
/// means the same countries in a policy's targets and in the results.
/// </summary>
public static class CountryGroups
{
    public const string World = "world";

    public static IReadOnlyList<CountryGroup> For(WorldData world, IReadOnlyDictionary<string, List<string>> scenarioGroups)
    {
        var resolver = new TargetResolver(world, scenarioGroups);
        var groups = new List<CountryGroup>();
        void Add(string name, string kind, string label)
        {
            if (resolver.TryCountries(name, out var members)) groups.Add(new CountryGroup(name, kind, label, members));
        }
        foreach (var (code, region) in TargetResolver.RegionCodes) Add(code, "region", region);
        foreach (var bloc in new[] { "EU", "NATO", "BRI" }) Add(bloc, "bloc", bloc == "BRI" ? "Belt and Road" : bloc);
        foreach (var income in new[] { "Low", "Lower middle", "Upper middle", "High" })
            Add("income:" + income.ToLowerInvariant().Replace(' ', '_'), "income", income + " income");
        string[] regimes = ["Closed autocracies", "Electoral autocracies", "Electoral democracies", "Liberal democracies"];
        for (var r = 0; r <= 3; r++) Add($"regime:{r}", "regime", regimes[r]);
        foreach (var name in scenarioGroups.Keys.Order(StringComparer.Ordinal)) Add(name, "scenario", name);
        return groups;
    }
}
