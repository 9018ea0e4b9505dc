using System.Diagnostics;
using Simulation.Model.Engine;
using Simulation.Model.Scenarios;
using Simulation.Model.Time;
using Simulation.Runner.Engines;
using Simulation.Runner.Plots;
using Simulation.Runner.Results;

namespace Simulation.Runner.Pipeline;

/// <summary>The run command as a pipeline: scenario → ensemble run → results → plots and files, moved into place at the end.</summary>
public static class RunPipeline
{
    public static async Task<string> RunAsync(RunOptions options, CancellationToken cancel = default)
    {
        var scenario = ScenarioLoader.Load(options.ScenarioPath);
        var replicates = options.Replicates ?? scenario.Scenario.Replicates;
        if (replicates is < 1 or > ScenarioLoader.MaxReplicates)
            throw new ArgumentException($"--replicates must be between 1 and {ScenarioLoader.MaxReplicates}");
        var seed = options.Seed ?? scenario.Scenario.Seed;
        using var folder = OutputFolder.Open(options.Out, scenario.Scenario.Name, options.Force);

        var clock = Stopwatch.StartNew();
        var spec = RunSpec.Create(scenario.Scenario, scenario.World, replicates, seed);
        var result = await SimulateAsync(spec, options.Engine, options.Silos, options.Verbose, scenario.Scenario.Name, cancel);
        var wall = clock.Elapsed.TotalSeconds;

        var name = scenario.Scenario.Name;
        var summary = new EnsembleSummary(name, result.Recorder, Markers(scenario.Scenario));
        ResultWriter.WriteTimeseries(folder.PathOf("timeseries.csv"), name, seed, result);
        ResultWriter.WriteSummary(folder.PathOf("summary.csv"), summary);
        ResultWriter.WriteCountries(folder.PathOf("countries.csv"), name, result);
        ResultWriter.WriteContracts(folder.PathOf("contracts.csv"), result);
        WriteReproducible(scenario, folder);
        PlotBook.WriteAll(summary, folder.Staging);
        new Manifest(name, Path.GetFullPath(options.ScenarioPath), scenario.Hash, seed, replicates, options.Engine,
            options.Engine == Engine.Orleans ? options.Silos : 0, scenario.Scenario.Tick, scenario.Scenario.Start,
            scenario.Scenario.End, Manifest.CurrentVersions(), Math.Round(wall, 3)).Write(folder.PathOf("manifest.json"));
        cancel.ThrowIfCancellationRequested();
        folder.Commit();
        return folder.Destination;
    }

    /// <summary>
    /// scenario.resolved.json plus a copy of its world data, so `run &lt;out&gt;/scenario.resolved.json` reproduces the
    /// run from the output folder alone.
    /// </summary>
    private static void WriteReproducible(LoadedScenario scenario, OutputFolder folder)
    {
        Directory.CreateDirectory(folder.PathOf("world"));
        var countries = scenario.Scenario.World.Countries;
        File.Copy(countries, folder.PathOf("world/countries.csv"));
        var gaps = Path.Combine(Path.GetDirectoryName(countries)!, "gaps.csv");
        if (File.Exists(gaps)) File.Copy(gaps, folder.PathOf("world/gaps.csv"));
        File.Copy(scenario.Scenario.World.Vendors, folder.PathOf("world/vendors.json"));
        var portable = scenario.Scenario with { World = new WorldFiles { Countries = "world/countries.csv", Vendors = "world/vendors.json" } };
        File.WriteAllText(folder.PathOf("scenario.resolved.json"), System.Text.Json.JsonSerializer.Serialize(portable, ScenarioLoader.Options) + "\n");
    }

    /// <summary>Runs the ensemble on the chosen engine with a progress display.</summary>
    public static async Task<RunResult> SimulateAsync(RunSpec spec, string engine, int silos, bool verbose, string label, CancellationToken cancel = default)
    {
        await using var runtime = await Engine.CreateAsync(engine, silos, verbose);
        var ticks = new RunContext(spec).Calendar.Count;
        return await TickProgress.TrackAsync(label, ticks, spec.Replicates,
            progress => new TickDriver(runtime).RunAsync(spec, progress, cancel));
    }

    public static IReadOnlyList<PolicyMarker> Markers(Scenario s) =>
        s.Policies.Select(p => new PolicyMarker(p.Id, YearMonth.Parse(p.From), p.Until is null ? null : YearMonth.Parse(p.Until))).ToArray();
}
