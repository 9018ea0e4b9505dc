namespace Simulation.Model.World;

/// <summary>
/// The agents' static world: countries sorted by ISO3 and vendors sorted by id. Index order is part of the
/// determinism contract: every loop over agents runs in this order.
/// </summary>
public sealed class WorldData
{
    /// <summary>The peer groups used by the adoption hazard: the seven World Bank regions, then the blocs.</summary>
    public static readonly IReadOnlyList<string> Blocs = ["EU", "NATO", "BRI"];

    public WorldData(IEnumerable<CountryProfile> countries, IEnumerable<VendorProfile> vendors, IEnumerable<HomeMarket> homeMarkets)
    {
        Countries = countries.OrderBy(c => c.Iso3, StringComparer.Ordinal).ToArray();
        Vendors = vendors.OrderBy(v => v.Id, StringComparer.Ordinal).ToArray();
        HomeMarkets = homeMarkets.ToDictionary(h => h.Home, StringComparer.Ordinal);
        CountryIndex = Countries.Select((c, i) => (c.Iso3, i)).ToDictionary(x => x.Iso3, x => x.i, StringComparer.Ordinal);
        VendorIndex = Vendors.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        Homes = Vendors.Select(v => v.Home).Distinct().Order(StringComparer.Ordinal).ToArray();
        Regions = Countries.Select(c => c.Region).Distinct().Order(StringComparer.Ordinal).ToArray();
        PeerGroupNames = [.. Regions, .. Blocs];
        PeerGroupsOf = Countries.Select(PeerGroupIndices).ToArray();
        PeerGroupSize = new int[PeerGroupNames.Count];
        foreach (var groups in PeerGroupsOf)
            foreach (var g in groups) PeerGroupSize[g]++;
    }

    public IReadOnlyList<CountryProfile> Countries { get; }
    public IReadOnlyList<VendorProfile> Vendors { get; }
    public IReadOnlyDictionary<string, HomeMarket> HomeMarkets { get; }
    public IReadOnlyDictionary<string, int> CountryIndex { get; }
    public IReadOnlyDictionary<string, int> VendorIndex { get; }

    /// <summary>Vendor home states (ISO3), sorted.</summary>
    public IReadOnlyList<string> Homes { get; }
    public IReadOnlyList<string> Regions { get; }
    public IReadOnlyList<string> PeerGroupNames { get; }

    /// <summary>For each country, the peer groups it belongs to (its region first, then its blocs).</summary>
    public IReadOnlyList<int[]> PeerGroupsOf { get; }
    public int[] PeerGroupSize { get; }

    public CountryProfile Country(string iso3) => Countries[CountryIndex[iso3]];
    public VendorProfile Vendor(string id) => Vendors[VendorIndex[id]];

    private int[] PeerGroupIndices(CountryProfile c)
    {
        var list = new List<int> { Array.IndexOf((string[])Regions, c.Region) };
        if (c.Eu) list.Add(Regions.Count + 0);
        if (c.Nato) list.Add(Regions.Count + 1);
        if (c.Bri) list.Add(Regions.Count + 2);
        return list.ToArray();
    }
}
