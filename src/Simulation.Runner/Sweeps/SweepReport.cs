using Simulation.Runner.Results;
using System.Globalization;
using ScottPlot;
using PlotStyle = Simulation.Runner.Plots.PlotStyle;
using Simulation.Runner.Plots;
using Simulation.Runner.Report;
using Simulation.Scenarios;

namespace Simulation.Runner.Sweeps;

/// <summary>Plots of each main outcome at the horizon against each swept parameter, and the sweep's report.html.</summary>
public static class SweepReport
{
    public static void Write(string directory, LoadedScenario scenario, SweepDesign design, int replicates, ulong seed, IReadOnlyList<HorizonPoint> horizon)
    {
        var report = new HtmlReport($"Sweep of {scenario.Scenario.Name}")
            .Paragraph(scenario.Scenario.Description)
            .Facts([
                ("Design", design.Kind),
                ("Parameters", string.Join("; ", design.Parameters.Select(p => $"{p.Path} = {string.Join(", ", p.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}"))),
                ("Points", design.Points.Count.ToString(CultureInfo.InvariantCulture)),
                ("Replicates per point", replicates.ToString(CultureInfo.InvariantCulture)),
                ("Seed", $"{seed} (every point uses the same random streams, so differences between points come from the parameters)"),
            ]);
        report.Table(["Point", .. design.Parameters.Select(p => p.Column), "Status"], PointRows(directory, design), "Points (points.csv)");
        Limits.AddTo(report);
        report.Heading("Outcomes at the horizon");
        foreach (var parameter in design.Parameters.Select((p, j) => (p, j)))
            foreach (var outcome in Outcome.Main)
            {
                var data = horizon.Where(h => h.Outcome == outcome).OrderBy(h => h.Values[parameter.j]).ToArray();
                if (data.Length == 0) continue;
                var stem = ShellSafe($"sweep_{outcome.FileStem}_vs_{parameter.p.Column}");
                var other = design.Parameters.Count > 1 ? (parameter.j == 0 ? 1 : 0) : -1;
                PlotStyle.Save(Plot(scenario.Scenario.Name, outcome, design.Parameters, parameter.j, other, data, replicates, scenario.World.Countries.Count),
                    directory, stem);
                OutputSafety.Claim(directory, stem + ".png", stem + ".svg");
                report.Figure(Path.Combine(directory, stem + ".svg"),
                    $"{outcome.Title} at the end of the horizon for each point, against {parameter.p.Column}: the dot is the median over replicates, the bar the 5–95 % range" +
                    (other >= 0 ? $"; colours tell the values of {design.Parameters[other].Column} apart." : "."));
            }
        report.Write(Path.Combine(directory, "report.html"));
        OutputSafety.Claim(directory, "report.html");
    }

    private static IEnumerable<IReadOnlyList<string>> PointRows(string directory, SweepDesign design) =>
        File.ReadLines(Path.Combine(directory, "points.csv")).Skip(1).Select(line =>
        {
            var f = line.Split(',', design.Parameters.Count + 2);
            var status = f[^1][..f[^1].LastIndexOf(',')].Trim('"');
            return (IReadOnlyList<string>)[f[0], .. f.Skip(1).Take(design.Parameters.Count), status];
        });

    /// <summary>A file name any shell takes without quoting: letters, digits, '_' and '-' only.</summary>
    public static string ShellSafe(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name.Replace('.', '_'), "[^A-Za-z0-9_-]+", "_").Trim('_');

    /// <summary>Median dots and 5–95 % bars against parameter j; with a second parameter, one colour per value of it.</summary>
    private static Plot Plot(string scenario, Outcome outcome, IReadOnlyList<SweepParameter> parameters, int j, int other, HorizonPoint[] data, int replicates,
        int countries)
    {
        var plot = PlotStyle.Titled($"{outcome.Title} at the horizon vs {parameters[j].Column} — {scenario}",
            $"median (dot) and 5–95 % range (bar) over {replicates} replicates per point", parameters[j].Column, outcome.YLabel(countries));
        // Points of a grid share x values: a small offset per colour keeps their bars apart.
        var series = other < 0 ? [(Label: "", Points: data)]
            : data.GroupBy(h => h.Values[other]).OrderBy(g => g.Key)
                .Select(g => (Label: $"{parameters[other].Column} = {g.Key.ToString("G6", CultureInfo.InvariantCulture)}", Points: g.ToArray())).ToArray();
        var (x0, x1) = (data.Min(h => h.Values[j]), data.Max(h => h.Values[j]));
        var span = x1 > x0 ? x1 - x0 : Math.Max(Math.Abs(x0) * 0.1, 1e-6);
        for (var k = 0; k < series.Length; k++)
        {
            var color = PlotStyle.PaletteColor(k);
            var shift = series.Length > 1 ? (k - (series.Length - 1) / 2.0) * span * 0.012 : 0;
            foreach (var h in series[k].Points)
            {
                var bar = plot.Add.Line(h.Values[j] + shift, h.P05, h.Values[j] + shift, h.P95);
                bar.Color = color.WithAlpha(0.6);
                bar.LineWidth = 2;
            }
            var medians = plot.Add.ScatterPoints(series[k].Points.Select(h => h.Values[j] + shift).ToArray(), series[k].Points.Select(h => h.P50).ToArray(), color);
            medians.MarkerSize = 9;
            medians.LegendText = series[k].Label;
        }
        var (lo, hi) = (data.Min(h => h.P05), data.Max(h => h.P95));
        var pad = Math.Max(hi - lo, Math.Max(Math.Abs(hi), 1) * 0.02) * 0.08;
        plot.Axes.SetLimits(x0 - span * 0.08, x1 + span * 0.08, lo - pad, hi + pad);
        if (series.Length > 1) PlotStyle.Legend(plot);
        return plot;
    }
}
