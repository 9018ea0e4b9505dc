using System.Diagnostics;
using Simulation.Model.Output;
using Simulation.Model.Engine;
using Simulation.Model.Setup;
using Simulation.Model.Time;
using Simulation.Model.World;
using Simulation.Runner.Cluster;
using Simulation.Runner.Engines;
using Simulation.Runner.Plots;
using Simulation.Runner.Report;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Runner.Pipeline;

/// <summary>The run command as a pipeline: scenario → ensemble run → results → plots and files, moved into place at the end.</summary>
public static class RunPipeline
{
    public static async Task<string> RunAsync(RunOptions options, CancellationToken cancel = default) =>
        (await RunAndKeepAsync(options, cancel)).Folder;

    /// <summary>The same, also returning the finished run (the run command prints its key outcomes).</summary>
    public static async Task<(string Folder, ScenarioRun Run)> RunAndKeepAsync(RunOptions options, CancellationToken cancel = default)
    {
        var scenario = ScenarioLoader.Load(options.ScenarioPath);
        var replicates = options.Replicates ?? scenario.Scenario.Replicates;
        using var folder = OutputFolder.Open(options.Out, scenario.Scenario.Name, options.Force, "run", scenario.Inputs);
        // The per-replicate tables are written as the ensemble runs and its contracts then dropped (memory stays flat
        // in the replicates); the published targets the report checks are measured from each chunk on its way.
        await using var tables = new RunTables(folder.Staging, scenario.Scenario.Name, options.Detail == OutputDetail.Full);
        var tally = TargetsBeside(scenario) is { } targets ? new Calibration.TargetTally(targets, scenario.Calendar, scenario.World) : null;
        var run = await ExecuteAsync(scenario, replicates, options.Seed ?? scenario.Scenario.Seed, options, cancel,
            sink: tally is null ? tables : new Calibration.ChunkSinks(tally, tables));
        run = run with { Checks = tally?.Checks() ?? [] };
        await WriteOutputsAsync(scenario, run, folder.Staging, options, cancel, tables);
        cancel.ThrowIfCancellationRequested();
        folder.Commit();
        return (folder.Destination, run);
    }

    /// <summary>Simulates one scenario's ensemble and summarises it.</summary>
    /// <param name="progress">Ticks done; when given, the caller shows progress (a sweep does, over all its points).</param>
    /// <param name="simulator">An engine or cluster connection the caller keeps for many runs (a sweep's points); else one for this run.</param>
    /// <param name="sink">Takes the ensemble chunk by chunk as it runs; the run's result then keeps no contracts.</param>
    public static async Task<ScenarioRun> ExecuteAsync(LoadedScenario scenario, int replicates, ulong seed, RunOptions options,
        CancellationToken cancel = default, IProgress<int>? progress = null, EnsembleSimulator? simulator = null, IChunkSink? sink = null)
    {
        if (replicates is < 1 or > ScenarioLoader.MaxReplicates)
            throw new ArgumentException($"--replicates must be between 1 and {ScenarioLoader.MaxReplicates}");
        var clock = Stopwatch.StartNew();
        var plan = scenario.Plan.Runs(replicates, seed);
        var result = progress is null
            ? await SimulateAsync(plan, options.Engine, options.Silos, options.Verbose, scenario.Scenario.Name, cancel, options.Cluster, sink)
            : simulator is not null ? await simulator.RunAsync(plan, progress, cancel, sink) : await SimulateAsync(plan, options, progress, cancel, sink);
        var summary = new EnsembleSummary(plan.Name, result, Markers(plan), Observed(scenario));
        return new ScenarioRun(plan, SourceOf(scenario), result, summary, seed, replicates, clock.Elapsed.TotalSeconds);
    }

    /// <summary>What the reports quote of the scenario file, taken here so that results, plots and reports need only the run.</summary>
    public static ScenarioSource SourceOf(LoadedScenario scenario) => new(scenario.Path, scenario.Scenario.Description,
        [.. scenario.Scenario.Report.Groups, .. scenario.Scenario.Policies.SelectMany(p => p.Targets.Countries)], PortableJson(scenario));

    /// <summary>
    /// The run output contract (CSV files, plots, manifest, reproducible scenario, report.html) into a directory; the
    /// scenario the run came from gives the world files to copy and the targets file beside it.
    /// </summary>
    /// <param name="cancel">Checked between files: an interrupt while writing stops at the next file (the caller removes the folder).</param>
    /// <param name="streamed">The per-replicate tables, already written into <paramref name="directory"/> as the run went; else written here.</param>
    public static async Task WriteOutputsAsync(LoadedScenario scenario, ScenarioRun run, string directory, RunOptions options, CancellationToken cancel = default,
        RunTables? streamed = null)
    {
        Directory.CreateDirectory(directory);
        string At(string file) => Path.Combine(directory, file);
        var name = run.Plan.Name;
        if (streamed is not null) await streamed.FinishAsync();
        else await RunTables.WriteAsync(directory, name, options.Detail == OutputDetail.Full, run.Result);
        cancel.ThrowIfCancellationRequested();
        ResultWriter.WriteSummary(At("summary.csv"), run.Summary);
        ResultWriter.WriteMetrics(At("metrics.csv"), run.Result.Series);
        ResultWriter.WriteGroups(At("groups.csv"), name, run.Result);
        ResultWriter.WriteCountries(At("countries.csv"), name, run.Result);
        cancel.ThrowIfCancellationRequested();
        WriteReproducible(scenario, run.Source, directory);
        cancel.ThrowIfCancellationRequested();
        PlotBook.WriteAll(run.Summary, directory);
        cancel.ThrowIfCancellationRequested();
        var s = scenario.Scenario;
        // A cluster run names the engine "cluster"; its silo count can change during the run, so it is not recorded.
        new Manifest(name, Path.GetFullPath(scenario.Path), scenario.Hash, run.Seed, run.Replicates,
            options.Cluster is null ? options.Engine : "cluster", options.Cluster is null && options.Engine == Engine.Orleans ? options.Silos : 0, s.Tick, s.Start, s.End, Manifest.CurrentVersions(),
            Math.Round(run.WallSeconds, 3)).Write(At("manifest.json"));
        RunReport.Write(run, directory, CalibrationChecks(scenario, run));
    }

    /// <summary>
    /// scenario.resolved.json plus a copy of its world data, so `run &lt;out&gt;/scenario.resolved.json` reproduces the
    /// run from the output folder alone.
    /// </summary>
    private static void WriteReproducible(LoadedScenario scenario, ScenarioSource source, string directory)
    {
        string At(string file) => Path.Combine(directory, file);
        Directory.CreateDirectory(At("world"));
        var countries = scenario.Scenario.World.Countries;
        File.Copy(countries, At("world/countries.csv"));
        foreach (var beside in new[] { "gaps.csv", "covariates.csv" }) // read from beside countries.csv (WorldLoader)
        {
            var file = Path.Combine(Path.GetDirectoryName(countries)!, beside);
            if (File.Exists(file)) File.Copy(file, At("world/" + beside));
        }
        File.Copy(scenario.Scenario.World.Vendors, At("world/vendors.json"));
        File.WriteAllText(At("scenario.resolved.json"), source.ResolvedJson + "\n");
    }

    /// <summary>The resolved scenario with world paths relative to an output folder's own copy of the world data.</summary>
    public static string PortableJson(LoadedScenario scenario) => System.Text.Json.JsonSerializer.Serialize(
        scenario.Scenario with { World = new WorldFiles { Countries = "world/countries.csv", Vendors = "world/vendors.json" } },
        InputJson.Options);

    /// <summary>Runs the ensemble on the chosen engine with a progress display.</summary>
    public static async Task<EnsembleResult> SimulateAsync(RunPlan plan, string engine, int silos, bool verbose, string label, CancellationToken cancel = default,
        ClusterAddress? cluster = null, IChunkSink? sink = null)
    {
        var ticks = plan.Calendar.Count;
        var options = new RunOptions("", Engine: engine, Silos: silos, Verbose: verbose, Cluster: cluster);
        return await TickProgress.TrackAsync(label, ticks, plan.Replicates, progress => SimulateAsync(plan, options, progress, cancel, sink));
    }

    /// <summary>On a cluster (--cluster) as its client, else on this machine's engine.</summary>
    private static async Task<EnsembleResult> SimulateAsync(RunPlan plan, RunOptions options, IProgress<int> progress, CancellationToken cancel, IChunkSink? sink)
    {
        await using var simulator = await EnsembleSimulator.CreateAsync(options, cancel);
        return await simulator.RunAsync(plan, progress, cancel, sink);
    }

    /// <summary>The observed counts the Carnegie AIGS 2019 targets file ships (scenarios/targets/aigs-2019.json).</summary>
    public const string HindcastTargets = "targets/aigs-2019.json";

    /// <summary>
    /// A hindcast (a horizon ending within a year after the observation date of the targets file beside the scenario)
    /// gets the observed values on its plots; any other run gets none.
    /// </summary>
    public static IReadOnlyList<ObservedPoint> Observed(LoadedScenario scenario)
    {
        if (TargetsBeside(scenario) is not { } targets) return [];
        var date = YearMonth.Parse(targets.Date);
        var (start, end) = (YearMonth.Parse(scenario.Scenario.Start), YearMonth.Parse(scenario.Scenario.End));
        if (date.Index < start.Index || date.Index > end.Index || end.Index - date.Index > 12) return [];
        var source = targets.Source.Split('.')[0].Split(',')[0] + ", Carnegie AIGS " + date.Year;
        // A count within a subset (e.g. the 40 adopters among the top 50 military spenders) is not a point of the plotted series.
        return [.. targets.Targets.Where(t => t.Where is null)
            .Select(t => new ObservedPoint(t.Metric, t.Group, date, t.Per is null ? t.Observed : 100 * t.Observed, source))];
    }

    /// <summary>The published facts (targets file beside the scenario) against this run; none when there is no file or the run ends before them.</summary>
    public static IReadOnlyList<TargetCheck> CalibrationChecks(LoadedScenario scenario, ScenarioRun run) =>
        run.Checks ?? (TargetsBeside(scenario) is { } targets ? Calibration.TargetMeasure.Check(run.Result, scenario.World, targets) : []);

    /// <summary>The shipped Carnegie 2019 targets file beside the scenario, if there is one.</summary>
    public static Calibration.TargetFile? TargetsBeside(LoadedScenario scenario)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(scenario.Path))!;
        var path = Path.Combine(folder, HindcastTargets);
        if (!File.Exists(path)) return null;
        // Checked against the world it was written for (the shipped one beside it, else the scenario's): a mistake in
        // the file is bad input, named before the run.
        var file = Calibration.TargetFile.Load(path, world: WorldBeside(folder, scenario) ?? scenario.World);
        // A world of its own may lack what some targets count (a region, a vendor): those are not checked.
        var measurable = file.Targets.Where(t => Calibration.TargetChecks.Measurable(scenario, t)).ToList();
        return measurable.Count == 0 ? null : file with { Targets = measurable };
    }

    /// <summary>The shipped world beside the scenario (world/countries.csv and vendors.json), which the targets file describes; null if none.</summary>
    private static WorldData? WorldBeside(string folder, LoadedScenario scenario)
    {
        var (countries, vendors) = (Path.Combine(folder, "world", "countries.csv"), Path.Combine(folder, "world", "vendors.json"));
        var inputs = scenario.Inputs.Select(Path.GetFullPath).ToHashSet();
        if (inputs.Contains(countries) && inputs.Contains(vendors)) return scenario.World;
        if (!File.Exists(countries) || !File.Exists(vendors)) return null;
        try { return WorldLoader.Load(countries, vendors); }
        catch (ScenarioException) { return null; } // not this scenario's input: its problems are not the run's
    }

    public static IReadOnlyList<PolicyMarker> Markers(RunPlan plan) => [.. plan.Policies.Select(p => new PolicyMarker(p.Id, p.From, p.Until))];
}
