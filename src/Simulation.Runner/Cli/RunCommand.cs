using System.CommandLine;
using Spectre.Console;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>run &lt;scenario.json&gt;: run an ensemble and write plots and CSVs.</summary>
public static class RunCommand
{
    public static readonly Option<int?> Replicates = NumberOptions.Optional("--replicates", "-n", 1, ScenarioLoader.MaxReplicates,
        "Replicates to run (default: the scenario's, 100 if unset)");
    public static readonly Option<ulong?> Seed = NumberOptions.Seed("Master random seed (default: the scenario's)");
    public static readonly Option<string> EngineOption = new("--engine")
    {
        Description = "orleans (Country and Vendor grains in an embedded silo) or inprocess (same model, no Orleans)",
        DefaultValueFactory = _ => Engine.Orleans,
    };
    public static readonly Option<int> Silos = NumberOptions.WithDefault("--silos", "", 1, 8, 1, "Orleans silos to start on this machine (orleans engine only)");
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Show Orleans information logs and stack traces" };
    public static readonly Option<string> Detail = new("--detail")
    {
        Description = "standard (per-replicate series and contracts as Parquet only) or full (also as CSV; large: about 300 MB for 100 replicates)",
        DefaultValueFactory = _ => OutputDetail.Standard,
    };
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
        Detail.AcceptOnlyFromAmong(OutputDetail.Names);
    }

    /// <summary>--cluster-id without --cluster would be silently ignored (the run stays on this machine), so refuse it.</summary>
    public static void RefuseClusterIdWithoutCluster(Command command) => command.Validators.Add(r =>
    {
        if (r.GetResult(ClusterId) is { Implicit: false } && r.GetResult(Cluster) is null or { Implicit: true })
            r.AddError($"{ClusterId.Name} names the cluster to join with --cluster HOST:PORT; without --cluster the run stays on this machine");
    });

    /// <summary>--silos starts Orleans silos; with the in-process engine it would be silently ignored, so refuse it.</summary>
    public static void RefuseSilosWithoutOrleans(Command command) => command.Validators.Add(r =>
    {
        if (r.GetResult(Cluster) is { Implicit: false })
        {
            foreach (var local in new Option[] { Silos, EngineOption })
                if (r.GetResult(local) is { Implicit: false })
                    r.AddError($"{local.Name} chooses an engine on this machine; with --cluster the cluster's silos run the model");
            return;
        }
        // Command validators run before each option's value is checked: read --engine only if it has one, or it throws.
        if (r.GetResult(Silos) is { Implicit: false } && r.GetResult(EngineOption) is { Implicit: false, Tokens.Count: 1 } engine
            && engine.GetValueOrDefault<string>() is { } name && name != Engine.Orleans && Engine.Names.Contains(name))
            r.AddError($"--silos applies only to --engine {Engine.Orleans}; the {name} engine runs in this process");
    });

    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file, e.g. scenarios/baseline.json" };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: a new folder out/<scenario-name>[-N])" };
        var force = new Option<bool>("--force") { Description = "Replace the --out folder if it already exists" };
        var command = new Command("run", "Run a scenario's ensemble and write timeseries, summaries, contracts and plots")
        {
            scenario, Replicates, Seed, output, EngineOption, Silos, force, Detail, Verbose, Cluster, ClusterId,
        };
        RefuseSilosWithoutOrleans(command);
        RefuseClusterIdWithoutCluster(command);
        command.SetAction((parse, cancel) => Guard.RunAsync(async () =>
        {
            var options = new RunOptions(parse.GetValue(scenario)!, parse.GetValue(Replicates), parse.GetValue(Seed),
                parse.GetValue(output), parse.GetValue(EngineOption)!, parse.GetValue(Silos), parse.GetValue(force), parse.GetValue(Verbose), parse.GetValue(Detail)!,
                ClusterOf(parse));
            var (folder, run) = await RunPipeline.RunAndKeepAsync(options, cancel);
            var (header, rows) = Report.KeyOutcomes.ForRun(run);
            var table = new Table { Title = new TableTitle("Key outcomes"), Caption = new TableTitle(Report.KeyOutcomes.RunCaption) };
            foreach (var h in header) table.AddColumn(new TableColumn(Markup.Escape(h)) { Alignment = h is "Outcome" or "Unit" ? Justify.Left : Justify.Right });
            foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
            Terminal.Write(table);
            Console.WriteLine($"Results written to {folder}");
            Console.WriteLine($"Report: {Path.Combine(folder, "report.html")}");
            return ExitCodes.Ok;
        }, parse.GetValue(Verbose)));
        return command;
    }
}
