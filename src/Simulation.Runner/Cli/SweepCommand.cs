using System.CommandLine;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Sweeps;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>sweep &lt;scenario&gt; --set path=v1,v2 ...: a grid or Latin hypercube over numeric scenario fields.</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file to sweep" };
        var set = new Option<string[]>("--set")
        {
            Description = "A field and its values, e.g. --set parameters.adoption.innovation=0.002,0.004 (repeatable; paths as `validate` prints them)",
            Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false, Required = true,
        };
        var lhs = NumberOptions.Optional("--lhs", "", 2, 10_000, "Latin hypercube of N points over the ranges of the --set values, instead of the full grid");
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default out/<scenario-name>-sweep); re-running the same sweep resumes it" };
        var force = new Option<bool>("--force") { Description = "Start over in a folder that holds a different sweep" };
        var command = new Command("sweep", "Run a scenario over a grid or Latin hypercube of parameter values; resumable")
        {
            scenario, set, lhs, RunCommand.Replicates, RunCommand.Seed, output, RunCommand.EngineOption, force, RunCommand.Verbose, RunCommand.Cluster, RunCommand.ClusterId,
        };
        RunCommand.RefuseSilosWithoutOrleans(command);
        RunCommand.RefuseClusterIdWithoutCluster(command);
        command.SetAction((parse, cancel) => Guard.RunAsync(async () =>
        {
            var parameters = parse.GetValue(set)!.Select(SweepParameter.Parse).ToArray();
            var options = new RunOptions("", parse.GetValue(RunCommand.Replicates), parse.GetValue(RunCommand.Seed), parse.GetValue(output),
                parse.GetValue(RunCommand.EngineOption)!, 1, parse.GetValue(force), parse.GetValue(RunCommand.Verbose),
                Cluster: RunCommand.ClusterOf(parse));
            var folder = await SweepPipeline.RunAsync(parse.GetValue(scenario)!, parameters, parse.GetValue(lhs), options, cancel);
            Console.WriteLine($"Sweep written to {folder} (sweep.csv, points.csv, report.html)");
            return ExitCodes.Ok;
        }, parse.GetValue(RunCommand.Verbose)));
        return command;
    }
}
