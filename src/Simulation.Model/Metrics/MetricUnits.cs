namespace Simulation.Model.Metrics;

/// <summary>Units of the output series. Shares are fractions 0–1 in files; screens show them as % (differences as pp).</summary>
public static class Units
{
    public const string Countries = "countries";
    public const string Share = "share";
    public const string Contracts = "contracts";
    public const string Usd = "USD";
    public const string People = "people";
    public const string Index = "index 0-1";
    public const string ContractsPerYear = "contracts/year";
}

/// <summary>What a metric measures: its unit, what its group column holds, and a one-line description.</summary>
public sealed record MetricInfo(string Unit, string Groups, string Description);

/// <summary>
/// The one catalogue of units: every metric <see cref="MetricCatalog"/> records has an entry here (a test checks it), and
/// metrics.csv, plot axes and report tables all take their units from it.
/// </summary>
public static class MetricUnits
{
    public static readonly IReadOnlyDictionary<string, MetricInfo> Info = new Dictionary<string, MetricInfo>
    {
        [MetricCatalog.CountriesAdopted] = new(Units.Countries, "any, capability, regime:0..3",
            "Countries with at least one active contract (in any capability, in that capability, or of that V-Dem regime class)"),
        [MetricCatalog.CountriesWithVendorOrigin] = new(Units.Countries, "vendor home state (ISO3)",
            "Countries with at least one active contract with a vendor from that home state"),
        [MetricCatalog.BriCountriesWithVendorOrigin] = new(Units.Countries, "vendor home state (ISO3)",
            "The same, counting only Belt and Road members"),
        [MetricCatalog.CountriesWithVendor] = new(Units.Countries, "vendor id", "Countries with at least one active contract with that vendor"),
        [MetricCatalog.ContractsSigned] = new(Units.Contracts, "any", "Contracts signed in the tick (adoptions, expansions and renewals)"),
        [MetricCatalog.ContractValueUsd] = new(Units.Usd, "any", "Value of the contracts signed in the tick, whole term, US dollars"),
        [MetricCatalog.PopulationCovered] = new(Units.People, "any",
            "People living under surveillance coverage (each country's population times its highest coverage share)"),
        [MetricCatalog.InstalledShareOrigin] = new(Units.Share, "vendor home state (ISO3)",
            "Share (0-1) of the value of active contracts held by vendors from that home state"),
        [MetricCatalog.ForeignDataAccessShare] = new(Units.Share, "any",
            "Share (0-1) of the value of active contracts whose data the vendor's home government may access"),
        [MetricCatalog.VendorQuality] = new(Units.Index, "vendor id", "The vendor's mean quality over the capabilities it offers"),
        [MetricCatalog.VendorCapacity] = new(Units.ContractsPerYear, "vendor id", "The vendor's current yearly contract capacity (0 before entry)"),
        [MetricCatalog.FinancingSpentUsd] = new(Units.Usd, "financing policy id", "Subsidy paid from that financing policy's budget in the tick"),
    };

    public static MetricInfo Of(string metric) =>
        Info.TryGetValue(metric, out var info) ? info : throw new KeyNotFoundException($"metric '{metric}' has no unit in MetricUnits");
}
