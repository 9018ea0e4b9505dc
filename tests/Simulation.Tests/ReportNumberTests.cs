using System.Text.RegularExpressions;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Results;

namespace Simulation.Tests;

/// <summary>Report tables show counts of countries as "75", not "75.0"; a median of counts can be 74.5; shares keep a decimal.</summary>
public sealed partial class ReportNumberTests
{
    [Fact]
    public void A_whole_count_shows_without_a_decimal_and_a_share_keeps_one()
    {
        Assert.Equal("75", UnitDisplay.Format(75, count: true));
        Assert.Equal("74.5", UnitDisplay.Format(74.5, count: true));
        Assert.Equal("55.4", UnitDisplay.Format(55.35, count: true));
        Assert.Equal("−3", UnitDisplay.Format(-3, count: true));
        Assert.Equal("+0", UnitDisplay.Signed(0, count: true));
        Assert.Equal("1,234", UnitDisplay.Format(1234, count: true));
        Assert.Equal("40.0", UnitDisplay.Format(40, count: false));
    }

    [Fact]
    public async Task The_run_report_shows_median_counts_of_an_odd_ensemble_as_whole_numbers()
    {
        // Three replicates: every median of a count is one replicate's whole count.
        var folder = await RunPipeline.RunAsync(new RunOptions(TestWorld.ShortScenario("numbers", end: "2012-12"), 3,
            Out: Path.Combine(TestWorld.TempDir("numbers"), "out"), Engine: Engine.InProcess));
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));

        var counts = Cells(html, "Countries using AI surveillance").Concat(Cells(html, "Countries with Chinese vendors")).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.Matches(@"^\d+ \(", c));
        var shares = Cells(html, "Installed base from Chinese vendors").ToList();
        Assert.NotEmpty(shares);
        Assert.All(shares, c => Assert.Matches(@"^\d+\.\d \(", c));
    }

    [Fact]
    public void A_plot_in_the_report_scales_to_a_narrow_window_instead_of_losing_its_right_edge()
    {
        // ScottPlot's SVG has a fixed size and no viewBox; without one, max-width: 100% crops the plot.
        var dir = TestWorld.TempDir("svg");
        var plot = Path.Combine(dir, "plot.svg");
        new ScottPlot.Plot().SaveSvg(plot, 1200, 700);
        Assert.DoesNotContain("viewBox", File.ReadAllText(plot));
        var page = Path.Combine(dir, "report.html");
        new Simulation.Runner.Report.HtmlReport("t").Figure(plot, "caption").Write(page);
        Assert.Contains("<svg viewBox=\"0 0 1200 700\"", File.ReadAllText(page));
    }

    /// <summary>The value cells (after outcome and unit) of the key-outcomes row titled so.</summary>
    private static IEnumerable<string> Cells(string html, string title)
    {
        var row = Regex.Match(html, $"<tr><td>{Regex.Escape(title)}</td>(.*?)</tr>");
        Assert.True(row.Success, $"no key-outcomes row '{title}'");
        return TableCell().Matches(row.Groups[1].Value).Select(m => m.Groups[1].Value).Skip(1);
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex TableCell();
}
