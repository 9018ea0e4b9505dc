namespace Simulation.Model.Output;

/// <summary>
/// Per country and year end, in how many replicates each indicator held (adopted any or each capability, held a
/// contract with a vendor of each home state, with each vendor): countries.csv. Wraps the recorder's counts.
/// </summary>
/// <param name="yearEndCounts">[year end][country × indicator].</param>
public sealed class CountryIndicators(IReadOnlyList<string> iso3, IReadOnlyList<string> names, int[][] yearEndCounts, int replicates)
{
    /// <summary>The countries in world order.</summary>
    public IReadOnlyList<string> Iso3 { get; } = iso3;
    /// <summary>"adopted_any", "adopted_safe_city", ..., "vendor_origin:CHN", ..., "vendor:huawei", ...</summary>
    public IReadOnlyList<string> Names { get; } = names;

    /// <summary>Share of replicates in which indicator i held for the country at the year end.</summary>
    public double Probability(int yearEnd, int country, int indicator) =>
        yearEndCounts[yearEnd][country * Names.Count + indicator] / (double)replicates;

    /// <summary>The year end's counts ([country × indicator]): the array itself, as a batch hands it on.</summary>
    public int[] Counts(int yearEnd) => yearEndCounts[yearEnd];

    public int YearEnds => yearEndCounts.Length;
}
