using Simulation.Runner.Results;
using System.Globalization;
using Simulation.Runner.Estimators;
using Simulation.Runner.Plots;
using Simulation.Runner.Report;
using Simulation.Scenarios;

namespace Simulation.Runner.Sensitivity;

/// <summary>A bar plot per outcome and report.html, which says in plain words which assumptions the outcome rests on.</summary>
public static class SensitivityReport
{
    /// <summary>An index below this share of the largest one is not named as mattering.</summary>
    public const double MattersShare = 0.1;

    public static void Write(string directory, SensitivityRequest request, LoadedScenario scenario, LoadedScenario? other,
        SensitivityDesign design, IReadOnlyList<OutcomeAnalysis> analysis, IReadOnlySet<string> shared, ulong seed)
    {
        var failed = File.ReadLines(Path.Combine(directory, "points.csv")).Skip(1).Count(l => l.Contains(",\"failed:", StringComparison.Ordinal));
        var title = other is null ? $"Sensitivity of {scenario.Scenario.Name}" : $"Sensitivity of the effect of {scenario.Scenario.Name} against {other.Scenario.Name}";
        var report = new HtmlReport(title).Paragraph(Intro(design, other is not null, request.Replicates)).Facts([
            ("Design", design.Sweep.Kind),
            ("Points", $"{design.Sweep.Points.Count} ({failed} failed; see points.csv)"),
            ("Parameters varied", $"{design.K} of the scenario's {scenario.Scenario.Uncertain.Count} uncertain parameters"
                + (request.Only is { Count: > 0 } only ? $" (--only {string.Join(", ", only)}); the others keep the scenario's values" : "")),
            ("Replicates per point", request.Replicates.ToString(CultureInfo.InvariantCulture)),
            ("Seed", $"{seed} (every point, and the compared scenario, uses the same random streams)"),
            ("Scenario", scenario.Path + (other is null ? "" : $"; effect = {scenario.Scenario.Name} − {other.Scenario.Name} ({other.Path}), replicate by replicate")),
        ]);
        report.Heading("Which assumptions matter");
        foreach (var a in analysis)
        {
            report.Heading(a.Outcome.Title, 3);
            foreach (var p in Explain(a, design, request.Replicates)) report.Paragraph(p);
            var stem = "sensitivity_" + a.Outcome.FileStem;
            PlotStyle.Save(Plot(a, design, scenario.Scenario.Name, request.Replicates), directory, stem);
            OutputSafety.Claim(directory, stem + ".png", stem + ".svg");
            report.Figure(Path.Combine(directory, stem + ".svg"), Caption(design));
        }
        report.Table(["Parameter", "Min", "Max", "Applies to", "Why this range"], design.Parameters.Select((p, i) => (IReadOnlyList<string>)
        [
            design.Sweep.Parameters[i].Column, p.Min.ToString("G6", CultureInfo.InvariantCulture), p.Max.ToString("G6", CultureInfo.InvariantCulture),
            other is null || shared.Contains(design.Sweep.Parameters[i].Path) ? "both scenarios" : scenario.Scenario.Name + " only",
            p.Reason ?? "",
        ]), "The uncertain parameters and their ranges ($.uncertain of the scenario)");
        Limits.AddTo(report);
        report.Preformatted("Resolved scenario", RunPipelineJson(scenario));
        report.Write(Path.Combine(directory, "report.html"));
        OutputSafety.Claim(directory, "report.html");
    }

    private static string RunPipelineJson(LoadedScenario s) => Simulation.Runner.Pipeline.RunPipeline.PortableJson(s);

    private static string Intro(SensitivityDesign design, bool effect, int replicates) =>
        (design.Method == SensitivityDesign.Morris
            ? "Morris screening: each trajectory moves one assumption at a time across a grid of its range. μ* (mu-star) is how much the outcome typically changes when that assumption goes from the bottom to the top of its range; μ keeps the sign (negative: the outcome falls as the assumption rises); σ large against μ* means the effect depends on the other assumptions (interactions or curvature). "
            : "Sobol indices: the share of the outcome's variance across the design that each assumption explains on its own (first order) and together with its interactions (total). Assumptions with a small total index can be fixed anywhere in their range without changing the answer. ")
        + (effect ? "The outcomes marked 'Effect' are the paired policy effect: the scenario minus the compared scenario in each replicate, with the same random streams, so the indices describe the assumptions, not noise. " : "")
        + $"Each point is an ensemble of {replicates} replicates; the indices use the ensemble means, and the share of variance left to the random streams is reported apart.";

    internal static IEnumerable<string> Explain(OutcomeAnalysis a, SensitivityDesign design, int replicates)
    {
        string F(double v) => v.ToString(Math.Abs(v) >= 10 ? "0" : Math.Abs(v) >= 1 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
        string Name(int i) => design.Sweep.Parameters[i].Column;
        var what = a.Outcome.Effect ? "the effect" : "the outcome";
        if (a.Spread == 0 && a.NoiseShare == 0)
        {
            yield return $"{char.ToUpperInvariant(what[0])}{what[1..]} is {F(a.Mean)} at every one of the {a.Points} finished points and in every replicate: no assumption, within its range, moves it.";
            yield break;
        }
        yield return $"Across the {a.Points} finished points {what} averages {F(a.Mean)} (standard deviation {F(a.Spread)} between points).";
        if (a.Morris is { } morris)
        {
            var ranked = morris.Where(m => double.IsFinite(m.MuStar)).OrderByDescending(m => m.MuStar).ToArray();
            var floor = double.IsFinite(a.NoiseFloor) ? a.NoiseFloor : 0;
            var top = ranked.Length > 0 ? ranked[0].MuStar : 0;
            var above = ranked.Where(m => top > 0 && m.MuStar >= MattersShare * top && m.MuStar > floor).ToArray();
            var matter = above.Where(m => m.MuStarCi.Low > floor).ToArray();
            var maybe = above.Except(matter).ToArray();
            // For a fall (a negative mean effect) "raises" would read as "a larger fall"; say which way the number moves.
            string Direction(MorrisIndex m) => Math.Abs(m.Mu) >= 0.8 * m.MuStar
                ? a.Mean < 0
                    ? $"raising it makes {what} {(m.Mu > 0 ? "less negative (a smaller fall)" : "more negative (a larger fall)")}"
                    : $"raising it {(m.Mu > 0 ? "raises" : "lowers")} {what}"
                : "whether it raises or lowers " + what + " depends on the other assumptions";
            yield return matter.Length == 0
                ? $"No assumption moves {what} clearly more than replicate noise would (μ* of noise alone ≈ {F(floor)})."
                : $"It rests on {matter.Length} of the {design.K} assumptions, clearly above noise: " + string.Join("; ", matter.Take(6).Select(m =>
                    $"{Name(m.Factor)} (across its range it moves {what} by about {F(m.MuStar)}; {Direction(m)}{(m.Sigma > m.MuStar ? "; strongly non-linear or interacting" : "")})"))
                    + (matter.Length > 6 ? $"; and {matter.Length - 6} more (sensitivity.csv)" : "") + ".";
            if (maybe.Length > 0)
                yield return $"Possibly{(matter.Length > 0 ? " also" : "")} on {string.Join(", ", maybe.Take(8).Select(m => Name(m.Factor)))}{(maybe.Length > 8 ? $" and {maybe.Length - 8} more" : "")}: their μ* is above the noise level but their intervals reach down to it; more trajectories (--samples) or replicates would tell.";
            yield return $"The other {design.K - above.Length} assumptions have μ* below a tenth of the largest or below what replicate noise alone gives ({F(floor)}): within their ranges, the result does not depend on them.";
        }
        if (a.Sobol is { } sobol)
        {
            var ranked = sobol.Where(s => double.IsFinite(s.Total)).OrderByDescending(s => s.Total).ToArray();
            var matter = ranked.Where(s => s.Total >= 0.05).ToArray();
            yield return matter.Length == 0
                ? "No assumption has a total index of 5 % or more: the variance is spread thinly or is noise."
                : $"{matter.Length} of the {design.K} assumptions have a total index of 5 % or more: " + string.Join("; ", matter.Take(6).Select(s =>
                    $"{Name(s.Factor)} explains about {s.First * 100:0} % of the variance on its own and {s.Total * 100:0} % with its interactions")) + ".";
        }
        // The share is capped at 1 when the point means vary less than the noise of a mean of R replicates would: then
        // the parameters' part is too small to measure against the noise, not zero (the indices, on CRN differences, may still find it).
        var share = a.NoiseShare >= 1 ? "nearly all" : $"{a.NoiseShare * 100:0} %";
        yield return $"Replicate noise: the random streams account for {share} of the variance of a single replicate's outcome across the design; the parameters for the rest. "
            + "The indices use each point's mean over its replicates, and every point uses the same random streams, so most of that noise cancels between points"
            + (a.Morris != null ? " (what is left is the dashed line in the plot)." : ".");
    }

    private static string Caption(SensitivityDesign design) => design.Method == SensitivityDesign.Morris
        ? $"μ* of each assumption (the {SensitivityPlot.MaxBars} largest), with its bootstrap 95 % interval over trajectories. The dashed line is the μ* replicate noise alone would give (from the spread of the per-replicate effects); bars near it are not distinguishable from noise."
        : $"First-order and total Sobol indices of each assumption (the {SensitivityPlot.MaxBars} with the largest total index), with bootstrap 95 % intervals.";

    private static ScottPlot.Plot Plot(OutcomeAnalysis a, SensitivityDesign design, string scenario, int replicates)
    {
        string Name(int i) => design.Sweep.Parameters[i].Column.Replace("parameters.", "");
        var subtitle = $"{scenario}: {design.Sweep.Kind}, {replicates} replicates per point";
        if (a.Morris is { } morris)
        {
            var bars = morris.OrderByDescending(m => double.IsFinite(m.MuStar) ? m.MuStar : -1).Take(SensitivityPlot.MaxBars)
                .Select(m => new IndexBar(Name(m.Factor), m.MuStar, m.MuStarCi.Low, m.MuStarCi.High)).ToArray();
            var unit = Simulation.Model.Metrics.MetricUnits.Of(a.Outcome.Metric).Unit;
            return SensitivityPlot.Create(a.Outcome.Title, subtitle,
                $"μ*: typical change of the outcome ({(unit == Simulation.Model.Metrics.Units.Share ? "share, 0–1" : unit)}) when the assumption crosses its range",
                [("μ* with 95 % interval", bars)], (a.NoiseFloor, "μ* of replicate noise alone"));
        }
        var order = a.Sobol!.OrderByDescending(s => double.IsFinite(s.Total) ? s.Total : -1).Take(SensitivityPlot.MaxBars).ToArray();
        return SensitivityPlot.Create(a.Outcome.Title, subtitle, "Share of the outcome's variance", [
            ("total", order.Select(s => new IndexBar(Name(s.Factor), s.Total, s.TotalCi.Low, s.TotalCi.High)).ToArray()),
            ("first order", order.Select(s => new IndexBar(Name(s.Factor), s.First, s.FirstCi.Low, s.FirstCi.High)).ToArray()),
        ]);
    }
}
