using ScottPlot;
using Simulation.Model.Metrics;
using Simulation.Runner.Results;

namespace Simulation.Runner.Plots;

/// <summary>Stacked area of the installed base by vendor home state (mean shares, which add up to 100 %).</summary>
public static class MarketSharePlot
{
    public static Plot Create(EnsembleSummary summary)
    {
        var years = summary.Years;
        var plot = PlotStyle.Create("Installed base by vendor home state", summary.Scenario,
            $"mean share across {summary.Replicates} replicate{(summary.Replicates == 1 ? "" : "s")}; white above the stack: replicates with nothing installed yet",
            "Share of installed base, active contract value (%)");
        var lower = new double[years.Length];
        foreach (var home in summary.Homes)
        {
            var mean = summary.Band(MetricCatalog.InstalledShareOrigin, home).Mean;
            var upper = new double[years.Length];
            for (var t = 0; t < years.Length; t++) upper[t] = Math.Min(100, lower[t] + 100 * mean[t]);
            var fill = plot.Add.FillY(years, lower, upper);
            fill.FillColor = PlotBook.HomeColor(home).WithAlpha(0.85);
            fill.LineWidth = 0;
            fill.LegendText = summary.HomeNames[home];
            lower = upper;
        }
        PlotStyle.Finish(plot, years, summary.Policies, 100, yTop: 100);
        return plot;
    }
}
