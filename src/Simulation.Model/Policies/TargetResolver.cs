using Simulation.Model.World;

namespace Simulation.Model.Policies;

/// <summary>
/// Turns policy target names into countries and vendors: ISO3 codes, vendor ids, vendor home states, the built-in
/// groups (EU, NATO, BRI, FIVE_EYES, World Bank regions, income groups, regime classes) and the scenario's own groups.
/// </summary>
public sealed class TargetResolver
{
    /// <summary>World Bank region codes (as in the World Bank's own data: none is also an ISO3 country code).</summary>
    public static readonly IReadOnlyDictionary<string, string> RegionCodes = new Dictionary<string, string>
    {
        ["EAS"] = "East Asia & Pacific",
        ["ECS"] = "Europe & Central Asia",
        ["LCN"] = "Latin America & Caribbean",
        ["MEA"] = "Middle East & North Africa",
        ["NAC"] = "North America",
        ["SAS"] = "South Asia",
        ["SSF"] = "Sub-Saharan Africa",
    };

    public static readonly IReadOnlyList<string> FiveEyes = ["AUS", "CAN", "GBR", "NZL", "USA"];

    private readonly WorldData _world;
    private readonly Dictionary<string, int[]> _groups = new(StringComparer.Ordinal);

    public TargetResolver(WorldData world, IReadOnlyDictionary<string, List<string>> scenarioGroups)
    {
        _world = world;
        int[] Where(Func<CountryProfile, bool> f) => Enumerable.Range(0, world.Countries.Count).Where(i => f(world.Countries[i])).ToArray();
        _groups["EU"] = Where(c => c.Eu);
        _groups["NATO"] = Where(c => c.Nato);
        _groups["BRI"] = Where(c => c.Bri);
        _groups["FIVE_EYES"] = Where(c => FiveEyes.Contains(c.Iso3));
        foreach (var (code, region) in RegionCodes) _groups[code] = _groups[region] = Where(c => c.Region == region);
        foreach (var income in new[] { "Low", "Lower middle", "Upper middle", "High" })
            _groups["income:" + income.ToLowerInvariant().Replace(' ', '_')] = Where(c => c.IncomeGroup == income);
        for (var r = 0; r <= 3; r++)
        {
            var regime = r;
            _groups[$"regime:{r}"] = Where(c => c.Regime == regime);
        }
        foreach (var (name, members) in scenarioGroups)
            _groups[name] = members.Where(world.CountryIndex.ContainsKey).Select(m => world.CountryIndex[m]).ToArray();
    }

    public IEnumerable<string> CountryNames => _world.CountryIndex.Keys.Concat(_groups.Keys);
    public IEnumerable<string> VendorNames => _world.VendorIndex.Keys.Concat(_world.Homes);

    public bool TryCountries(string name, out int[] countries)
    {
        if (_world.CountryIndex.TryGetValue(name, out var c)) { countries = [c]; return true; }
        return _groups.TryGetValue(name, out countries!);
    }

    /// <summary>A vendor id, or a home state standing for all its vendors.</summary>
    public bool TryVendors(string name, out int[] vendors)
    {
        if (_world.VendorIndex.TryGetValue(name, out var v)) { vendors = [v]; return true; }
        vendors = Enumerable.Range(0, _world.Vendors.Count).Where(i => _world.Vendors[i].Home == name).ToArray();
        return vendors.Length > 0;
    }

    public bool[] CountrySet(IEnumerable<string> names)
    {
        var set = new bool[_world.Countries.Count];
        foreach (var n in names)
            if (TryCountries(n, out var cs)) foreach (var c in cs) set[c] = true;
        return set;
    }

    public bool[] VendorSet(IEnumerable<string> names)
    {
        var set = new bool[_world.Vendors.Count];
        foreach (var n in names)
            if (TryVendors(n, out var vs)) foreach (var v in vs) set[v] = true;
        return set;
    }
}
