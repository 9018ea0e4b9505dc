using ScottPlot;
using Simulation.Model.Metrics;
using Simulation.Runner.Results;

namespace Simulation.Runner.Plots;

/// <summary>Countries with an active contract, for the vendors with the widest reach at the end of the run.</summary>
public static class VendorReachPlot
{
    public const int TopVendors = 8;

    public static Plot Create(EnsembleSummary summary)
    {
        var top = TopByFinalMedian(summary.Vendors, v => summary.Band(MetricCatalog.CountriesWithVendor, v), TopVendors);
        return AdoptionPlots.Bands(summary, $"Vendor reach (top {top.Count} vendors)", "Countries with an active contract", summary.CountryCount,
            top.Select((v, i) => (summary.Band(MetricCatalog.CountriesWithVendor, v), PlotStyle.PaletteColor(i), Legend(summary, v))));
    }

    /// <summary>The <paramref name="count"/> vendors with the largest final-tick median (ties: larger mean, then id).</summary>
    public static IReadOnlyList<string> TopByFinalMedian(IEnumerable<string> vendors, Func<string, SeriesBand> band, int count) =>
        vendors.Select(v => (Id: v, Band: band(v)))
            .OrderByDescending(x => x.Band.P50.Length == 0 ? 0 : x.Band.P50[^1])
            .ThenByDescending(x => x.Band.Mean.Length == 0 ? 0 : x.Band.Mean[^1])
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(count).Select(x => x.Id).ToArray();

    /// <summary>"Name (HOME)".</summary>
    private static string Legend(EnsembleSummary summary, string vendor) =>
        $"{summary.VendorNames.GetValueOrDefault(vendor, vendor)} ({summary.VendorHome.GetValueOrDefault(vendor, "?")})";
}
