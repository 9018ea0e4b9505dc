using System.Diagnostics;
using System.Runtime.InteropServices;
using Simulation.Runner.Cli;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Results;

namespace Simulation.Tests;

/// <summary>
/// Ctrl+C at any moment leaves no half-written folder, on either engine, and says so in one line; folders left by
/// killed runs are cleaned up by the next run; two runs started together both keep their results. The interrupts are
/// real signals sent to a child process running the tool.
/// </summary>
public sealed class InterruptTests
{
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private const int SigInt = 2;

    private static Process Start(string workDir, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(App).Assembly.Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    /// <summary>Waits until <paramref name="ready"/> holds (checked every 5 ms), then sends SIGINT; returns exit code and stderr.</summary>
    private static async Task<(int Code, string Err, bool Signalled)> InterruptWhen(Process p, Func<bool> ready)
    {
        var err = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        var signalled = false;
        while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (ready())
            {
                Assert.Equal(0, Kill(p.Id, SigInt));
                signalled = true;
                break;
            }
            await Task.Delay(5);
        }
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        await stdout;
        return (p.ExitCode, await err, signalled);
    }

    private static string[] Partial(string outDir) =>
        Directory.Exists(outDir) ? Directory.GetDirectories(outDir, ".*.partial-*") : [];

    public static IEnumerable<object[]> Engines() => [[Engine.Orleans], [Engine.InProcess]];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Ctrl_c_at_start_up_leaves_nothing_and_says_so(string engine)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // POSIX signals
        var dir = TestWorld.TempDir("interrupt-start");
        var scenario = TestWorld.ShortScenario("start", end: "2010-12", tick: "quarter");
        using var p = Start(dir, "run", scenario, "--engine", engine);
        var outDir = Path.Combine(dir, "out");
        var (code, err, signalled) = await InterruptWhen(p, () => Partial(outDir).Length > 0); // staging made, engine starting

        Assert.True(signalled, "the run ended before it could be interrupted:" + Environment.NewLine + err);
        Assert.Equal(ExitCodes.Interrupted, code);
        AssertOneLineSaysNothingKept(err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outDir)); // no staging folder, no reservation, no result
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Ctrl_c_while_writing_outputs_leaves_no_partial_folder(string engine)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var dir = TestWorld.TempDir("interrupt-write");
        var earlier = Path.Combine(dir, "out", "earlier");
        Directory.CreateDirectory(earlier);
        File.WriteAllText(Path.Combine(earlier, "notes.txt"), "a user's earlier results");
        var scenario = TestWorld.ShortScenario("write", end: "2010-12", tick: "quarter");
        // Enough replicates for several chunks, so the outputs are being written for longer than the 5 ms between
        // polls (with the scenario's 3 the run could finish between two polls).
        using var p = Start(dir, "run", scenario, "--engine", engine, "-n", "120");
        var outDir = Path.Combine(dir, "out");
        var (code, err, signalled) = await InterruptWhen(p, () => Partial(outDir).Any(s => File.Exists(Path.Combine(s, "timeseries.parquet"))));

        Assert.True(signalled, "the run ended before its outputs were being written:" + Environment.NewLine + err);
        Assert.Equal(ExitCodes.Interrupted, code);
        AssertOneLineSaysNothingKept(err);
        Assert.Equal(["earlier"], Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName));
        Assert.Equal("a user's earlier results", File.ReadAllText(Path.Combine(earlier, "notes.txt")));
    }

    private static void AssertOneLineSaysNothingKept(string err)
    {
        Assert.DoesNotContain("   at ", err);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["interrupted: nothing was written and earlier results are untouched"], lines.Where(l => l.StartsWith("interrupted", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_staging_folder_left_by_a_killed_run_is_removed_by_the_next_run_and_nothing_else()
    {
        var parent = TestWorld.TempDir("stale");
        // A process id far above any Linux pid_max (4,194,304): certainly not running.
        var stale = Path.Combine(parent, ".old-run.partial-999999999");
        Directory.CreateDirectory(Path.Combine(stale, "world"));
        File.WriteAllText(Path.Combine(stale, OutputSafety.MarkerFile), "");
        File.WriteAllText(Path.Combine(stale, "timeseries.csv"), "half a file");
        var staleReservation = Path.Combine(parent, ".old-run.reserved");
        File.WriteAllText(staleReservation, "999999999");
        var live = Path.Combine(parent, $".other.partial-{Environment.ProcessId}"); // a run still going (this process)
        Directory.CreateDirectory(live);
        // Emptied by a second Ctrl+C while a plot was still being written: the marker stays with what came back.
        var torn = Path.Combine(parent, ".torn.partial-999999998");
        Directory.CreateDirectory(torn);
        File.WriteAllText(Path.Combine(torn, OutputSafety.MarkerFile), "");
        File.WriteAllText(Path.Combine(torn, "adoption.svg"), "<svg");
        var notOurs = Path.Combine(parent, ".cache.partial-999999999"); // a stranger's folder with a similar name
        Directory.CreateDirectory(notOurs);
        File.WriteAllText(Path.Combine(notOurs, "data.bin"), "keep");
        var results = Path.Combine(parent, "results");
        Directory.CreateDirectory(results);

        var scenario = TestWorld.ShortScenario("after-kill", end: "2009-12", tick: "year");
        var folder = await RunPipeline.RunAsync(new RunOptions(scenario, 2, Out: Path.Combine(parent, "new"), Engine: Engine.InProcess));

        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
        Assert.False(Directory.Exists(stale));
        Assert.False(Directory.Exists(torn));
        Assert.False(File.Exists(staleReservation));
        Assert.True(Directory.Exists(live));
        Assert.True(File.Exists(Path.Combine(notOurs, "data.bin")));
        Assert.True(Directory.Exists(results));
    }

    [Fact]
    public void Numbered_folders_are_reserved_atomically_by_concurrent_runs()
    {
        var parent = TestWorld.TempDir("reserve");
        Directory.CreateDirectory(Path.Combine(parent, "x"));
        var names = new string[8];
        Parallel.For(0, names.Length, i => names[i] = Path.GetFileName(StagingFolders.Reserve(parent, "x").Path));
        Assert.Equal(Enumerable.Range(2, 8).Select(n => $"x-{n}").Order(), names.Order());
    }

    [Fact]
    public async Task Two_runs_of_one_scenario_started_together_both_land()
    {
        var dir = TestWorld.TempDir("concurrent");
        var scenario = TestWorld.ShortScenario("together", end: "2009-12", tick: "quarter");
        using var a = Start(dir, "run", scenario, "--engine", Engine.InProcess);
        using var b = Start(dir, "run", scenario, "--engine", Engine.InProcess);
        var outputs = await Task.WhenAll(a.StandardError.ReadToEndAsync(), b.StandardError.ReadToEndAsync(),
            a.StandardOutput.ReadToEndAsync(), b.StandardOutput.ReadToEndAsync());
        await Task.WhenAll(a.WaitForExitAsync(), b.WaitForExitAsync());
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, string.Join(Environment.NewLine, outputs));
        var folders = Directory.EnumerateFileSystemEntries(Path.Combine(dir, "out")).Select(f => Path.GetFileName(f)).Order().ToArray();
        Assert.Equal(["together", "together-2"], folders);
        Assert.All(folders, f => Assert.True(File.Exists(Path.Combine(dir, "out", f, "manifest.json"))));
    }
}
