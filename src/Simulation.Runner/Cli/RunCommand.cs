using System.CommandLine;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;

namespace Simulation.Runner.Cli;

/// <summary>run &lt;scenario.json&gt;: run an ensemble and write plots and CSVs.</summary>
public static class RunCommand
{
    public static readonly Option<int?> Replicates = new("--replicates", "-n") { Description = "Replicates to run (default: the scenario's, 100 if unset)" };
    public static readonly Option<ulong?> Seed = new("--seed") { Description = "Master random seed (default: the scenario's)" };
    public static readonly Option<string> EngineOption = new("--engine")
    {
        Description = "orleans (Country and Vendor grains in an embedded silo) or inprocess (same model, no Orleans)",
        DefaultValueFactory = _ => Engine.Orleans,
    };
    public static readonly Option<int> Silos = new("--silos") { Description = "Orleans silos to start on this machine", DefaultValueFactory = _ => 1 };
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Show Orleans information logs and stack traces" };
    public static readonly Option<string?> Cluster = new("--cluster")
    {
        Description = "Run on a cluster of `silo` processes as its client: the Redis connection string of its membership, e.g. 127.0.0.1:6379",
    };
    public static readonly Option<string> ClusterId = new("--cluster-id")
    {
        Description = "Cluster id of the silos (with --cluster)", DefaultValueFactory = _ => Simulation.Runner.Cluster.ClusterAddress.DefaultClusterId,
    };

    /// <summary>The --cluster the user named, if any.</summary>
    public static Simulation.Runner.Cluster.ClusterAddress? ClusterOf(ParseResult parse) =>
        parse.GetValue(Cluster) is { } redis ? new(redis, parse.GetValue(ClusterId)!) : null;

    static RunCommand()
    {
        EngineOption.AcceptOnlyFromAmong(Engine.Names);
        Silos.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 8) r.AddError("--silos must be between 1 and 8"); });
        Replicates.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--replicates must be at least 1"); });
    }

    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file, e.g. scenarios/baseline.json" };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: a new folder out/<scenario-name>[-N])" };
        var force = new Option<bool>("--force") { Description = "Replace the --out folder if it already exists" };
        var command = new Command("run", "Run a scenario's ensemble and write timeseries, summaries, contracts and plots")
        {
            scenario, Replicates, Seed, output, EngineOption, Silos, force, Verbose, Cluster, ClusterId,
        };
        command.SetAction((parse, cancel) => Guard.RunAsync(async () =>
        {
            var options = new RunOptions(parse.GetValue(scenario)!, parse.GetValue(Replicates), parse.GetValue(Seed),
                parse.GetValue(output), parse.GetValue(EngineOption)!, parse.GetValue(Silos), parse.GetValue(force), parse.GetValue(Verbose), ClusterOf(parse));
            var folder = await RunPipeline.RunAsync(options, cancel);
            Console.WriteLine($"Results written to {folder}");
            return ExitCodes.Ok;
        }, parse.GetValue(Verbose)));
        return command;
    }
}
