using Simulation.Model.Policies;
using Simulation.Runner.Plots;
using Simulation.Runner.Results;

namespace Simulation.Runner.Report;

/// <summary>report.html of a single run: what was run, the four plots with captions, and the resolved scenario.</summary>
public static class RunReport
{
    /// <summary>Each plot of a run with its caption; counts of countries are the world data's.</summary>
    public static IReadOnlyList<(string Plot, string Caption)> Captions(EnsembleSummary summary) =>
    [
        (PlotBook.Adoption, $"How many of the {summary.CountryCount} countries use each capability over time. The line is the median over the replicates; the shaded band holds 90 % of them (5th to 95th percentile)."),
        (PlotBook.AdoptionByRegime, "The share of countries of each regime type (V-Dem Regimes of the World, 2019) that use any capability: who adopts first, autocracies or democracies?"),
        (PlotBook.MarketShare, "Whose equipment is installed: the share of the value of active contracts held by vendors from each home state, averaged over replicates."),
        (PlotBook.VendorReach, "In how many countries each of the eight most widespread vendors has an active contract."),
    ];

    /// <summary>Said only when there are policies to mark.</summary>
    public const string PolicyNote = " Dashed lines mark the policies (numbered in the legend).";

    public static void Write(ScenarioRun run, string directory, IReadOnlyList<TargetCheck> checks)
    {
        var report = new HtmlReport($"Scenario {run.Plan.Name}")
            .Paragraph(run.Source.Description)
            .Facts(WhatWasRun(run));
        var (header, rows) = KeyOutcomes.ForRun(run);
        report.Heading("Key outcomes").Table(header, rows, KeyOutcomes.RunCaption);
        Limits.AddTo(report);
        report.Heading("Results");
        foreach (var (plot, caption) in Captions(run.Summary))
            report.Figure(Path.Combine(directory, plot + ".svg"), caption + (run.Plan.Policies.Length > 0 ? PolicyNote : ""));
        Calibration(report, checks);
        report.Heading("Scenario as run").Preformatted("Resolved scenario (every default filled in)", run.Source.ResolvedJson);
        report.Write(Path.Combine(directory, "report.html"));
    }

    /// <summary>Which published facts this run meets: live when the run covers September 2019, else what the calibration found.</summary>
    public static void Calibration(HtmlReport report, IReadOnlyList<TargetCheck> checks) => Calibration(report, [("This run", checks)]);

    /// <summary>
    /// Which published facts each scenario meets (a column pair per scenario whose run covers the facts' date); when
    /// none does, what the calibration of the shipped parameters found.
    /// </summary>
    public static void Calibration(HtmlReport report, IReadOnlyList<(string Scenario, IReadOnlyList<TargetCheck> Checks)> scenarios)
    {
        report.Heading("Calibration status");
        var facts = scenarios.FirstOrDefault(s => s.Checks.Count > 0).Checks?.Select(c => c.Description).ToArray() ?? [];
        var checkedRuns = scenarios.Where(s => s.Checks.Count > 0 && s.Checks.Select(c => c.Description).SequenceEqual(facts)).ToArray(); // same facts file
        if (checkedRuns.Length == 0)
        {
            report.Paragraph((scenarios.Count == 1 ? "This run does" : "These runs do") + " not reach September 2019, the date of the facts the model is calibrated to (the Carnegie AI " +
                "Global Surveillance Index). When the shipped parameters were fitted (docs/model.md §6.1), the ensemble median met six of the " +
                "seven headline counts within ±10 % (countries using AI surveillance, each capability, Chinese vendors, Huawei) and the share " +
                "adopting in each regime class within 4 percentage points; countries with US vendors fell short (27 against 32).");
            return;
        }
        report.Paragraph("Published facts of September 2019 (Feldstein, Carnegie AI Global Surveillance Index) against " +
            (scenarios.Count == 1 ? "this run. " : "each scenario. A policy in force before that date can move a scenario off the facts the shipped parameters were fitted to. ") +
            "A fact is met when the median is within ±10 % of a count or 8 percentage points of a share, the criterion the calibration used; " +
            "a fact marked ≥ or ≤ is a bound (the data at hand can compare it with the model only from one side), met on its side and within the same tolerance on the other; " +
            "headline facts are the ones the calibration must meet.");
        var first = checkedRuns[0].Checks;
        string[] header = checkedRuns.Length == 1 && scenarios.Count == 1
            ? ["Fact", "Observed", "This run: median (5–95 %)", Met]
            : ["Fact", "Observed", .. checkedRuns.SelectMany(r => new[] { $"{r.Scenario}: median (5–95 %)", Met })];
        report.Table(header, first.Select((c, i) => (IReadOnlyList<string>)
        [
            c.Headline ? c.Description + " (headline)" : c.Description, Tolerance.Show(UnitDisplay.Format(c.Observed, c.IsCount), c.Bound),
            .. checkedRuns.SelectMany(r => new[]
            {
                KeyOutcomes.Band(r.Checks[i].Median, r.Checks[i].P05, r.Checks[i].P95, c.IsCount),
                r.Checks[i].Met ? "yes" : "*no",
            }),
        ]));
    }

    private const string Met = "Met (±10 % / ±8 pp)";

    public static IEnumerable<(string, string)> WhatWasRun(ScenarioRun run)
    {
        var plan = run.Plan;
        yield return ("Scenario", $"{plan.Name} ({run.Source.Path}, hash {plan.Hash})");
        yield return ("Horizon", $"{plan.Calendar.Start} to {plan.Calendar.End}, one tick per {plan.Calendar.Size.ToString().ToLowerInvariant()}");
        yield return ("Replicates", run.Replicates.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Seed", run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Policies", plan.Policies.Length == 0 ? "none" : string.Join(", ", plan.Policies.Select(p => $"{p.Id} ({TypeName(p.Type)}, from {p.From})")));
        yield return ("Version", string.Join(", ", Manifest.CurrentVersions().Select(kv => $"{kv.Key} {kv.Value}")));
    }

    /// <summary>A policy type as the scenario file writes it ("importBan").</summary>
    private static string TypeName(PolicyType type) => Policy.TypeNames.First(n => n.Value == type).Key;
}
