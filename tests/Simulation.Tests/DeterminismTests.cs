using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;

namespace Simulation.Tests;

/// <summary>Same scenario + seed → byte-identical timeseries.parquet, whichever engine or silo count runs it.</summary>
public sealed class DeterminismTests
{
    private static async Task<byte[]> TimeseriesAsync(string scenario, string engine, int silos = 1, ulong? seed = null, int replicates = 3)
    {
        var folder = await RunPipeline.RunAsync(new RunOptions(scenario, replicates, seed, Path.Combine(TestWorld.TempDir("det"), "out"), engine, silos));
        return await File.ReadAllBytesAsync(Path.Combine(folder, "timeseries.parquet"));
    }

    [Fact]
    public async Task Same_seed_twice_gives_identical_bytes()
    {
        var scenario = TestWorld.ShortScenario("twice");
        var a = await TimeseriesAsync(scenario, Engine.InProcess);
        var b = await TimeseriesAsync(scenario, Engine.InProcess);
        Assert.True(a.Length > 10_000);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Orleans_on_one_and_two_silos_matches_inprocess_byte_for_byte()
    {
        var scenario = TestWorld.ShortScenario("engines");
        var inprocess = await TimeseriesAsync(scenario, Engine.InProcess);
        var orleans = await TimeseriesAsync(scenario, Engine.Orleans);
        var twoSilos = await TimeseriesAsync(scenario, Engine.Orleans, silos: 2);
        Assert.Equal(inprocess, orleans);
        Assert.Equal(inprocess, twoSilos);
    }

    [Fact]
    public async Task A_different_seed_gives_different_values()
    {
        // Compares the simulated values, not the files: a file that repeats the seed would differ whatever the model did.
        var scenario = TestWorld.ShortScenario("seeds");
        static async Task<double[]> Contracts(string scenario, ulong seed)
        {
            var plan = TestWorld.Plan(scenario, replicates: 3, seed: seed);
            var result = (await new Simulation.Model.Engine.TickDriver(new Simulation.Model.Engine.InProcessRuntime()).RunAsync(plan));
            var series = result.Series.Get("contracts_signed", "any").Index;
            return Enumerable.Range(0, 3).SelectMany(r => Enumerable.Range(0, result.Dates.Count)
                .Select(t => result.Value(r, t, series))).ToArray();
        }
        var a = await Contracts(scenario, 1);
        var b = await Contracts(scenario, 2);
        Assert.True(a.Sum() > 0, "the short run should sign contracts");
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Replicates_differ_from_one_another()
    {
        var plan = TestWorld.Plan(TestWorld.ShortScenario("replicates"), replicates: 4);
        var result = await new Simulation.Model.Engine.TickDriver(new Simulation.Model.Engine.InProcessRuntime()).RunAsync(plan);
        var last = result.Dates.Count - 1;
        var contracts = result.Series.Get("contracts_signed", "any").Index;
        // Cumulative contracts signed over the run, per replicate: random draws must make them differ.
        var totals = Enumerable.Range(0, 4)
            .Select(r => Enumerable.Range(0, last + 1).Sum(t => result.Value(r, t, contracts))).ToArray();
        Assert.True(totals.Distinct().Count() > 1, $"all replicates signed the same: {string.Join(",", totals)}");
    }

    [Fact]
    public async Task A_big_ensemble_run_in_chunks_writes_the_bytes_of_one_pass()
    {
        // Chunks of 2 over 5 replicates (the last chunk short) stand in for chunks of 500 over thousands.
        var plan = TestWorld.Plan(TestWorld.ShortScenario("chunks"), replicates: 5);
        var onePass = await new Simulation.Model.Engine.TickDriver(new Simulation.Model.Engine.InProcessRuntime()).RunAsync(plan);
        var chunked = await Simulation.Model.Engine.EnsembleChunks.RunAsync(new Simulation.Model.Engine.InProcessRuntime(), plan, replicatesPerChunk: 2);
        Assert.True(onePass.Contracts.Length > 0, "the short run should sign contracts");
        async Task<byte[][]> Files(Simulation.Model.Output.EnsembleResult result)
        {
            var dir = TestWorld.TempDir("chunks");
            string At(string file) => Path.Combine(dir, file);
            await Simulation.Runner.Results.ParquetTables.WriteTimeseriesAsync(At("timeseries.parquet"), "chunks", result);
            await Simulation.Runner.Results.ParquetTables.WriteContractsAsync(At("contracts.parquet"), result);
            Simulation.Runner.Results.ResultWriter.WriteGroups(At("groups.csv"), "chunks", result);
            Simulation.Runner.Results.ResultWriter.WriteCountries(At("countries.csv"), "chunks", result);
            return [.. new[] { "timeseries.parquet", "contracts.parquet", "groups.csv", "countries.csv" }.Select(f => File.ReadAllBytes(At(f)))];
        }
        var expected = await Files(onePass);
        var actual = await Files(chunked);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public async Task Tables_streamed_chunk_by_chunk_are_the_bytes_of_one_pass_and_the_run_keeps_no_contracts()
    {
        // The run command's path: each chunk's rows go to the files as it finishes (here chunks of 2 over 5 replicates).
        var plan = TestWorld.Plan(TestWorld.ShortScenario("stream"), replicates: 5);
        var onePass = await new Simulation.Model.Engine.TickDriver(new Simulation.Model.Engine.InProcessRuntime()).RunAsync(plan);
        var (whole, streamed) = (TestWorld.TempDir("stream-whole"), TestWorld.TempDir("stream-chunks"));
        await Simulation.Runner.Results.RunTables.WriteAsync(whole, "stream", csv: true, onePass);
        Simulation.Model.Output.EnsembleResult chunked;
        await using (var tables = new Simulation.Runner.Results.RunTables(streamed, "stream", csv: true))
        {
            chunked = await Simulation.Model.Engine.EnsembleChunks.RunAsync(new Simulation.Model.Engine.InProcessRuntime(), plan,
                replicatesPerChunk: 2, sink: tables);
            await tables.FinishAsync();
        }
        Assert.Empty(chunked.Contracts); // they are in the files, not held
        Assert.True(onePass.Contracts.Length > 0, "the short run should sign contracts");
        foreach (var file in new[] { "timeseries.parquet", "contracts.parquet", "timeseries.csv", "contracts.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(streamed, file))), file);
    }

    [Fact]
    public async Task Published_targets_measured_chunk_by_chunk_are_those_of_one_pass()
    {
        // A streamed run keeps no contracts, so the report's check against the Carnegie 2019 facts is measured per chunk.
        var scenario = TestWorld.ShortScenario("tally", end: "2019-12");
        var plan = TestWorld.Plan(scenario, replicates: 5);
        var world = Simulation.Scenarios.ScenarioLoader.Load(scenario);
        var targets = Simulation.Runner.Calibration.TargetFile.Load(Path.Combine(TestWorld.Scenarios, "targets", "aigs-2019.json"));
        var onePass = await new Simulation.Model.Engine.TickDriver(new Simulation.Model.Engine.InProcessRuntime()).RunAsync(plan);
        var tally = new Simulation.Runner.Calibration.TargetTally(targets, world.Calendar, world.World);
        await Simulation.Model.Engine.EnsembleChunks.RunAsync(new Simulation.Model.Engine.InProcessRuntime(), plan, replicatesPerChunk: 2, sink: tally);
        var expected = Simulation.Runner.Calibration.TargetMeasure.Check(onePass, world.World, targets);
        Assert.Equal(targets.Targets.Count, expected.Count);
        Assert.Equal(expected, tally.Checks());
    }
}
