using System.CommandLine;
using Simulation.Runner.Calibration;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>calibrate &lt;scenario&gt; --targets &lt;file&gt;: fit the scenario's free parameters to observed targets.</summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario whose \"calibration\" list names the free parameters and bounds, e.g. scenarios/hindcast-2019.json" };
        var targets = new Option<string>("--targets") { Description = "Targets file, e.g. scenarios/targets/aigs-2019.json", Required = true };
        var replicates = NumberOptions.WithDefault("--replicates", "-n", 2, ScenarioLoader.MaxReplicates, 100, "Replicates per run (the median of fewer is too noisy to fit)");
        var budget = NumberOptions.WithDefault("--budget", "", 1, 100_000, 150, "Ensemble runs the optimiser may spend");
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: a new folder out/<scenario>-calibration[-N])" };
        var folds = NumberOptions.WithDefault("--folds", "", 0, 20, 0, "Out-of-sample check: leave each of k folds of the targets out of the fit in turn (0 = none)",
            k => k == 1 ? "--folds must be 0 (none) or between 2 and 20" : null);
        var foldBudget = NumberOptions.WithDefault("--fold-budget", "", 1, 100_000, 30, "Runs for each fold's re-fit (from the full fit, or from scratch with --scout)");
        var scout = NumberOptions.WithDefault("--scout", "", 0, 10_000, 0,
            "Before the search (simplex or CMA-ES), run N points of a Latin hypercube over the bounds and start from the best; with --folds each fold is then fitted from scratch, never from the full fit (0 = none)");
        var search = new Option<string>("--search")
        {
            Description = "After the scouting points: simplex (Nelder–Mead, local, restarted when it converges early) or cma-es " +
                "(CMA-ES with restarts: learns how the parameters trade off, a global search for fits from scratch)",
            DefaultValueFactory = _ => SearchNames.Simplex,
        };
        search.AcceptOnlyFromAmong(SearchNames.Simplex, SearchNames.CmaEs);
        var unseenSeeds = NumberOptions.SeedList("--unseen-seeds", 10,
            "After the fit, run its values on these seeds too (comma-separated, e.g. 1,2,3; not the fit's own seed) and judge every target there: seeds.csv and the report");
        var force = new Option<bool>("--force") { Description = "Replace the --out folder if it already exists" };
        var command = new Command("calibrate", "Fit the scenario's free parameters to observed targets (Nelder–Mead or CMA-ES, common random numbers)")
        {
            scenario, targets, replicates, budget, RunCommand.Seed, output, force, folds, foldBudget, scout, search, unseenSeeds, RunCommand.Cluster, RunCommand.ClusterId, RunCommand.Verbose,
        };
        RunCommand.RefuseClusterIdWithoutCluster(command);
        command.Validators.Add(r =>
        {
            // Scouting spends part of a budget; a budget it would use up leaves the simplex nothing. A number that did not
            // parse has its own error already (and no value to compare).
            int? Value(Option<int> o)
            {
                try { return r.GetValue(o); }
                catch (InvalidOperationException) { return null; }
            }
            if (Value(scout) is not (> 0 and var n) || Value(budget) is not { } runs || Value(folds) is not { } k || Value(foldBudget) is not { } foldRuns) return;
            if (n >= runs)
                r.AddError($"--scout {n} must be below --budget {runs} (the scouting points are part of the budget)");
            if (k > 1 && n >= foldRuns)
                r.AddError($"--scout {n} must be below --fold-budget {foldRuns} (each fold scouts within its budget)");
        });
        command.SetAction((parse, cancel) => Guard.RunAsync(() =>
        {
            var folder = CalibratePipeline.Run(parse.GetValue(scenario)!, parse.GetValue(targets)!, parse.GetValue(replicates),
                parse.GetValue(budget), parse.GetValue(RunCommand.Seed), parse.GetValue(output), parse.GetValue(force), cancel,
                RunCommand.ClusterOf(parse), parse.GetValue(RunCommand.Verbose), parse.GetValue(folds), parse.GetValue(foldBudget), parse.GetValue(scout),
                parse.GetValue(unseenSeeds), SearchNames.Parse(parse.GetValue(search)!));
            Console.WriteLine($"Calibration written to {folder} (calibration.csv and .png, fitted-parameters.json, report.html{(parse.GetValue(folds) > 1 ? ", folds.csv" : "")}{(parse.GetValue(unseenSeeds)!.Length > 0 ? ", seeds.csv" : "")})");
            return Task.FromResult(ExitCodes.Ok);
        }, parse.GetValue(RunCommand.Verbose)));
        return command;
    }

    /// <summary>The --search names a user types.</summary>
    private static class SearchNames
    {
        public const string Simplex = "simplex", CmaEs = "cma-es";
        public static Search Parse(string name) => name == CmaEs ? Search.CmaEs : Search.Simplex;
    }
}
