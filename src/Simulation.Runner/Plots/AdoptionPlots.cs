using ScottPlot;
using Simulation.Model.Metrics;
using Simulation.Model.Output;
using Simulation.Runner.Results;

namespace Simulation.Runner.Plots;

/// <summary>Countries using surveillance capabilities over time: by capability and by regime class.</summary>
public static class AdoptionPlots
{
    /// <summary>Any capability, then each capability the run records (the catalogue's groups and labels).</summary>
    public static IReadOnlyList<SeriesInfo> Capabilities(EnsembleSummary summary) =>
        [.. summary.Series.All.Where(s => s.Metric == MetricCatalog.CountriesAdopted && !s.Group.StartsWith("regime:", StringComparison.Ordinal))];

    // Vermillion (closed) → orange → green → blue (liberal): reads as an ordered scale.
    private static readonly int[] RegimeSlots = [1, 3, 2, 0];

    public static Plot Adoption(EnsembleSummary summary) =>
        Bands(summary, "Countries using AI surveillance", $"Countries (of {summary.CountryCount})", summary.CountryCount,
            Capabilities(summary).Select((c, i) => (summary.Band(c.Metric, c.Group), PlotStyle.PaletteColor(i), c.Label)));

    public static Plot ByRegime(EnsembleSummary summary) =>
        Bands(summary, "Share of each regime type using AI surveillance", "Countries of the regime type using any capability (%)", 100,
            summary.RegimeLabels.Select((label, r) => (summary.Band(MetricCatalog.CountriesAdopted, $"regime:{r}").Scaled(100.0 / Math.Max(1, summary.RegimeSizes[r])),
                PlotStyle.PaletteColor(RegimeSlots[r]), $"{label} ({summary.RegimeSizes[r]} countries)")));

    /// <summary>One median line with a 5–95 % band per series; shared by the adoption and vendor-reach plots.</summary>
    internal static Plot Bands(EnsembleSummary summary, string title, string yLabel, double yCap, IEnumerable<(SeriesBand Band, Color Color, string Label)> series)
    {
        var years = summary.Years;
        var plot = PlotStyle.Create(title, summary.Scenario, PlotStyle.BandSubtitle(summary.Replicates), yLabel);
        var list = series.ToList();
        PlotStyle.AddBands(plot, years, list);
        var yMax = list.Select(s => s.Band.P95.DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max();
        yMax = Math.Max(yMax, PlotStyle.AddObserved(plot, summary.Observed, list));
        PlotStyle.Finish(plot, years, summary.Policies, yMax, yCap: yCap);
        return plot;
    }
}
