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
        var folds = NumberOptions.WithDefault("--folds", "", 0, 20, 0, "Out-of-sample check: leave each of k folds of the targets out of the fit in turn (0 = none)");
        var foldBudget = NumberOptions.WithDefault("--fold-budget", "", 1, 100_000, 30, "Runs for each fold's re-fit, started from the full fit");
        var force = new Option<bool>("--force") { Description = "Replace the --out folder if it already exists" };
        var command = new Command("calibrate", "Fit the scenario's free parameters to observed targets (Nelder–Mead, common random numbers)")
        {
            scenario, targets, replicates, budget, RunCommand.Seed, output, force, folds, foldBudget, RunCommand.Cluster, RunCommand.ClusterId, RunCommand.Verbose,
        };
        folds.Validators.Add(r => { if (r.GetValueOrDefault<int>() is 1) r.AddError("--folds must be 0 (none) or between 2 and 20"); });
        command.SetAction((parse, cancel) => Guard.RunAsync(() =>
        {
            var folder = CalibratePipeline.Run(parse.GetValue(scenario)!, parse.GetValue(targets)!, parse.GetValue(replicates),
                parse.GetValue(budget), parse.GetValue(RunCommand.Seed), parse.GetValue(output), parse.GetValue(force), cancel,
                RunCommand.ClusterOf(parse), parse.GetValue(RunCommand.Verbose), parse.GetValue(folds), parse.GetValue(foldBudget));
            Console.WriteLine($"Calibration written to {folder} (calibration.csv and .png, fitted-parameters.json, report.html)");
            return Task.FromResult(ExitCodes.Ok);
        }, parse.GetValue(RunCommand.Verbose)));
        return command;
    }
}
