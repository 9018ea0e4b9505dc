using ScottPlot;

namespace Simulation.Runner.Plots;

/// <summary>One bar of a sensitivity plot: a parameter's index with its 95 % interval (NaN: none).</summary>
public sealed record IndexBar(string Parameter, double Value, double Low, double High);

/// <summary>
/// Tornado-style bars of sensitivity indices, the largest at the top: one series (Morris μ*) or two side by side
/// (Sobol first-order and total), each bar with its bootstrap 95 % interval, and optionally a dashed reference line
/// (the μ* replicate noise alone would give).
/// </summary>
public static class SensitivityPlot
{
    public const int MaxBars = 15;

    public static Plot Create(string title, string subtitle, string xLabel, IReadOnlyList<(string Legend, IReadOnlyList<IndexBar> Bars)> series,
        (double Value, string Legend)? reference = null)
    {
        var plot = PlotStyle.Titled(title, subtitle, xLabel);
        var names = series[0].Bars.Select(b => b.Parameter).ToArray();
        var n = names.Length;
        var width = 0.8 / series.Count;
        double xMax = 0;
        for (var s = 0; s < series.Count; s++)
        {
            var color = PlotStyle.PaletteColor(s);
            var bars = series[s].Bars.Select((b, i) => new Bar
            {
                Position = n - 1 - i + (s - (series.Count - 1) / 2.0) * width * -1,
                Value = double.IsFinite(b.Value) ? b.Value : 0,
                FillColor = color,
                LineWidth = 0,
                Size = width * 0.9,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = series[s].Legend;
            foreach (var (b, bar) in series[s].Bars.Zip(bars))
            {
                if (!double.IsFinite(b.Low) || !double.IsFinite(b.High)) continue;
                var ci = plot.Add.Line(b.Low, bar.Position, b.High, bar.Position);
                ci.Color = Colors.Black;
                ci.LineWidth = 1.5f;
                ci.MarkerSize = 0;
                xMax = Math.Max(xMax, b.High);
            }
            xMax = Math.Max(xMax, series[s].Bars.Select(b => b.Value).Where(double.IsFinite).DefaultIfEmpty(0).Max());
        }
        if (reference is { } r && double.IsFinite(r.Value))
        {
            var line = plot.Add.VerticalLine(r.Value, 1.5f, Colors.DimGray, LinePattern.Dashed);
            line.LegendText = r.Legend;
            xMax = Math.Max(xMax, r.Value);
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. names.Select((name, i) => new Tick(n - 1 - i, name))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(0, xMax > 0 ? xMax * 1.05 : 1, -0.6, n - 0.4);
        PlotStyle.Legend(plot);
        return plot;
    }
}
