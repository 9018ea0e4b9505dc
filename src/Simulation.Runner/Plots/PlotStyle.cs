using ScottPlot;
using Simulation.Runner.Results;

namespace Simulation.Runner.Plots;

/// <summary>
/// Shared look of every plot: fonts, titles, the year axis, y from 0 to a bounded top, a compact legend below the plot,
/// light 5–95 % bands under every median line, dashed policy markers and PNG/SVG output. Plot files only choose the data.
/// </summary>
public static class PlotStyle
{
    public const int Width = 1200;
    public const int Height = 700;
    public const string FontName = "DejaVu Sans";
    /// <summary>Light enough that overlapping bands stay readable (no brown where three overlap).</summary>
    public const double BandAlpha = 0.13;

    /// <summary>
    /// Okabe &amp; Ito's colour-blind-safe palette (Color Universal Design, 2008) without its yellow, which is invisible on
    /// white, plus a grey and a dark red: blue, vermillion, bluish green, orange, reddish purple, sky blue, black, grey, dark red.
    /// </summary>
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#E69F00"),
        Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#999999"), Color.FromHex("#882255"),
    ];

    /// <summary>Palette colour <paramref name="index"/> (wraps around).</summary>
    public static Color PaletteColor(int index) => Palette[((index % Palette.Length) + Palette.Length) % Palette.Length];

    /// <summary>Line patterns that tell series apart without colour, cycled after the palette's first turn.</summary>
    public static LinePattern PatternFor(int index) => (index / Palette.Length) % 2 == 0 ? LinePattern.Solid : LinePattern.Dashed;

    /// <summary>"median and 5–95 % band over N replicates".</summary>
    public static string BandSubtitle(int replicates) =>
        $"median and 5–95 % band over {replicates} replicate{(replicates == 1 ? "" : "s")}";

    /// <summary>A new plot over the years with the title "<paramref name="title"/> — scenario" and a second title line.</summary>
    public static Plot Create(string title, string scenario, string subtitle, string yLabel) =>
        Titled($"{title} — {scenario}", subtitle, "Year", yLabel);

    /// <summary>
    /// A new plot of any kind (time, bars, dots against a parameter) in the house font, with a two-line title and the
    /// axis labels (none where null): every plot starts here.
    /// </summary>
    public static Plot Titled(string title, string subtitle, string? xLabel, string? yLabel = null)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title($"{title}\n{subtitle}", 16);
        if (xLabel is not null) plot.XLabel(xLabel, 14);
        if (yLabel is not null) plot.YLabel(yLabel, 14);
        return plot;
    }

    /// <summary>A small panel of a grid of panels (one per region): the house font, a one-line title and a y label.</summary>
    public static Plot Panel(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 13);
        plot.YLabel(yLabel, 12);
        return plot;
    }

    /// <summary>The house legend: at <paramref name="edge"/>, in the plot font at 12 pt; horizontal below the plot.</summary>
    public static void Legend(Plot plot, Edge edge = Edge.Bottom)
    {
        plot.ShowLegend(edge);
        if (edge == Edge.Bottom) plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = 12;
    }

    /// <summary>
    /// Light 5–95 % bands (no legend entries) first, then every median line on top of all bands, so no line is hidden
    /// under another series' band.
    /// </summary>
    public static void AddBands(Plot plot, double[] years, IReadOnlyList<(SeriesBand Band, Color Color, string Legend)> series)
    {
        foreach (var (band, color, _) in series)
        {
            var fill = plot.Add.FillY(years, band.P05, band.P95);
            fill.FillColor = color.WithAlpha(BandAlpha);
            fill.LineWidth = 0;
        }
        foreach (var (band, color, legend) in series)
        {
            var line = plot.Add.ScatterLine(years, band.P50, color);
            line.LineWidth = 2.5f;
            line.LegendText = legend;
        }
    }

    /// <summary>
    /// Observed values (hindcasts) as large diamonds in the colour of the series they belong to, with one legend entry
    /// naming the source; returns the largest value drawn (0 if none matched a series of the plot).
    /// </summary>
    public static double AddObserved(Plot plot, IEnumerable<ObservedPoint> observed, IReadOnlyList<(SeriesBand Band, Color Color, string Legend)> series)
    {
        double max = 0;
        string? source = null;
        var drawn = new List<double>();
        foreach (var o in observed)
        {
            var match = series.FirstOrDefault(s => s.Band.Metric == o.Metric && s.Band.Group == o.Group);
            if (match.Band is null) continue;
            // Equal observations (41 % of electoral autocracies and of electoral democracies) would hide one another:
            // each further one steps a few months to the left.
            var earlier = drawn.Count(v => Math.Abs(v - o.Value) < 1.5);
            drawn.Add(o.Value);
            var marker = plot.Add.Marker(o.Date.DecimalYear - 0.3 * earlier, o.Value, MarkerShape.FilledDiamond, 13, match.Color);
            marker.MarkerLineColor = Colors.Black;
            marker.MarkerLineWidth = 1;
            max = Math.Max(max, o.Value);
            source ??= o.Source;
        }
        if (source != null)
        {
            var key = plot.Add.Marker(double.NaN, double.NaN, MarkerShape.FilledDiamond, 11, Colors.Gray);
            key.MarkerLineColor = Colors.Black;
            key.LegendText = "observed: " + source;
        }
        return max;
    }

    /// <summary>
    /// The policy markers: one line at each start and one at each end. Lines are numbered by policy (1, 2, …) and the
    /// number is the label on the plot, so labels stay short however many policies start together; the legend spells
    /// out each number ("1 entity-list-huawei, from 2019-05").
    /// </summary>
    public static IReadOnlyList<(double Year, string Label, string? Legend)> PolicyLines(IEnumerable<PolicyMarker> policies)
    {
        var lines = new List<(double, string, string?)>();
        var n = 0;
        foreach (var p in policies)
        {
            n++;
            var window = p.Until is { } u ? $"{p.From} to {u}" : $"from {p.From}";
            lines.Add((p.From.DecimalYear, $"{n}", $"{n} {p.Label}, {window}"));
            if (p.Until is { } until) lines.Add((until.DecimalYear, $"{n} end", null));
        }
        return lines;
    }

    /// <summary>Year ticks: a labelled major tick every 5 years (10 on very long horizons, 2 or 1 on short ones), a minor tick every year.</summary>
    /// <summary>
    /// The y range of a difference plot: around zero and the data with a margin; when every difference is zero (a
    /// policy that does not touch this outcome) one unit either side, so the axis reads 0 rather than ±1E-09.
    /// </summary>
    public static (double Low, double High) DifferenceRange(double lo, double hi, double margin)
    {
        (lo, hi) = (Math.Min(0, lo), Math.Max(0, hi));
        var pad = hi > lo ? (hi - lo) * margin : 1;
        return (lo - pad, hi + pad);
    }

    public static void YearTicks(Plot plot, double[] years)
    {
        var (x0, x1) = years.Length == 0 ? (0.0, 1.0) : (years[0], years[^1]);
        var span = x1 - x0;
        var major = span > 60 ? 10 : span > 15 ? 5 : span > 6 ? 2 : 1;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var y = (int)Math.Ceiling(x0); y <= x1; y++)
            if (y % major == 0) ticks.AddMajor(y, y.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else ticks.AddMinor(y);
        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>
    /// Year axis (labels "2020", not "2,020"), x limits first..last year, y from 0 to a bit above
    /// <paramref name="yMax"/> but never past <paramref name="yCap"/> (the world's countries, 100 %), or exactly
    /// <paramref name="yTop"/>; dashed policy lines; a compact legend below the plot.
    /// </summary>
    public static void Finish(Plot plot, double[] years, IEnumerable<PolicyMarker> policies, double yMax, double? yTop = null, double? yCap = null)
    {
        var (x0, x1) = years.Length == 0 ? (0.0, 1.0) : (years[0], years[^1]);
        if (x1 <= x0) x1 = x0 + 1;
        YearTicks(plot, years);
        var top = yTop ?? Math.Min(NiceTop(yMax), yCap ?? double.PositiveInfinity);
        var lines = PolicyLines(policies).Where(l => l.Year >= x0 && l.Year <= x1).ToArray();
        // Lines at the same month share one label listing their numbers ("1, 3").
        var labels = lines.GroupBy(l => l.Year).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(l => l.Label)));
        foreach (var (year, _, legend) in lines)
        {
            var line = plot.Add.VerticalLine(year, 1.5f, Colors.DimGray, LinePattern.Dashed);
            line.LabelText = labels.Remove(year, out var label) ? label : "";
            line.LabelOppositeAxis = true;          // labels along the top edge, away from the year ticks
            line.LabelFontName = FontName;
            line.LabelFontSize = 11;
            line.LabelPadding = 3;
            line.LabelRotation = -90;                          // vertical, reading upwards, so neighbours rarely overlap
            line.ManualLabelAlignment = Alignment.MiddleLeft;  // anchored at the top edge of the data area
            line.LegendText = legend ?? "";
            line.ExcludeFromLegend = legend is null;
        }
        plot.Axes.Top.MinimumSize = lines.Length == 0 ? 0 : LabelSpace(lines.Select(l => l.Label));
        plot.Axes.SetLimits(x0, x1 + (x1 - x0) * 0.01, 0, top); // a little room right of the last tick for end markers
        Legend(plot);
    }

    /// <summary>Writes <paramref name="baseName"/>.png (1200×700) and .svg into the directory; returns the two file names.</summary>
    public static IReadOnlyList<string> Save(Plot plot, string directory, string baseName)
    {
        Directory.CreateDirectory(directory);
        var png = baseName + ".png";
        var svg = baseName + ".svg";
        plot.SavePng(Path.Combine(directory, png), Width, Height);
        plot.SaveSvg(Path.Combine(directory, svg), Width, Height);
        return [png, svg];
    }

    /// <summary>Headroom above the data: 5 % above the maximum, at least 1.</summary>
    private static double NiceTop(double yMax) => double.IsFinite(yMax) && yMax > 0 ? yMax * 1.05 : 1;

    private static float LabelSpace(IEnumerable<string> labels) => Math.Min(120, 16 + 7f * labels.Max(l => l.Length));
}
