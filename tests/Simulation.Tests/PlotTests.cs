using Simulation.Model.Time;
using Simulation.Runner.Plots;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Tests;

public class PlotTests
{
    private static readonly string[] Homes = ["CHN", "FRA", "ISR", "JPN", "RUS", "USA"];

    [Fact]
    public async Task Market_share_legends_name_every_home_state_as_the_world_data_does()
    {
        var plan = TestWorld.Plan(TestWorld.ShortScenario("home-names", end: "2009-12", tick: "year"), replicates: 1);
        var result = (await new Simulation.Model.Engine.TickDriver(new Simulation.Model.Engine.InProcessRuntime()).RunAsync(plan));
        var summary = new EnsembleSummary("home-names", result, []);
        Assert.Equal(Homes, summary.Homes.Where(Homes.Contains));
        Assert.Equal(["China", "France", "Israel", "Japan", "Russia", "United States"], Homes.Select(h => summary.HomeNames[h]));
        Assert.All(summary.Homes, h => Assert.NotEqual(h, summary.HomeNames[h])); // no legend shows a bare code
    }

    [Fact]
    public void Home_colours_are_fixed_distinct_and_china_is_red_usa_blue()
    {
        var colours = Homes.Select(h => PlotBook.HomeColor(h).ToHex()).ToArray();
        Assert.Equal(Homes.Length, colours.Distinct().Count());
        Assert.Equal(colours, Homes.Select(h => PlotBook.HomeColor(h).ToHex()));   // stable between calls
        var chn = PlotBook.HomeColor("CHN");
        var usa = PlotBook.HomeColor("USA");
        Assert.True(chn.R > chn.B && chn.R > chn.G, $"CHN should be red-ish, was {chn.ToHex()}");
        Assert.True(usa.B > usa.R, $"USA should be blue-ish, was {usa.ToHex()}");
        // an unknown home gets a colour not used by the six known ones, the same every time
        var other = PlotBook.HomeColor("KOR").ToHex();
        Assert.DoesNotContain(other, colours);
        Assert.Equal(other, PlotBook.HomeColor("kor").ToHex());
    }

    [Fact]
    public void Policy_lines_mark_start_and_end()
    {
        var lines = PlotStyle.PolicyLines(
        [
            new PolicyMarker("US entity list", new YearMonth(2019, 10), null),
            new PolicyMarker("Moratorium", new YearMonth(2021, 1), new YearMonth(2023, 7)),
        ]);
        Assert.Equal(3, lines.Count);
        Assert.Equal((2019 + 9 / 12.0, "1", "1 US entity list, from 2019-10"), lines[0]);
        Assert.Equal((2021.0, "2", "2 Moratorium, 2021-01 to 2023-07"), lines[1]);
        Assert.Equal((2023.5, "2 end", (string?)null), lines[2]);
    }

    [Fact]
    public void Vendor_reach_takes_the_top_by_final_median_with_deterministic_ties()
    {
        SeriesBand Band(string id, double last, double mean) =>
            new("countries_with_vendor", id, [0, mean], [0, 0], [0, last], [0, last]);
        var bands = new Dictionary<string, SeriesBand>
        {
            ["a"] = Band("a", 5, 5), ["b"] = Band("b", 9, 9), ["c"] = Band("c", 5, 6), ["d"] = Band("d", 5, 5), ["e"] = Band("e", 1, 1),
        };
        var top = VendorReachPlot.TopByFinalMedian(bands.Keys, v => bands[v], 4);
        Assert.Equal(["b", "c", "a", "d"], top);
    }

    [Fact]
    public void The_hindcast_plots_mark_the_published_counts_of_their_own_series_and_no_subset_counts()
    {
        var observed = Simulation.Runner.Pipeline.RunPipeline.Observed(
            Simulation.Scenarios.ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "hindcast-2019.json")));
        // The 75 countries of the Carnegie index sit on the "any capability" line; the 40 among the top 50 military
        // spenders are a count of a subset and would read as a second, contradicting value of the same line.
        Assert.Equal(75, Assert.Single(observed, o => o.Metric == "countries_adopted" && o.Group == "any").Value);
        Assert.Equal(63, Assert.Single(observed, o => o.Metric == "countries_with_vendor_origin" && o.Group == "CHN").Value);
        Assert.Equal(observed.Count, observed.Select(o => (o.Metric, o.Group)).Distinct().Count());
        Assert.Empty(Simulation.Runner.Pipeline.RunPipeline.Observed(
            Simulation.Scenarios.ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "baseline.json")))); // not a hindcast
    }

    [Theory]
    [InlineData(0, 0, -1, 1)]       // a policy that leaves the outcome alone: the axis reads 0 ± 1, not ±1E-09
    [InlineData(-2, 3, -2.5, 3.5)]  // around the data with a tenth of its span either side
    [InlineData(2, 3, -0.3, 3.3)]   // zero stays in view, so the sign of an effect can be read
    public void Difference_axes_show_zero_and_a_readable_scale(double lo, double hi, double low, double high)
    {
        var (l, h) = PlotStyle.DifferenceRange(lo, hi, 0.1);
        Assert.Equal(low, l, 9);
        Assert.Equal(high, h, 9);
    }
}
