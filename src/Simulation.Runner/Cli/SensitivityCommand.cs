using System.CommandLine;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Sensitivity;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>sensitivity &lt;scenario&gt; --method morris|sobol: which uncertain assumptions drive the outcomes (or a policy's effect).</summary>
public static class SensitivityCommand
{
    public const int DefaultMorrisTrajectories = 10;
    public const int DefaultSobolSamples = 64;

    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario whose \"uncertain\" list names the parameters and ranges (every shipped scenario inherits scenarios/uncertainties.json)" };
        var compare = new Option<string?>("--compare") { Description = "Also run this scenario at every point and explain the paired effect (scenario minus this one), e.g. scenarios/no-soft-loans.json" };
        var method = new Option<string>("--method") { Description = "morris (screening: mu*, sigma) or sobol (first-order and total indices)", Required = true };
        method.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is not (SensitivityDesign.Morris or SensitivityDesign.Sobol) and var v)
                r.AddError($"--method must be {SensitivityDesign.Morris} or {SensitivityDesign.Sobol}, not '{v}'");
        });
        var samples = NumberOptions.Optional("--samples", "", 2, 100_000,
            $"Morris: trajectories (default {DefaultMorrisTrajectories}; points = samples × (parameters + 1)). Sobol: base sample N (default {DefaultSobolSamples}; points = N × (parameters + 2))");
        var replicates = NumberOptions.WithDefault("--replicates", "-n", 2, 10_000, 10, "Replicates per point (at least 2, to measure replicate noise)");
        var dates = new Option<string?>("--dates") { Description = "Dates of the outcomes, YYYY-MM,... (default: 2030-12 if inside the horizon, and the last year end); the runs stop at the last one" };
        var outcome = new Option<string[]>("--outcome")
        {
            Description = "A series as <metric>/<group>[/<country group>], e.g. bri_countries_with_vendor_origin/CHN or countries_with_vendor_origin/CHN/SSF (repeatable; default: countries_adopted/any, countries_with_vendor_origin/CHN and /USA)",
            AllowMultipleArgumentsPerToken = false,
        };
        var only = new Option<string[]>("--only")
        {
            Description = "Vary only the uncertain parameters at or under these paths, e.g. --only parameters.choice --only policies[0] (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default out/<scenario-name>-sensitivity); re-running the same analysis resumes it" };
        var force = new Option<bool>("--force") { Description = "Start over in a folder that holds a different analysis" };
        var command = new Command("sensitivity", "Global sensitivity analysis (Morris or Sobol) of the outcomes, or of a policy's effect, over the scenario's uncertain parameters; resumable")
        {
            scenario, compare, method, samples, replicates, dates, outcome, only, RunCommand.Seed, output, RunCommand.EngineOption, force, RunCommand.Verbose,
            RunCommand.Cluster, RunCommand.ClusterId,
        };
        RunCommand.RefuseSilosWithoutOrleans(command);
        RunCommand.RefuseClusterIdWithoutCluster(command);
        command.SetAction((parse, cancel) => Guard.RunAsync(async () =>
        {
            var m = parse.GetValue(method)!;
            var request = new SensitivityRequest(parse.GetValue(scenario)!, parse.GetValue(compare), m,
                parse.GetValue(samples) ?? (m == SensitivityDesign.Morris ? DefaultMorrisTrajectories : DefaultSobolSamples),
                parse.GetValue(replicates), parse.GetValue(dates), parse.GetValue(outcome) ?? [],
                new RunOptions("", null, parse.GetValue(RunCommand.Seed), parse.GetValue(output), parse.GetValue(RunCommand.EngineOption)!,
                    1, parse.GetValue(force), parse.GetValue(RunCommand.Verbose), Cluster: RunCommand.ClusterOf(parse)), parse.GetValue(only) ?? []);
            var folder = await SensitivityPipeline.RunAsync(request, cancel);
            Console.WriteLine($"Sensitivity analysis written to {folder} (sensitivity.csv, outcomes.csv, points.csv, report.html)");
            return ExitCodes.Ok;
        }, parse.GetValue(RunCommand.Verbose)));
        return command;
    }
}
