using System.Diagnostics;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;

namespace Simulation.Tests;

/// <summary>
/// A test that needs headless Chromium: it runs wherever Chromium is installed and always in CI (where .ci/run installs
/// it, so a missing browser fails there); on a developer's machine without it, it is skipped with the reason.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public static string? Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public ChromiumFactAttribute()
    {
        if (Executable == null && Environment.GetEnvironmentVariable("CI") is null or "" or "false")
            Skip = "headless Chromium is not installed (`apt-get install chromium`; .ci/run installs it and CI always runs this test)";
    }
}

/// <summary>report.html renders in a real browser (headless Chromium, installed by .ci/run) with its plots and tables.</summary>
public sealed class ReportRenderingTests
{

    private static (string Dom, string Log, int Exit) Render(string chromium, string html, string screenshot)
    {
        var profile = TestWorld.TempDir("chromium-profile");
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile}",
                     "--enable-logging=stderr", "--v=0", "--window-size=1280,4000", $"--screenshot={screenshot}", "--dump-dom",
                     new Uri(html).AbsoluteUri })
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var dom = p.StandardOutput.ReadToEndAsync();
        var log = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("chromium did not finish"); }
        return (dom.Result, log.Result, p.ExitCode);
    }

    [ChromiumFact]
    public async Task Compare_report_renders_with_plots_tables_and_no_console_errors()
    {
        var chromium = ChromiumFactAttribute.Executable
            ?? throw new InvalidOperationException("headless Chromium is needed: `apt-get install chromium` (.ci/run installs it)");
        var folder = await ComparePipeline.RunAsync(
            [TestWorld.ShortScenario("render-a", end: "2011-12"), TestWorld.ShortScenario("render-b", end: "2011-12", seed: 9)],
            new RunOptions("", 3, Out: Path.Combine(TestWorld.TempDir("render"), "out"), Engine: Engine.InProcess));
        var screenshot = Path.Combine(folder, "screenshot.png");
        var (dom, log, exit) = Render(chromium, Path.Combine(folder, "report.html"), screenshot);

        Assert.Equal(0, exit);
        Assert.Contains("<h1>Comparison: render-a vs render-b</h1>", dom);
        Assert.True(CountOf(dom, "<svg") >= 18, "6 overlay, 6 difference and 6 by-region plots should be inline SVG");
        Assert.Contains("<table>", dom);
        Assert.Contains("Countries with Chinese vendors", dom);
        Assert.Contains("Key outcomes by group", dom);
        Assert.Contains("Sub-Saharan Africa (SSF, 48 countries)", dom);
        Assert.Contains("What this model cannot tell you", dom);
        Assert.Contains(" pp; ", dom); // differences of shares are in percentage points
        Assert.DoesNotContain("Uncaught", log);
        Assert.DoesNotContain(":CONSOLE", log); // the page has no scripts, so the console must stay silent
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the rendered page should not be blank");

        // Each scenario's own report: the key-outcomes table, the limits box and the calibration status.
        var (runDom, runLog, runExit) = Render(chromium, Path.Combine(folder, "render-a", "report.html"), Path.Combine(folder, "run.png"));
        Assert.Equal(0, runExit);
        Assert.Contains("Key outcomes", runDom);
        Assert.Contains("<th>2011-12</th>", runDom);
        Assert.Contains("What this model cannot tell you", runDom);
        Assert.Contains("Calibration status", runDom);
        Assert.DoesNotContain(":CONSOLE", runLog);
    }

    private static int CountOf(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
