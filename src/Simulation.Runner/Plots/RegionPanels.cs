using System.Text;
using ScottPlot;
using Simulation.Runner.Results;

namespace Simulation.Runner.Plots;

/// <summary>
/// Small multiples of a paired difference, one panel per World Bank region, on a shared y axis so panels compare at a
/// glance: each scenario minus the first, mean of the paired differences at every year end with their 5–95 % range.
/// </summary>
public static class RegionPanels
{
    private const int Columns = 4, PanelWidth = 400, PanelHeight = 300, TitleHeight = 50;

    public static IReadOnlyList<string> Write(IReadOnlyList<ScenarioRun> runs, Outcome o, string directory)
    {
        var baseline = runs[0].Result;
        var regions = baseline.Groups.Groups.Where(g => g.Kind == "region").ToArray();
        var years = baseline.YearEnds.Select(t => baseline.Dates[t].DecimalYear).ToArray();
        var bands = regions.Select(r => runs.Skip(1).Select(run =>
            PairedDifferences.GroupBand(run.Result, baseline, r.Name, o.Metric, o.Group)).ToArray()).ToArray();
        var all = bands.SelectMany(b => b).SelectMany(b => b.P05.Concat(b.P95)).Select(v => v * o.Scale).DefaultIfEmpty(0).ToArray();
        var (low, high) = PlotStyle.DifferenceRange(all.Min(), all.Max(), 0.08); // one scale for every panel
        var panels = new List<Plot>();
        for (var p = 0; p < regions.Length; p++)
        {
            var plot = PlotStyle.Panel($"{regions[p].Label} ({regions[p].Members})", o.DifferenceUnit);
            for (var i = 0; i < bands[p].Length; i++)
            {
                var (mean, p05, p95) = bands[p][i];
                var color = ComparePlots.ScenarioColor(i + 1);
                var fill = plot.Add.FillY(years, [.. p05.Select(v => v * o.Scale)], [.. p95.Select(v => v * o.Scale)]);
                fill.FillColor = color.WithAlpha(PlotStyle.BandAlpha);
                fill.LineWidth = 0;
                var line = plot.Add.ScatterLine(years, [.. mean.Select(v => v * o.Scale)], color);
                line.LineWidth = 2;
            }
            plot.Add.HorizontalLine(0, 1, Colors.Black);
            PlotStyle.YearTicks(plot, years);
            plot.Axes.SetLimits(years.DefaultIfEmpty(0).First(), years.DefaultIfEmpty(1).Last(), low, high);
            panels.Add(plot);
        }
        var title = $"{o.Title} by region: {string.Join(", ", runs.Skip(1).Select(r => r.Summary.Scenario))} minus {runs[0].Summary.Scenario}";
        var subtitle = "mean of paired differences at each year end (line) and 5–95 % range of the per-replicate differences (band)";
        var stem = "diff_by_region_" + o.FileStem;
        SavePng(panels, title, subtitle, Path.Combine(directory, stem + ".png"));
        File.WriteAllText(Path.Combine(directory, stem + ".svg"), Svg(panels, title, subtitle));
        return [stem + ".png", stem + ".svg"];
    }

    private static int Rows(int panels) => (panels + Columns - 1) / Columns;

    private static void SavePng(IReadOnlyList<Plot> panels, string title, string subtitle, string path)
    {
        var (width, height) = (Columns * PanelWidth, TitleHeight + Rows(panels.Count) * PanelHeight);
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SkiaSharp.SKColors.White);
        using var font = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.FromFamilyName(PlotStyle.FontName), 17);
        using var small = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.FromFamilyName(PlotStyle.FontName), 13);
        using var ink = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, 12, 22, font, ink);
        canvas.DrawText(subtitle, 12, 42, small, ink);
        for (var i = 0; i < panels.Count; i++)
        {
            using var image = SkiaSharp.SKImage.FromEncodedData(panels[i].GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png));
            canvas.DrawImage(image, i % Columns * PanelWidth, TitleHeight + i / Columns * PanelHeight);
        }
        using var data = surface.Snapshot().Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>One SVG holding every panel's SVG at its place; clip-path ids are prefixed per panel so they stay unique.</summary>
    private static string Svg(IReadOnlyList<Plot> panels, string title, string subtitle)
    {
        var (width, height) = (Columns * PanelWidth, TitleHeight + Rows(panels.Count) * PanelHeight);
        var svg = new StringBuilder($"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">""");
        svg.Append($"""<rect fill="white" width="{width}" height="{height}"/>""");
        svg.Append($"""<text x="12" y="22" font-family="{PlotStyle.FontName}" font-size="17">{System.Net.WebUtility.HtmlEncode(title)}</text>""");
        svg.Append($"""<text x="12" y="42" font-family="{PlotStyle.FontName}" font-size="13">{System.Net.WebUtility.HtmlEncode(subtitle)}</text>""");
        for (var i = 0; i < panels.Count; i++)
        {
            var panel = panels[i].GetSvgXml(PanelWidth, PanelHeight);
            panel = panel[panel.IndexOf("<svg", StringComparison.Ordinal)..]
                .Replace("id=\"", $"id=\"r{i}_").Replace("url(#", $"url(#r{i}_");
            svg.Append(panel.Replace("<svg ", $"<svg x=\"{i % Columns * PanelWidth}\" y=\"{TitleHeight + i / Columns * PanelHeight}\" "));
        }
        return svg.Append("</svg>").ToString();
    }
}
