namespace Simulation.Model.Output;

/// <summary>A vendor as legends name it.</summary>
public sealed record VendorFacts(string Id, string Name, string Home);

/// <summary>
/// What plots and the summary need from the run's world (overrides applied): the number of countries (the top of every
/// count-of-countries axis), the size of each V-Dem regime class, the vendor home states (ISO3, sorted) with their
/// names, and the vendors.
/// </summary>
public sealed record WorldFacts(int CountryCount, IReadOnlyList<int> RegimeSizes, IReadOnlyList<string> RegimeLabels,
    IReadOnlyList<string> Homes, IReadOnlyDictionary<string, string> HomeNames, IReadOnlyList<VendorFacts> Vendors);
