using System.CommandLine;
using Simulation.Runner.Pipeline;

namespace Simulation.Runner.Cli;

/// <summary>compare &lt;a.json&gt; &lt;b.json&gt; [more...]: paired comparison with common random numbers.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("scenarios") { Description = "Two or more scenario files; the first is the baseline of the differences", Arity = new ArgumentArity(2, 20) };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: a new folder out/compare-<a>-vs-<b>[-N])" };
        var force = new Option<bool>("--force") { Description = "Replace the --out folder if it already exists" };
        var command = new Command("compare", "Run scenarios with the same random streams and report their paired differences")
        {
            files, RunCommand.Replicates, RunCommand.Seed, output, RunCommand.EngineOption, RunCommand.Silos, force, RunCommand.Detail, RunCommand.Verbose,
            RunCommand.Cluster, RunCommand.ClusterId,
        };
        RunCommand.RefuseSilosWithoutOrleans(command);
        RunCommand.RefuseClusterIdWithoutCluster(command);
        command.SetAction((parse, cancel) => Guard.RunAsync(async () =>
        {
            var options = new RunOptions("", parse.GetValue(RunCommand.Replicates), parse.GetValue(RunCommand.Seed), parse.GetValue(output),
                parse.GetValue(RunCommand.EngineOption)!, parse.GetValue(RunCommand.Silos), parse.GetValue(force), parse.GetValue(RunCommand.Verbose),
                parse.GetValue(RunCommand.Detail)!, RunCommand.ClusterOf(parse));
            var folder = await ComparePipeline.RunAsync(parse.GetValue(files)!, options, cancel);
            Console.WriteLine($"Comparison written to {folder} (open report.html)");
            return ExitCodes.Ok;
        }, parse.GetValue(RunCommand.Verbose)));
        return command;
    }
}
