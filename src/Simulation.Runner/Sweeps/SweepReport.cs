using System.Globalization;
using ScottPlot;
using PlotStyle = Simulation.Runner.Plots.PlotStyle;
using Simulation.Model.Scenarios;
using Simulation.Runner.Plots;
using Simulation.Runner.Report;

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
        report.Heading("Outcomes at the horizon");
        foreach (var parameter in design.Parameters.Select((p, j) => (p, j)))
            foreach (var outcome in Outcome.Main)
            {
                var data = horizon.Where(h => h.Outcome == outcome).OrderBy(h => h.Values[parameter.j]).ToArray();
                if (data.Length == 0) continue;
                var stem = $"sweep_{outcome.FileStem}_vs_{parameter.p.Column.Replace('.', '_')}";
                PlotStyle.Save(Plot(scenario.Scenario.Name, outcome, parameter.p, parameter.j, data, replicates), directory, stem);
                report.Figure(Path.Combine(directory, stem + ".svg"),
                    $"{outcome.Title} at the end of the horizon for each point, against {parameter.p.Column}: the dot is the median over replicates, the bar the 5–95 % range.");
            }
        report.Write(Path.Combine(directory, "report.html"));
    }

    private static IEnumerable<IReadOnlyList<string>> PointRows(string directory, SweepDesign design) =>
        File.ReadLines(Path.Combine(directory, "points.csv")).Skip(1).Select(line =>
        {
            var f = line.Split(',', design.Parameters.Count + 2);
            var status = f[^1][..f[^1].LastIndexOf(',')].Trim('"');
            return (IReadOnlyList<string>)[f[0], .. f.Skip(1).Take(design.Parameters.Count), status];
        });

    private static Plot Plot(string scenario, Outcome outcome, SweepParameter parameter, int j, HorizonPoint[] data, int replicates)
    {
        var plot = new Plot();
        plot.Font.Set(PlotStyle.FontName);
        plot.Title($"{outcome.Title} at the horizon vs {parameter.Column} — {scenario}\nmedian (dot) and 5–95 % range (bar) over {replicates} replicates per point", 16);
        plot.XLabel(parameter.Column, 14);
        plot.YLabel(outcome.YLabel, 14);
        var color = PlotStyle.PaletteColor(0);
        foreach (var h in data)
        {
            var bar = plot.Add.Line(h.Values[j], h.P05, h.Values[j], h.P95);
            bar.Color = color.WithAlpha(0.6);
            bar.LineWidth = 2;
        }
        var medians = plot.Add.ScatterPoints(data.Select(h => h.Values[j]).ToArray(), data.Select(h => h.P50).ToArray(), color);
        medians.MarkerSize = 9;
        var (x0, x1) = (data.Min(h => h.Values[j]), data.Max(h => h.Values[j]));
        var pad = x1 > x0 ? (x1 - x0) * 0.08 : Math.Max(Math.Abs(x0) * 0.1, 1e-6);
        plot.Axes.SetLimits(x0 - pad, x1 + pad, 0, Math.Max(1e-9, data.Max(h => h.P95)) * 1.05);
        return plot;
    }
}
