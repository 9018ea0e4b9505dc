using System.Collections.Immutable;
using Simulation.Model.Metrics;
using Simulation.Model.Setup;
using Simulation.Model.World;

namespace Simulation.Runner.Cli;

/// <summary>
/// A bigger world for `bench --scale` only: the real countries repeated, in order, until there are the asked number,
/// the first time under their own codes, then each copy under a code of its own (S0196, S0197, ...). Vendors stay the real ones, so their capacity is scarcer than in
/// the real world: a load test of the engine, never a scenario anyone should read results from.
/// </summary>
public static class SyntheticWorld
{
    /// <param name="groups">The scenario's own groups: the breakdown groups (regions, blocs, ...) take in the copies.</param>
    public static RunPlan Of(RunPlan plan, int countries, IReadOnlyDictionary<string, List<string>> groups)
    {
        var real = plan.Countries;
        // The first copy keeps the real codes, so a scenario's policies and groups that name countries still apply.
        ImmutableArray<CountryProfile> all = [.. Enumerable.Range(0, countries).Select(i => i < real.Length ? real[i] : real[i % real.Length] with
        {
            Iso3 = $"S{i:D4}",
            Name = $"{real[i % real.Length].Name} ({i / real.Length + 1})",
        })];
        return plan with { Countries = all, Groups = [.. CountryGroups.For(new WorldData(all, plan.Vendors, plan.HomeMarkets), groups)] };
    }
}
