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
            $"Mean across replicates; in brackets the mean difference from {baseline} (pp: percentage points, for shares) with its 95 % confidence interval");
        report.Paragraph("Two kinds of range appear in this report. The table's 95 % confidence interval says how precisely the " +
            $"replicates pin down the average effect: with {runs[0].Replicates} replicates it narrows as more are run. The difference plots' " +
            "5–95 % band shows how much the effect varies from one replicate (one possible history) to another: it does not narrow " +
            "with more replicates. An average effect can be certain (interval clear of zero) while single histories still vary widely.");

        report.Heading("Over time");
        foreach (var (outcome, overlay, difference) in figures)
        {
            report.Figure(Path.Combine(directory, overlay),
                $"{outcome.Title}: median of each scenario with the band holding 90 % of replicates. Colours are the same scenario in every plot." +
                (runs.Any(r => r.Scenario.Scenario.Policies.Count > 0) ? RunReport.PolicyNote : ""));
            if (difference != null)
                report.Figure(Path.Combine(directory, difference),
                    $"{outcome.Title}: each scenario minus {baseline}, replicate by replicate. The line is the mean difference, the band the 5–95 % range; a band clear of zero is an effect visible in almost every replicate (this spread of single histories is wider than the table's confidence interval of the mean).");
        }
        report.Heading("Scenarios as run");
        foreach (var run in runs) report.Preformatted(run.Summary.Scenario, RunPipeline.PortableJson(run.Scenario));
        report.Write(Path.Combine(directory, "report.html"));
    }

    private static string[] Header(IReadOnlyList<ScenarioRun> runs) =>
        ["Outcome", "Unit", "Date", .. runs.Select((r, i) => i == 0 ? r.Summary.Scenario : $"{r.Summary.Scenario} (difference; 95 % CI)")];

    private static IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<ScenarioRun> runs, IReadOnlyList<DeltaRow> deltas)
    {
        foreach (var o in Outcome.Main)
            foreach (var date in KeyOutcomes.Dates(runs[0]))
            {
                var row = new List<string> { o.Title, o.ScreenUnit, date };
                var t = KeyOutcomes.Tick(runs[0], date);
                row.Add(UnitDisplay.Format(runs[0].Summary.Band(o.Metric, o.Group).Mean[t] * o.Scale));
                foreach (var run in runs.Skip(1))
                {
                    var mean = run.Summary.Band(o.Metric, o.Group).Mean[t] * o.Scale;
                    var d = deltas.First(x => x.Scenario == run.Summary.Scenario && x.Date == date && x.Metric == o.Metric && x.Group == o.Group);
                    var cell = $"{UnitDisplay.Format(mean)} ({UnitDisplay.Signed(d.MeanDiff * o.Scale)} {o.DifferenceUnit}; " +
                        $"{UnitDisplay.Format(d.Ci95Low * o.Scale)} to {UnitDisplay.Format(d.Ci95High * o.Scale)})";
                    row.Add(d.Significant ? "*" + cell : cell);
                }
                yield return row;
            }
    }
}
