using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Model.Output;
using Simulation.Model.Setup;
using Simulation.Runner.Cluster;
using Simulation.Runner.Plots;
using Simulation.Runner.Report;
using Simulation.Runner.Results;
using Simulation.Runner.Pipeline;
using Simulation.Scenarios;

namespace Simulation.Runner.Calibration;

/// <summary>
/// calibrate: scenario with free parameters + targets → fitted parameters → calibration.csv, fitted-parameters.json
/// (a scenario fragment the baseline extends) and report.html, moved into place at the end.
/// </summary>
public static class CalibratePipeline
{
    public static string Run(string scenarioPath, string targetsPath, int replicates, int budget, ulong? seed, string? output, bool force,
        CancellationToken cancel = default, ClusterAddress? cluster = null, bool verbose = false, int folds = 0, int foldBudget = 0, int scout = 0,
        IReadOnlyList<ulong>? unseenSeeds = null, Search search = Search.Simplex)
    {
        var scenario = ScenarioLoader.Load(scenarioPath);
        var targets = TargetFile.Load(targetsPath, scenario);
        var fitSeed = seed ?? scenario.Scenario.Seed;
        unseenSeeds ??= [];
        if (folds > targets.Targets.Count) // a fold with nothing held out would be a fit on every target shown as a check
            throw new ArgumentException($"--folds {folds}: {targetsPath} has {targets.Targets.Count} targets, so some folds would hold none out; use at most {targets.Targets.Count}");
        if (unseenSeeds.Contains(fitSeed))
            throw new ArgumentException($"--unseen-seeds: {fitSeed} is the seed the fit runs on ({(seed is null ? "the scenario's \"seed\"" : "--seed")}), so the fit sees it; name other seeds");
        using var folder = OutputFolder.Open(output, scenario.Scenario.Name + "-calibration", force, "calibrate",
            scenario.Inputs.Append(Path.GetFullPath(targetsPath)));
        // On a cluster every ensemble of the search is spread over its silos; the search itself stays here.
        var ensemble = cluster is null ? null : ClusterEnsemble.ConnectAsync(cluster, verbose, cancel).GetAwaiter().GetResult();
        try
        {
            Func<RunPlan, EnsembleResult>? simulate = ensemble is null ? null : plan => ensemble.RunAsync(plan, null, cancel).GetAwaiter().GetResult();
            Calibrate(scenario, targets, replicates, budget, fitSeed, folder, simulate, folds, foldBudget, scout, unseenSeeds, search, cancel);
        }
        finally
        {
            ensemble?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return folder.Destination;
    }

    private static void Calibrate(LoadedScenario scenario, TargetFile targets, int replicates, int budget, ulong seed, OutputFolder folder,
        Func<RunPlan, EnsembleResult>? simulate, int folds, int foldBudget, int scout, IReadOnlyList<ulong> unseenSeeds, Search search, CancellationToken cancel)
    {
        var calibrator = new Calibrator(scenario, targets, replicates, seed, simulate);
        var before = calibrator.Evaluate();
        var result = Track(budget, progress => calibrator.Fit(budget, progress, cancel, scout: scout, search: search));
        if (folds > 1)
        {
            Console.WriteLine($"  cross-validation: {folds} folds of the targets, {foldBudget} runs each, " +
                (scout > 0 ? $"each fitted from scratch (the best of {scout} Latin-hypercube points)" : "each re-fitted from the full fit") +
                (search == Search.CmaEs ? ", then CMA-ES" : ", then the simplex"));
            result = result with { Folds = calibrator.CrossValidate(folds, foldBudget, result, cancel, scout, search,
                fold => Lines(foldBudget, $"fold {fold}")) }; // numbered as in calibration.csv
            foreach (var line in FoldLines(result.Folds)) Console.WriteLine("  " + line);
        }

        // The fitted values on seeds the fit never saw: is the fit the model's or one seed's luck?
        double[] fitted = [.. result.Fitted.Select(f => f.Value)];
        var unseen = unseenSeeds.Select(s =>
        {
            cancel.ThrowIfCancellationRequested();
            var check = new SeedCheck(s, new Calibrator(scenario, targets, replicates, s, simulate).Evaluate(fitted));
            Console.WriteLine("  " + check.Line);
            return check;
        }).ToArray();

        WriteCsv(folder.PathOf("calibration.csv"), result);
        if (result.Folds.Count > 0) WriteFolds(folder.PathOf("folds.csv"), result);
        if (unseen.Length > 0) SeedCheck.WriteCsv(folder.PathOf("seeds.csv"), unseen);
        File.WriteAllText(folder.PathOf("fitted-parameters.json"), Fragment(scenario, targets, result));
        if (result.Fits.Any(f => !f.Target.IsShare)) // the plot shows counts; a targets file may hold only shares
            PlotStyle.Save(CalibrationPlot.Create(scenario.Scenario.Name, targets.Date, result.Fits, replicates),
                folder.PathOf(""), "calibration");
        WriteReport(folder.PathOf("report.html"), scenario, targets, replicates, before, result, unseen, SearchLine(search, scout, folds, foldBudget));
        folder.Commit();
    }

    private static CalibrationResult Track(int budget, Func<IProgress<(int Evaluation, double Loss, double Best)>, CalibrationResult> fit)
    {
        if (!ConsoleProgress.Live) return fit(Lines(budget, "calibration"));
        return ConsoleProgress.Bar("calibration", budget, task => fit(new Progress<(int Evaluation, double Loss, double Best)>(p =>
        {
            task.Value = p.Evaluation;
            task.Description = string.Create(CultureInfo.InvariantCulture, $"calibration (best loss {p.Best:0.0000})");
        })));
    }

    /// <summary>A line every ten runs (a fold's search prints these too: it may take an hour).</summary>
    private static IProgress<(int Evaluation, double Loss, double Best)> Lines(int budget, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Progress<T> would post to the thread pool, so lines could arrive late or out of order; print as reported.
        return new Reported(p =>
        {
            if (p.Evaluation % 10 != 0) return;
            // Straight-line estimate; the simplex may stop before the budget is spent.
            var left = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / p.Evaluation * (budget - p.Evaluation));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {what}: {p.Evaluation}/{budget} runs, best loss {p.Best:0.0000}, about {(int)left.TotalHours}:{left:mm\\:ss} left"));
        });
    }

    private sealed class Reported(Action<(int Evaluation, double Loss, double Best)> report) : IProgress<(int Evaluation, double Loss, double Best)>
    {
        public void Report((int Evaluation, double Loss, double Best) value) => report(value);
    }

    /// <summary>Each fold's own fit against the full fit on the targets the fold was fitted to.</summary>
    private static IEnumerable<string> FoldLines(IReadOnlyList<FoldFit> folds) => folds.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"Fold {f.Fold} ({string.Join(", ", f.HeldOut.Select(h => h.Target.Id))} held out): loss {f.Loss:0.00} at its own fit, {f.FullFitLoss:0.00} at the full fit, on the other targets: ") +
        (f.Converged ? "converged, so its held-out errors are the model's." : "did not converge, so its held-out errors measure the search as much as the model."));

    /// <summary>One row per target: the fit, and (after cross-validation) the median when the target was held out.</summary>
    private static void WriteCsv(string path, CalibrationResult result)
    {
        using var csv = new Csv(path, "target,observed,bound,model_p05,model_p50,model_p95,rel_error,within_tolerance,heldout_fold,heldout_p05,heldout_p50,heldout_p95,heldout_within_tolerance");
        foreach (var f in result.Fits)
        {
            csv.Field(f.Target.Id).Field(f.Observed).Field(f.Target.Bound ?? "").Field(f.P05).Field(f.P50).Field(f.P95).Field(f.RelativeError).Field(f.WithinTolerance ? "yes" : "no");
            var fold = result.Folds.FirstOrDefault(x => x.HeldOut.Any(h => h.Target.Id == f.Target.Id));
            var h = fold?.HeldOut.First(x => x.Target.Id == f.Target.Id);
            if (h is null) csv.Field("").Field("").Field("").Field("").Field("");
            else csv.Field(fold!.Fold).Field(h.P05).Field(h.P50).Field(h.P95).Field(h.WithinTolerance ? "yes" : "no");
            csv.EndRow();
        }
    }

    /// <summary>One row per fold and free parameter: the fold's fit beside the full fit, with both losses on the fold's targets.</summary>
    private static void WriteFolds(string path, CalibrationResult result)
    {
        using var csv = new Csv(path, "fold,held_out,parameter,fold_value,full_fit_value,fold_loss,full_fit_loss,converged");
        foreach (var fold in result.Folds)
            foreach (var ((parameter, value), i) in fold.Fitted.Select((p, i) => (p, i)))
                csv.Field(fold.Fold).Field(string.Join(" ", fold.HeldOut.Select(h => h.Target.Id))).Field(parameter.Path).Field(value)
                    .Field(result.Fitted[i].Value).Field(fold.Loss).Field(fold.FullFitLoss).Field(fold.Converged ? "yes" : "no").EndRow();
    }

    /// <summary>
    /// The fitted values as a scenario fragment. A value inside a list is written with its whole list, because lists
    /// replace (not merge) under "extends".
    /// </summary>
    public static string Fragment(LoadedScenario scenario, TargetFile targets, CalibrationResult result)
    {
        var fitted = scenario.Editable(result.Fitted.Select(f => f.Parameter.Path));
        foreach (var (p, v) in result.Fitted) ScenarioPaths.Set(fitted, p.Path, v);
        var fragment = new JsonObject();
        foreach (var (p, _) in result.Fitted)
        {
            var segments = ScenarioPaths.Normalise(p.Path)[2..].Split('.');
            JsonObject source = fitted, target = fragment;
            for (var i = 0; i < segments.Length; i++)
            {
                var name = segments[i].Split('[')[0];
                if (i == segments.Length - 1) { target[name] = source[name]!.DeepClone(); break; }
                source = source[name]!.AsObject();
                target = (target[name] ??= new JsonObject()).AsObject();
            }
        }
        var root = new JsonObject
        {
            ["$schema"] = "scenario.schema.json",
            ["name"] = "calibrated-parameters",
            ["description"] = string.Create(CultureInfo.InvariantCulture,
                $"Parameters fitted by `calibrate` from {scenario.Path} to {targets.Source} ({targets.Date}); loss {result.Loss:0.0000} after {result.Evaluations} runs. Scenarios use them through \"extends\"."),
        };
        foreach (var (k, v) in fragment) root[k] = v!.DeepClone();
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>How the fit searched, for the report (the same command again gives the same fit).</summary>
    private static string SearchLine(Search search, int scout, int folds, int foldBudget) =>
        (scout > 0 ? $"{scout} Latin-hypercube points, then " : "") + (search == Search.CmaEs ? "CMA-ES with restarts" : "Nelder–Mead simplex with restarts") +
        (folds > 1 ? $"; {folds} folds of {foldBudget} run{(foldBudget == 1 ? "" : "s")} each, " + (scout > 0 ? "fitted from scratch" : "re-fitted from the full fit") : "");

    private static void WriteReport(string path, LoadedScenario scenario, TargetFile targets, int replicates,
        IReadOnlyList<TargetFit> before, CalibrationResult result, IReadOnlyList<SeedCheck> unseen, string search)
    {
        // A count of countries as a count (a median of replicates may end in .5), a share as a fraction.
        static string Show(double v, Target t) => v.ToString(t.IsShare ? "0.000" : "0.#", CultureInfo.InvariantCulture);
        IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<TargetFit> fits) => fits.Select(f => (IReadOnlyList<string>)
        [
            f.Target.Description, Results.Tolerance.Show(Show(f.Observed, f.Target), f.Target.BoundKind), Show(f.P05, f.Target), Show(f.P50, f.Target), Show(f.P95, f.Target),
            Results.Tolerance.ShowError(f.P50, f.Observed, f.Target.IsShare),
            (f.Target.Headline && !(f.WithinTolerance && f.InsideBand) ? "*" : "") + (f.WithinTolerance ? "yes" : "no"),
        ]);
        string[] header = ["Target", "Observed", "Model p05", "Model median", "Model p95", "Error of median", "Met (±10 % / ±8 pp)"];
        var plot = Path.Combine(Path.GetDirectoryName(path)!, "calibration.svg");
        var report = new HtmlReport($"Calibration of {scenario.Scenario.Name}")
            .Paragraph($"Targets: {targets.Source}, observed {targets.Date}. {replicates} replicates per run, the same random streams in every run. " +
                "Loss: weighted sum of the squared errors of the ensemble median (Harrell–Davis estimate), each in tolerances: ±10 % of a count, ±8 percentage points of a share; " +
                "a bound (≥ or ≤) counts only the error on its wrong side. Headline counts that miss ±10 % or whose observed value falls outside the 5–95 % band are marked *.")
            .Facts(result.Fitted.Select(f => (f.Parameter.Path, string.Create(CultureInfo.InvariantCulture, $"{f.Value:G6}  (bounds {f.Parameter.Min}–{f.Parameter.Max})")))
                .Append(("Search", search))
                .Append(("Loss", string.Create(CultureInfo.InvariantCulture, $"{Calibrator.Loss(before):0.0000} before → {result.Loss:0.0000} after {result.Evaluations} runs"))));
        if (File.Exists(plot))
            report.Figure(plot, "Each count target after calibration: where the model's median (dot) and 5–95 % range (bar) fall against the observed value (diamond).");
        report
            .Table(header, Rows(result.Fits), "After calibration (calibration.csv)")
            .Table(header, Rows(before), "Before calibration (the scenario's own values)");
        if (result.Folds.Count > 0)
            report.Paragraph("Out-of-sample check (calibration.csv, heldout_* columns): " + string.Join(" ", FoldLines(result.Folds)) +
                " A fold converged when its own fit's loss on its targets is at most 10 % above the full fit's on the same targets (or below it).");
        if (unseen.Count > 0)
        {
            report.Heading("Seeds the fit never saw")
                .Paragraph("The fitted values run again with other random streams (seeds.csv). A fit that met its targets only through " +
                    "its own seed's luck misses them here. " + string.Join(" ", unseen.Select(u => u.Line)))
                .Table(["Target", "Observed", .. unseen.Select(u => $"Seed {u.Seed}: median")], SeedCheck.Rows(unseen, Show),
                    "A median that misses ±10 % of a count or ±8 pp of a share, or falls on the wrong side of a bound, is marked *.");
        }
        Limits.AddTo(report);
        report.Write(path);
    }
}
