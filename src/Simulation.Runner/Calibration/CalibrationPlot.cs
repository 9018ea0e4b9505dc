using ScottPlot;
using Simulation.Runner.Plots;
using PlotStyle = Simulation.Runner.Plots.PlotStyle;

namespace Simulation.Runner.Calibration;

/// <summary>
/// Observed counts against the fitted ensemble, one row per count target: the model's 5–95 % range (bar), its median
/// (dot) and the observed value (diamond, <paramref name="observed"/> names when it was observed), so a reader sees at a glance which targets the model meets.
/// </summary>
public static class CalibrationPlot
{
    public static Plot Create(string scenario, string observed, IReadOnlyList<TargetFit> fits, int replicates)
    {
        var counts = fits.Where(f => !f.Target.IsShare).Reverse().ToArray(); // first target at the top
        var plot = PlotStyle.Titled($"Observed vs model — {scenario}",
            $"model median (dot) and 5–95 % range (bar) over {replicates} replicates; observed ({observed}) as a diamond", "Countries");
        var model = PlotStyle.PaletteColor(0);
        var observedColor = PlotStyle.PaletteColor(3);
        for (var i = 0; i < counts.Length; i++)
        {
            var bar = plot.Add.Line(counts[i].P05, i, counts[i].P95, i);
            bar.Color = model.WithAlpha(0.5);
            bar.LineWidth = 6;
            if (i == 0) bar.LegendText = "model 5–95 %";
        }
        double[] rows = [.. Enumerable.Range(0, counts.Length).Select(i => (double)i)];
        var medians = plot.Add.ScatterPoints(counts.Select(f => f.P50).ToArray(), rows, model);
        medians.MarkerSize = 11;
        medians.LegendText = "model median";
        var seen = plot.Add.ScatterPoints(counts.Select(f => f.Observed).ToArray(), rows, observedColor);
        seen.MarkerShape = MarkerShape.FilledDiamond;
        seen.MarkerSize = 13;
        seen.LegendText = "observed";
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(rows, counts.Select(f => Label(f.Target.Description)).ToArray());
        plot.Axes.SetLimits(0, counts.Max(f => Math.Max(f.P95, f.Observed)) * 1.05, -0.7, counts.Length - 0.3);
        PlotStyle.Legend(plot, Edge.Right);
        return plot;
    }

    /// <summary>The description up to its first bracket: "Countries with Huawei AI surveillance (at least 50)" → "Countries with Huawei AI surveillance".</summary>
    private static string Label(string description) =>
        description.IndexOf(" (", StringComparison.Ordinal) is > 0 and var i ? description[..i] : description;
}
