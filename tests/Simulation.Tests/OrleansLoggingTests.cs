namespace Simulation.Tests;

/// <summary>
/// An ordinary run shows the tool's own lines only: Orleans' logs (e.g. the silo Watchdog's "platform stalled"
/// warnings a busy machine triggers) appear only with --verbose, and then on standard error.
/// </summary>
public sealed class OrleansLoggingTests
{
    [Fact]
    public async Task Orleans_logs_only_with_verbose_and_never_on_standard_output()
    {
        var scenario = TestWorld.ShortScenario("quiet", end: "2008-12");
        await using var quiet = ChildProcess.Tool("run", scenario, "-n", "2", "--engine", "orleans", "--out", Path.Combine(TestWorld.TempDir("quiet"), "out"));
        Assert.True(await quiet.ExitAsync(TimeSpan.FromMinutes(5)) == 0, quiet.Output);
        Assert.DoesNotContain("Orleans.", quiet.Output);
        Assert.Contains("Results written to", quiet.Output);

        await using var verbose = ChildProcess.Tool("run", scenario, "-n", "2", "--engine", "orleans", "--verbose", "--out", Path.Combine(TestWorld.TempDir("verbose"), "out"));
        Assert.True(await verbose.ExitAsync(TimeSpan.FromMinutes(5)) == 0, verbose.Output);
        Assert.Contains("Orleans.", verbose.StandardError);
        Assert.DoesNotContain("Orleans.", verbose.StandardOutput);
    }
}
