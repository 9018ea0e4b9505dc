using System.Globalization;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Plots;
using Simulation.Runner.Results;

namespace Simulation.Runner.Report;

/// <summary>report.html of a comparison: method, key-outcome table with significance, overlay and difference plots.</summary>
public static class CompareReport
{
    public static void Write(IReadOnlyList<ScenarioRun> runs, IReadOnlyList<DeltaRow> deltas,
        IReadOnlyList<(Outcome Outcome, string Overlay, string? Difference)> figures, string directory)
    {
        var baseline = runs[0].Summary.Scenario;
        var report = new HtmlReport($"Comparison: {string.Join(" vs ", runs.Select(r => r.Summary.Scenario))}")
            .Paragraph($"Every scenario was run with the same seed ({runs[0].Seed}) and {runs[0].Replicates} replicates, using common " +
                "random numbers: replicate r of every scenario draws from the same random streams, so the difference between two " +
                "scenarios in a replicate is the effect of their different policies, not noise. Differences are scenario minus " +
                $"{baseline}. A difference is marked (bold, highlighted) when its 95 % confidence interval excludes zero.");
        foreach (var run in runs)
            report.Heading(run.Summary.Scenario, 3).Paragraph(run.Scenario.Scenario.Description).Facts(RunReport.WhatWasRun(run));

        report.Heading("Key outcomes");
        report.Table(Header(runs), Rows(runs, deltas),
            $"Mean across replicates; in brackets the difference from {baseline} with its 95 % interval");

        report.Heading("Over time");
        foreach (var (outcome, overlay, difference) in figures)
        {
            report.Figure(Path.Combine(directory, overlay),
                $"{outcome.Title}: median of each scenario with the band holding 90 % of replicates. Colours are the same scenario in every plot; dashed lines mark policies.");
            if (difference != null)
                report.Figure(Path.Combine(directory, difference),
                    $"{outcome.Title}: each scenario minus {baseline}, replicate by replicate. The line is the mean difference, the band the 5–95 % range; a band clear of zero is an effect visible in almost every replicate.");
        }
        report.Heading("Scenarios as run");
        foreach (var run in runs) report.Preformatted(run.Summary.Scenario, RunPipeline.PortableJson(run.Scenario));
        report.Write(Path.Combine(directory, "report.html"));
    }

    /// <summary>Dates of the table: end of 2025, end of 2030 and the horizon's last year end, where they exist.</summary>
    private static string[] Dates(ScenarioRun run)
    {
        var ends = run.Result.Recorder.YearEndTicks.Select(t => run.Result.Recorder.Context.Calendar.DateOf(t)).ToArray();
        return [.. ends.Where(d => d.Year is 2025 or 2030 || d == ends[^1]).Select(d => d.ToString()).Distinct()];
    }

    private static string[] Header(IReadOnlyList<ScenarioRun> runs) =>
        ["Outcome", "Date", .. runs.Select(r => r.Summary.Scenario)];

    private static IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<ScenarioRun> runs, IReadOnlyList<DeltaRow> deltas)
    {
        foreach (var o in Outcome.Main)
            foreach (var date in Dates(runs[0]))
            {
                var row = new List<string> { o.Title, date };
                var t = Array.FindIndex(runs[0].Summary.Dates, d => d.ToString() == date);
                row.Add(Format(runs[0].Summary.Band(o.Metric, o.Group).Mean[t] * o.Scale));
                foreach (var run in runs.Skip(1))
                {
                    var mean = run.Summary.Band(o.Metric, o.Group).Mean[t] * o.Scale;
                    var d = deltas.First(x => x.Scenario == run.Summary.Scenario && x.Date == date && x.Metric == o.Metric && x.Group == o.Group);
                    var cell = $"{Format(mean)} ({Signed(d.MeanDiff * o.Scale)}; {Format(d.Ci95Low * o.Scale)} to {Format(d.Ci95High * o.Scale)})";
                    row.Add(d.Significant ? "*" + cell : cell);
                }
                yield return row;
            }
    }

    private static string Format(double v) => v.ToString(Math.Abs(v) >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
    private static string Signed(double v) => (v >= 0 ? "+" : "") + Format(v);
}
