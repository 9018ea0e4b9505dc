using Simulation.Model.World;

namespace Simulation.Model.Metrics;

/// <summary>One output series: a metric and a group (model spec §5; names are the output contract).</summary>
public sealed record Series(int Index, string Metric, string Group);

/// <summary>The fixed, ordered list of series every tick records, derived from the world (homes and vendors).</summary>
public sealed class MetricCatalog
{
    public const string CountriesAdopted = "countries_adopted";
    public const string CountriesWithVendorOrigin = "countries_with_vendor_origin";
    /// <summary>The same, counting only Belt and Road members (a Carnegie AIGS target: 36 of the 63 with Chinese vendors).</summary>
    public const string BriCountriesWithVendorOrigin = "bri_countries_with_vendor_origin";
    public const string CountriesWithVendor = "countries_with_vendor";
    public const string ContractsSigned = "contracts_signed";
    public const string ContractValueUsd = "contract_value_usd";
    public const string PopulationCovered = "population_covered";
    public const string InstalledShareOrigin = "installed_share_origin";
    public const string ForeignDataAccessShare = "foreign_data_access_share";
    public const string VendorQuality = "vendor_quality";
    public const string VendorCapacity = "vendor_capacity";
    public const string FinancingSpentUsd = "financing_spent_usd";
    public const string Any = "any";

    private readonly Dictionary<(string, string), Series> _byKey = [];

    /// <param name="financing">Ids of the scenario's financing policies, in ledger order (one spending series each).</param>
    public MetricCatalog(WorldData world, IReadOnlyList<string> financing)
    {
        var list = new List<Series>();
        void Add(string metric, string group) => list.Add(new Series(list.Count, metric, group));
        Add(CountriesAdopted, Any);
        foreach (var id in Capabilities.Ids) Add(CountriesAdopted, id);
        for (var r = 0; r <= 3; r++) Add(CountriesAdopted, $"regime:{r}");
        foreach (var h in world.Homes) Add(CountriesWithVendorOrigin, h);
        foreach (var h in world.Homes) Add(BriCountriesWithVendorOrigin, h);
        foreach (var v in world.Vendors) Add(CountriesWithVendor, v.Id);
        Add(ContractsSigned, Any);
        Add(ContractValueUsd, Any);
        Add(PopulationCovered, Any);
        foreach (var h in world.Homes) Add(InstalledShareOrigin, h);
        Add(ForeignDataAccessShare, Any);
        foreach (var v in world.Vendors) Add(VendorQuality, v.Id);
        foreach (var v in world.Vendors) Add(VendorCapacity, v.Id);
        Financing = list.Count;
        foreach (var f in financing) Add(FinancingSpentUsd, f);
        All = list;
        foreach (var s in list) _byKey[(s.Metric, s.Group)] = s;
        AdoptedAny = Get(CountriesAdopted, Any).Index;
        AdoptedByCapability = Get(CountriesAdopted, Capabilities.Ids[0]).Index;
        AdoptedByRegime = Get(CountriesAdopted, "regime:0").Index;
        WithOrigin = Get(CountriesWithVendorOrigin, world.Homes[0]).Index;
        BriWithOrigin = Get(BriCountriesWithVendorOrigin, world.Homes[0]).Index;
        WithVendor = Get(CountriesWithVendor, world.Vendors[0].Id).Index;
        ShareOrigin = Get(InstalledShareOrigin, world.Homes[0]).Index;
        Quality = Get(VendorQuality, world.Vendors[0].Id).Index;
        Capacity = Get(VendorCapacity, world.Vendors[0].Id).Index;
    }

    public IReadOnlyList<Series> All { get; }
    public int Count => All.Count;

    // First index of each block of series, for the collector's arithmetic.
    internal int AdoptedAny { get; }
    internal int AdoptedByCapability { get; }
    internal int AdoptedByRegime { get; }
    internal int WithOrigin { get; }
    internal int BriWithOrigin { get; }
    internal int WithVendor { get; }
    internal int ShareOrigin { get; }
    internal int Quality { get; }
    internal int Capacity { get; }
    internal int Financing { get; }

    public Series Get(string metric, string group) =>
        _byKey.TryGetValue((metric, group), out var s) ? s : throw new KeyNotFoundException($"no series {metric}/{group}");

    public bool TryGet(string metric, string group, out Series series) => _byKey.TryGetValue((metric, group), out series!);
}
