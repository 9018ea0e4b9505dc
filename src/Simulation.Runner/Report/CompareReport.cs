using Simulation.Model.Output;
using Simulation.Model.Setup;
using Simulation.Runner.Plots;
using Simulation.Runner.Results;

namespace Simulation.Runner.Report;

/// <summary>The SVG files of one outcome in a comparison: overlay, difference over time, difference by region.</summary>
public sealed record CompareFigures(Outcome Outcome, string Overlay, string? Difference, string? ByRegion);

/// <summary>report.html of a comparison: method, key-outcome table with significance, overlay and difference plots.</summary>
public static class CompareReport
{
    public static void Write(IReadOnlyList<ScenarioRun> runs, IReadOnlyList<DeltaRow> deltas,
        IReadOnlyList<CompareFigures> figures, string directory, IReadOnlyList<IReadOnlyList<TargetCheck>> checks)
    {
        var baseline = runs[0].Summary.Scenario;
        var report = new HtmlReport($"Comparison: {string.Join(" vs ", runs.Select(r => r.Summary.Scenario))}")
            .Paragraph($"Every scenario was run with the same seed ({runs[0].Seed}) and {runs[0].Replicates} replicates, using common " +
                "random numbers: replicate r of every scenario draws from the same random streams, so the difference between two " +
                "scenarios in a replicate is the effect of their different policies, not noise. Differences are scenario minus " +
                $"{baseline}. A difference is marked (bold, highlighted) when its 95 % confidence interval excludes zero.");
        foreach (var run in runs)
            report.Heading(run.Summary.Scenario, 3).Paragraph(run.Source.Description).Facts(RunReport.WhatWasRun(run));

        report.Heading("Key outcomes");
        report.Table(Header(runs), Rows(runs, deltas, CountryGroups.World),
            $"Mean across replicates; in brackets the mean difference from {baseline} (pp: percentage points, for shares) with its 95 % confidence interval");
        report.Paragraph("Two kinds of range appear in this report. The table's 95 % confidence interval says how precisely the " +
            $"replicates pin down the average effect: with {runs[0].Replicates} replicates it narrows as more are run. The difference plots' " +
            "5–95 % band shows how much the effect varies from one replicate (one possible history) to another: it does not narrow " +
            "with more replicates. An average effect can be certain (interval clear of zero) while single histories still vary widely.");

        Limits.AddTo(report);
        report.Heading("Key outcomes by group");
        report.Paragraph("The same outcomes within groups of countries: first the groups the scenario's report lists, then those " +
            "its policies target, then the World Bank regions. Every group's table is in groups.csv (levels) and deltas.csv (differences).");
        foreach (var group in LeadGroups(runs))
            report.Table(Header(runs), Rows(runs, deltas, group.Name), $"{group.Label} ({group.Name}, {group.Members} countries)");

        report.Heading("Over time");
        foreach (var (outcome, overlay, difference, byRegion) in figures)
        {
            report.Figure(Path.Combine(directory, overlay),
                $"{outcome.Title}: median of each scenario with the band holding 90 % of replicates. Colours are the same scenario in every plot." +
                (runs.Any(r => r.Plan.Policies.Length > 0) ? RunReport.PolicyNote : ""));
            if (difference != null)
                report.Figure(Path.Combine(directory, difference),
                    $"{outcome.Title}: each scenario minus {baseline}, replicate by replicate. The line is the mean difference, the band the 5–95 % range; a band clear of zero is an effect visible in almost every replicate (this spread of single histories is wider than the table's confidence interval of the mean).");
            if (byRegion != null)
                report.Figure(Path.Combine(directory, byRegion),
                    $"{outcome.Title}, difference from {baseline} within each World Bank region (number of countries in brackets), at each year end, on one scale for all regions.");
        }
        RunReport.Calibration(report, [.. runs.Select((r, i) => (r.Summary.Scenario, checks[i]))]);
        report.Heading("Scenarios as run");
        foreach (var run in runs) report.Preformatted(run.Summary.Scenario, run.Source.ResolvedJson);
        report.Write(Path.Combine(directory, "report.html"));
    }

    private static string[] Header(IReadOnlyList<ScenarioRun> runs) =>
        ["Outcome", "Unit", "Date", .. runs.Select((r, i) => i == 0 ? r.Summary.Scenario : $"{r.Summary.Scenario} (difference; 95 % CI)")];

    /// <summary>Groups the report lists first (scenario "report.groups"), then the policies' country targets, then the regions.</summary>
    private static IEnumerable<BreakdownGroup> LeadGroups(IReadOnlyList<ScenarioRun> runs)
    {
        var groups = runs[0].Result.Groups.Groups;
        var names = runs.SelectMany(r => r.Source.LeadGroups).Concat(groups.Where(g => g.Kind == "region").Select(g => g.Name));
        return names.Distinct().Select(n => groups.FirstOrDefault(g => g.Name == n)).OfType<BreakdownGroup>();
    }

    /// <summary>Mean across replicates of an outcome in a country group ("world": the whole world) at a year end.</summary>
    private static double Mean(ScenarioRun run, string countryGroup, Outcome o, string date)
    {
        var t = KeyOutcomes.Tick(run, date);
        if (countryGroup == CountryGroups.World) return run.Summary.Band(o.Metric, o.Group).Mean[t];
        var groups = run.Result.Groups;
        var (y, g, s) = (run.Result.YearEndOf(t), groups.GroupIndex(countryGroup), groups.SeriesIndex(o.Metric, o.Group));
        return Enumerable.Range(0, run.Replicates).Average(r => groups.Value(r, y, g, s));
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<ScenarioRun> runs, IReadOnlyList<DeltaRow> deltas, string countryGroup)
    {
        foreach (var o in Outcome.Main)
            foreach (var date in KeyOutcomes.Dates(runs[0]))
            {
                var count = UnitDisplay.IsCount(o.Unit);
                var row = new List<string> { o.Title, o.ScreenUnit, date, UnitDisplay.Format(Mean(runs[0], countryGroup, o, date) * o.Scale, count) };
                foreach (var run in runs.Skip(1))
                {
                    var d = deltas.FirstOrDefault(x => x.Scenario == run.Summary.Scenario && x.Date == date && x.CountryGroup == countryGroup
                        && x.Metric == o.Metric && x.Group == o.Group);
                    if (d is null) { row.Add("—"); continue; }
                    var cell = $"{UnitDisplay.Format(Mean(run, countryGroup, o, date) * o.Scale, count)} ({UnitDisplay.Signed(d.MeanDiff * o.Scale, count)} {o.DifferenceUnit}; " +
                        $"{UnitDisplay.Format(d.Ci95Low * o.Scale, count)} to {UnitDisplay.Format(d.Ci95High * o.Scale, count)})";
                    row.Add(d.Significant ? "*" + cell : cell);
                }
                yield return row;
            }
    }
}
