using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>
/// A real cluster: Redis membership, `silo` processes, `run --cluster` as a separate client process. Results must be
/// byte-identical to the in-process engine, also when a silo is SIGKILLed mid-run or a new one joins. These tests take
/// tens of seconds each: they start processes and wait for the cluster to declare a killed silo dead.
/// </summary>
public sealed class ClusterTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Join = TimeSpan.FromMinutes(5); // generous: a loaded 2-core machine starts silos slowly
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);
    private static readonly string[] DataFiles = ["timeseries.parquet", "contracts.parquet", "summary.csv", "groups.csv", "countries.csv"];

    /// <summary>12 batches of 25 replicates, 2008–2015 monthly: long enough to kill or add a silo while batches fly.</summary>
    private const int Replicates = 300;
    private static readonly Lazy<string> Scenario = new(() => TestWorld.ShortScenario("cluster", end: "2015-12"));
    private static readonly Lazy<Task<string>> Reference = new(() => RunPipeline.RunAsync(
        new RunOptions(Scenario.Value, Replicates, Out: Path.Combine(TestWorld.TempDir("cluster-ref"), "out"), Engine: Engine.InProcess)));

    private async Task<ChildProcess[]> SilosAsync(string clusterId, int count)
    {
        var silos = Enumerable.Range(0, count).Select(_ => Silo(clusterId)).ToArray();
        try
        {
            foreach (var s in silos) await s.WaitForAsync("joined cluster", Join);
            return silos;
        }
        catch
        {
            foreach (var s in silos) await s.DisposeAsync(); // a silo that never joined must not outlive the test
            throw;
        }
    }

    private ChildProcess Silo(string clusterId) =>
        ChildProcess.Tool("silo", "--redis", redis.Connection, "--cluster-id", clusterId, "--port", "0", "--gateway-port", "0");

    private ChildProcess Client(string clusterId, string outDir) =>
        ChildProcess.Tool("run", Scenario.Value, "-n", Replicates.ToString(), "--cluster", redis.Connection, "--cluster-id", clusterId, "--out", outDir);

    private static async Task AssertSameAsReferenceAsync(string folder)
    {
        var reference = await Reference.Value;
        foreach (var file in DataFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(reference, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, file))),
                $"{file} differs from the in-process engine's");
    }

    [Fact]
    public async Task Killing_a_silo_mid_run_loses_nothing_and_changes_no_byte()
    {
        var id = "kill-" + Environment.ProcessId;
        var silos = await SilosAsync(id, 3);
        var outDir = Path.Combine(TestWorld.TempDir("cluster-kill"), "out");
        await using var client = Client(id, outDir);
        try
        {
            await client.WaitForAsync("% (", RunLimit); // a first batch is back; every silo still has batches in flight
            silos[1].Kill();
            Assert.True(await client.ExitAsync(RunLimit) == 0, client.Output);
            Assert.Contains("runs again", client.Output); // the killed silo's batches were run elsewhere
            await AssertSameAsReferenceAsync(outDir);
        }
        finally
        {
            foreach (var s in silos) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_silo_that_joins_mid_run_takes_batches()
    {
        var id = "join-" + Environment.ProcessId;
        var silos = await SilosAsync(id, 1);
        var outDir = Path.Combine(TestWorld.TempDir("cluster-join"), "out");
        await using var client = Client(id, outDir);
        await using var late = Silo(id);
        try
        {
            Assert.True(await client.ExitAsync(RunLimit) == 0, client.Output);
            Assert.Contains("done in", late.Output); // the late silo ran at least one batch
            await AssertSameAsReferenceAsync(outDir);
        }
        finally
        {
            foreach (var s in silos) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_sweep_with_a_silo_killed_mid_point_writes_what_the_in_process_sweep_writes()
    {
        var id = "sweep-" + Environment.ProcessId;
        var silos = await SilosAsync(id, 3);
        try
        {
            // Two points of four batches each, 2008–2015: a batch runs long enough to be killed while in flight.
            string[] Args(string outDir) => ["sweep", Scenario.Value, "--set", "parameters.adoption.innovation=0.002,0.004", "-n", "100", "--out", outDir];
            var inprocess = Path.Combine(TestWorld.TempDir("sweep-inproc"), "out");
            var onCluster = Path.Combine(TestWorld.TempDir("sweep-cluster"), "out");
            await using var a = ChildProcess.Tool([.. Args(inprocess), "--engine", "inprocess"]);
            Assert.True(await a.ExitAsync(RunLimit) == 0, a.Output);
            await using var b = ChildProcess.Tool([.. Args(onCluster), "--cluster", redis.Connection, "--cluster-id", id]);
            var victim = await FirstWithAsync(silos, "started", RunLimit); // that silo now holds a batch of a point in flight
            victim.Kill();
            Assert.True(await b.ExitAsync(RunLimit) == 0, b.Output);
            Assert.Contains("runs again", b.Output); // the point in flight was finished on the surviving silos
            Assert.Equal(File.ReadAllBytes(Path.Combine(inprocess, "sweep.csv")), File.ReadAllBytes(Path.Combine(onCluster, "sweep.csv")));
        }
        finally
        {
            foreach (var s in silos) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_calibration_with_a_silo_killed_mid_ensemble_fits_what_the_in_process_calibration_fits()
    {
        var id = "calibrate-" + Environment.ProcessId;
        var silos = await SilosAsync(id, 3);
        try
        {
            // Two free numbers, one a vendor's; 50 replicates make two batches of every ensemble, 2008-01..2019-09 monthly
            // (the targets' date), and a budget of 2 runs: four ensembles with the fit before and at the best point.
            var scenario = TestWorld.ShortScenario("cluster-calibrate", end: "2019-09", extra: """
                , "calibration": [
                  { "path": "$.parameters.adoption.innovation", "min": 0.0005, "max": 0.02 },
                  { "path": "$.vendors.huawei.capacityPerYear", "min": 8, "max": 40 }
                ]
                """);
            var targets = Path.Combine(TestWorld.Scenarios, "targets", "aigs-2019.json");
            string[] Args(string outDir) => ["calibrate", scenario, "--targets", targets, "-n", "50", "--budget", "2", "--out", outDir];
            var inprocess = Path.Combine(TestWorld.TempDir("calibrate-inproc"), "out");
            var onCluster = Path.Combine(TestWorld.TempDir("calibrate-cluster"), "out");
            await using var a = ChildProcess.Tool(Args(inprocess));
            Assert.True(await a.ExitAsync(RunLimit) == 0, a.Output);
            await using var b = ChildProcess.Tool([.. Args(onCluster), "--cluster", redis.Connection, "--cluster-id", id]);
            var victim = await FirstWithAsync(silos, "started", RunLimit); // that silo holds a batch of an ensemble in flight
            victim.Kill();
            Assert.True(await b.ExitAsync(RunLimit) == 0, b.Output);
            Assert.Contains("runs again", b.Output); // the ensemble in flight was finished on the surviving silos
            foreach (var file in new[] { "calibration.csv", "fitted-parameters.json" })
                Assert.True(File.ReadAllBytes(Path.Combine(inprocess, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(onCluster, file))),
                    $"{file} on the cluster differs from the in-process one's");
        }
        finally
        {
            foreach (var s in silos) await s.DisposeAsync();
        }
    }

    /// <summary>The first of <paramref name="processes"/> to print a line containing <paramref name="text"/>.</summary>
    private static async Task<ChildProcess> FirstWithAsync(ChildProcess[] processes, string text, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (processes.FirstOrDefault(p => p.Output.Contains(text)) is { } first) return first;
            if (clock.Elapsed > timeout) throw new TimeoutException($"no '{text}' from any process after {timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_sensitivity_analysis_on_the_cluster_writes_what_the_in_process_one_writes()
    {
        var id = "sens-" + Environment.ProcessId;
        var silos = await SilosAsync(id, 2);
        try
        {
            // Soft loans against none, two uncertain parameters; 30 replicates make two batches of each ensemble.
            var policy = TestWorld.ShortScenario("cluster-sens-loans", end: "2010-12", tick: "quarter", extra: """
                , "uncertain": [
                  { "path": "$.parameters.adoption.privacy", "min": -1.0, "max": 0.0, "reason": "test" },
                  { "path": "$.policies[0].discount", "min": 0.1, "max": 0.5, "reason": "test" }
                ],
                "policies": [ { "id": "loans", "type": "financing", "from": "2008-01", "imposer": "CHN",
                                "targets": { "countries": ["BRI"] }, "discount": 0.3, "budgetUsdPerYear": 0 } ]
                """);
            var none = TestWorld.ShortScenario("cluster-sens-none", end: "2010-12", tick: "quarter");
            string[] Args(string outDir) =>
                ["sensitivity", policy, "--compare", none, "--method", "morris", "--samples", "2", "-n", "30", "--dates", "2010-10", "--out", outDir];
            var inprocess = Path.Combine(TestWorld.TempDir("sens-inproc"), "out");
            var onCluster = Path.Combine(TestWorld.TempDir("sens-cluster"), "out");
            await using var a = ChildProcess.Tool([.. Args(inprocess), "--engine", "inprocess"]);
            Assert.True(await a.ExitAsync(RunLimit) == 0, a.Output);
            await using var b = ChildProcess.Tool([.. Args(onCluster), "--cluster", redis.Connection, "--cluster-id", id]);
            Assert.True(await b.ExitAsync(RunLimit) == 0, b.Output);
            Assert.Contains(silos, s => s.Output.Contains("done in")); // the silos ran the design's ensembles, not the client
            foreach (var file in new[] { "outcomes.csv", "sensitivity.csv" })
                Assert.True(File.ReadAllBytes(Path.Combine(inprocess, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(onCluster, file))),
                    $"{file} on the cluster differs from the in-process one's");
        }
        finally
        {
            foreach (var s in silos) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task No_cluster_at_the_address_is_exit_2_with_a_hint_and_no_output()
    {
        var outDir = Path.Combine(TestWorld.TempDir("cluster-none"), "out");
        var nobody = $"127.0.0.1:{ChildProcess.FreePort()}";
        await using var client = ChildProcess.Tool("run", TestWorld.ShortScenario("nobody"), "--cluster", nobody, "--out", outDir);
        Assert.Equal(2, await client.ExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains($"cannot join cluster 'surveillance-sim' (Redis at {nobody}): no Redis server answered at {nobody}", client.Output);
        Assert.DoesNotContain("in your code", client.Output); // the Redis client's advice to programmers
        Assert.Contains("silo --redis", client.Output);
        Assert.DoesNotContain("   at ", client.Output);
        Assert.False(Directory.Exists(outDir));
    }
}
