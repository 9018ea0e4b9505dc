using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Simulation.Model.Output;
using Simulation.Model.Engine;
using Simulation.Model.Setup;
using Simulation.Runner.Engines;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>
/// bench: times the baseline ensemble on both engines. Each engine runs in its own child process so its peak working
/// set is its own. Figures are printed, never asserted (speed goals live here, not in tests); each engine also reports
/// the time to write the files `run` would write for its ensemble and their size (written to a temporary folder after
/// the simulation is timed, then deleted). With --scale it prints replicate-ticks per second as the ensemble and the
/// world grow (in-process engine), to show the cost stays linear in replicates × ticks × agents.
/// With --cluster it also times the same ensemble on that running cluster (the client's peak memory only; the silos are
/// other processes).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var replicates = NumberOptions.WithDefault("--replicates", "-n", 1, ScenarioLoader.MaxReplicates, 100, "Replicates per engine");
        var scenario = new Option<string>("--scenario") { Description = "Scenario to time", DefaultValueFactory = _ => "scenarios/baseline.json" };
        var engine = new Option<string?>("--engine") { Description = "Time one engine in this process (used by the parent bench)", Hidden = true };
        var sweep = NumberOptions.Optional("--sweep-points", "", 4, 10_000,
            "Instead: run sweeps of N/4, N/2 and N points (5 replicates each) and print memory after each, to show it stays flat");
        var scale = new Option<bool>("--scale")
        {
            Description = $"Instead: replicate-ticks per second at 100 and 1,000 replicates and in a synthetic world of {ScaleCountries:N0} countries",
        };
        var countries = NumberOptions.Optional("--countries", "", 1, 100_000, "Synthetic world of this many countries (used by the parent bench)");
        countries.Hidden = true;
        var command = new Command("bench", "Time the baseline ensemble with both engines: wall time, replicate-ticks per second, peak memory")
        {
            replicates, scenario, engine, sweep, scale, countries, RunCommand.Cluster, RunCommand.ClusterId,
        };
        RunCommand.RefuseClusterIdWithoutCluster(command);
        command.SetAction(parse => Guard.RunAsync(async () =>
        {
            var n = parse.GetValue(replicates);
            var path = parse.GetValue(scenario)!;
            var cluster = RunCommand.ClusterOf(parse);
            if (parse.GetValue(engine) is { } one) return await TimeOneAsync(path, one, n, cluster, parse.GetValue(countries));
            if (parse.GetValue(sweep) is { } points) return await SweepMemoryAsync(path, Math.Max(4, points));
            if (parse.GetValue(scale)) return Scale(path);
            ScenarioLoader.Load(path); // a bad scenario is the user's mistake (exit 2), reported here, not as a child's failure
            Console.WriteLine($"{Environment.ProcessorCount} cores, {n} replicates of {path}, {DateTime.UtcNow:yyyy-MM-dd}");
            var results = new Dictionary<string, double>();
            var cpu = new Dictionary<string, double>();
            foreach (var e in cluster is null ? new[] { Engine.InProcess, Engine.Orleans } : [Engine.InProcess, Engine.Orleans, ClusterEngine])
            {
                var line = RunChild(path, e, n, cluster);
                var parts = line.Split(' ');
                results[e] = double.Parse(parts[1], CultureInfo.InvariantCulture);
                cpu[e] = double.Parse(parts[9], CultureInfo.InvariantCulture);
                Console.WriteLine($"{e,-10} wall {parts[1],8} s   {parts[2],12} replicate-ticks/s   peak working set {parts[3],6} MiB   " +
                    $"cpu {parts[9],8} s   writing outputs {parts[5],7} s, {parts[8]} s CPU ({parts[4]} MB)   allocated {parts[6],6} GB in {parts[7],5} collections");
            }
            Console.WriteLine($"ratio orleans/inprocess: {results[Engine.Orleans] / results[Engine.InProcess]:0.00} (cpu {cpu[Engine.Orleans] / cpu[Engine.InProcess]:0.00})");
            if (cluster is not null)
                Console.WriteLine($"ratio cluster/orleans: {results[ClusterEngine] / results[Engine.Orleans]:0.00} (cluster peak is the client's only)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private const string ClusterEngine = "cluster";

    /// <summary>Countries in the synthetic world of `bench --scale`.</summary>
    private const int ScaleCountries = 2_000;

    private static async Task<int> TimeOneAsync(string path, string engine, int replicates, Cluster.ClusterAddress? cluster, int? countries)
    {
        var loaded = ScenarioLoader.Load(path);
        // Warm-up: JIT and (for Orleans) silo start-up are not what is being measured.
        var warm = loaded.Changed(s => s with { Tick = "year" }, "$.tick = \"year\"");
        await Simulate(warm.Plan.Runs(2, loaded.Scenario.Seed), engine, cluster);
        var plan = loaded.Plan.Runs(replicates, loaded.Scenario.Seed);
        if (countries is { } c) plan = SyntheticWorld.Of(plan, c, loaded.Scenario.Groups);
        // Bytes allocated and collections are counted, not timed: unlike wall time they do not change when other work
        // shares the cores, so they compare engines on a busy machine.
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        // CPU time of the whole process (every thread, the GC's too) grows less than wall time when other work shares
        // the cores (though it does grow: 21 s at load 5, 35 s at load 40 for the baseline's 100 replicates), so two
        // builds run side by side compare by it; allocated bytes do not depend on the load at all.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await Simulate(plan, engine, cluster);
        var wall = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        collections = GC.CollectionCount(0) - collections;
        var ticks = loaded.Calendar.Count;
        var writing = Stopwatch.StartNew();
        // CPU seconds as well as wall: on a machine shared with other work the CPU the writing costs hardly changes.
        var cpuBeforeWriting = Process.GetCurrentProcess().TotalProcessorTime;
        var size = countries is null ? await OutputMegabytesAsync(loaded, result, replicates) : 0; // a synthetic world has no output contract
        var write = writing.Elapsed.TotalSeconds;
        var writeCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBeforeWriting).TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {wall:0.000} {replicates * ticks / wall:0} {peak:0} {size:0.0} {write:0.000} {allocated / 1e9:0.00} {collections} {writeCpu:0.0} {cpuSeconds:0.000}"));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Replicate-ticks per second (and per second and country) as replicates grow tenfold and as the world grows to
    /// <see cref="ScaleCountries"/> countries: flat figures per country mean cost linear in replicates × ticks × agents.
    /// </summary>
    private static int Scale(string path)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, in-process engine, {path}, {DateTime.UtcNow:yyyy-MM-dd}");
        var world = ScenarioLoader.Load(path).World.Countries.Count;
        foreach (var (replicates, countries) in new (int, int?)[] { (100, null), (1_000, null), (100, ScaleCountries) })
        {
            var parts = RunChild(path, Engine.InProcess, replicates, null, countries).Split(' ');
            var rate = double.Parse(parts[2], CultureInfo.InvariantCulture);
            var n = countries ?? world;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{replicates,6} replicates × {n,5} countries: wall {parts[1],8} s   {rate,8:0} replicate-ticks/s   {rate * n,10:0} country-replicate-ticks/s   peak working set {parts[3],6} MiB"));
        }
        return ExitCodes.Ok;
    }

    /// <summary>Size of what `run` writes for this ensemble (default detail), written to a temporary folder after timing.</summary>
    private static async Task<double> OutputMegabytesAsync(LoadedScenario loaded, EnsembleResult result, int replicates)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"bench-output-{Environment.ProcessId}");
        try
        {
            var summary = new Results.EnsembleSummary(loaded.Plan.Name, result, Pipeline.RunPipeline.Markers(loaded.Plan));
            var run = new Results.ScenarioRun(loaded.Plan, Pipeline.RunPipeline.SourceOf(loaded), result, summary, loaded.Scenario.Seed, replicates, 0);
            await Pipeline.RunPipeline.WriteOutputsAsync(loaded, run, dir, new Pipeline.RunOptions(loaded.Path, Engine: Engine.InProcess));
            return new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1e6;
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    /// <summary>Memory after sweeps of growing size: what a sweep keeps is a few numbers per point, not its runs.</summary>
    private static async Task<int> SweepMemoryAsync(string path, int points)
    {
        var root = Path.Combine(Path.GetTempPath(), $"sweep-bench-{Environment.ProcessId}");
        try
        {
            foreach (var n in new[] { points / 4, points / 2, points })
            {
                var values = string.Join(",", Enumerable.Range(0, n).Select(i => (0.002 + 0.004 * i / Math.Max(1, n - 1)).ToString("R", CultureInfo.InvariantCulture)));
                var clock = Stopwatch.StartNew();
                await Sweeps.SweepPipeline.RunAsync(path, [Sweeps.SweepParameter.Parse("parameters.adoption.innovation=" + values)], null,
                    new Pipeline.RunOptions("", 5, Out: Path.Combine(root, n.ToString(CultureInfo.InvariantCulture)), Engine: Engine.InProcess));
                var retained = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sweep of {n,4} points: {clock.Elapsed.TotalSeconds,7:0.0} s   managed memory after {retained,7:0.0} MiB   working set {Environment.WorkingSet / (1024.0 * 1024.0),7:0} MiB"));
            }
            return ExitCodes.Ok;
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    private static async Task<EnsembleResult> Simulate(RunPlan plan, string engine, Cluster.ClusterAddress? cluster)
    {
        if (engine == ClusterEngine)
        {
            await using var ensemble = await Cluster.ClusterEnsemble.ConnectAsync(cluster!, verbose: false);
            return await ensemble.RunAsync(plan);
        }
        await using var runtime = await Engine.CreateAsync(engine);
        return await EnsembleChunks.RunAsync(runtime, plan);
    }

    private static string RunChild(string scenario, string engine, int replicates, Cluster.ClusterAddress? cluster, int? countries = null)
    {
        var args = Environment.GetCommandLineArgs();
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileName(Environment.ProcessPath!) is "dotnet" or "dotnet.exe")
            start.ArgumentList.Add(args[0]); // running as "dotnet Simulation.Runner.dll"
        foreach (var a in new[] { "bench", "--engine", engine, "--replicates", replicates.ToString(CultureInfo.InvariantCulture), "--scenario", scenario })
            start.ArgumentList.Add(a);
        if (cluster is not null)
            foreach (var a in new[] { "--cluster", cluster.Redis, "--cluster-id", cluster.ClusterId }) start.ArgumentList.Add(a);
        if (countries is { } c)
            foreach (var a in new[] { "--countries", c.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"bench of {engine} failed (exit {child.ExitCode})");
    }
}
