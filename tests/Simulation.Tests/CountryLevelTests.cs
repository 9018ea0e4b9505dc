using MathNet.Numerics.Statistics;
using Simulation.Model.Engine;
using Simulation.Runner.Calibration;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>
/// Who buys from whom, country by country, against a published list the fit never saw (docs/model.md §6.1,
/// "Country by country").
/// </summary>
public sealed class CountryLevelTests
{
    /// <summary>
    /// The African countries of CSIS's map of Huawei safe-city agreements (Hillman &amp; McCalpin, "Watching Huawei's
    /// Safe Cities", CSIS, 4 November 2019), as listed by D. Shinn, "Huawei and African Safe Cities", 13 November 2019.
    /// </summary>
    internal static readonly string[] CsisAfrica =
        ["GHA", "ZAF", "MUS", "BWA", "NGA", "UGA", "CIV", "MDG", "KEN", "ETH", "CMR", "AGO", "TUN", "DZA", "MAR", "EGY"];

    [Fact]
    public async Task Huawei_is_likelier_in_the_african_countries_csis_lists_than_in_the_rest_of_africa()
    {
        var hindcast = ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "hindcast-2019.json"));
        var world = hindcast.World;
        string[] rest = [.. world.Countries
            .Where(c => c.Subregion.EndsWith(" Africa", StringComparison.Ordinal) && c.Population >= CountryFilter.IndexMinPopulation) // UN subregions: Djibouti too
            .Select(c => c.Iso3).Except(CsisAfrica)];
        var result = await new TickDriver(new InProcessRuntime()).RunAsync(hindcast.Plan.Runs(100, hindcast.Scenario.Seed));
        double WithHuawei(string[] countries) => TargetMeasure.PerReplicate(result, world,
            new Target("huawei_in", "Countries with Huawei", "countries_with_vendor", "huawei", countries.Length, Where: "iso3:" + string.Join("|", countries)),
            "2019-09").Median();

        var listed = WithHuawei(CsisAfrica);
        var others = WithHuawei(rest);
        // The model tells the listed countries from the rest (6 of 16 against 7 of 36 on 2026-12-01) ...
        Assert.True(listed / CsisAfrica.Length >= 1.5 * others / rest.Length,
            $"Huawei in {listed} of the {CsisAfrica.Length} listed, {others} of the other {rest.Length} African countries");
        // ... but finds Huawei in too few of them (all 16 had an agreement): a documented miss that must not slide back.
        Assert.True(listed >= 5, $"Huawei in only {listed} of the {CsisAfrica.Length} African countries CSIS lists");
    }

    [Fact]
    public void A_country_code_the_world_does_not_have_is_named()
    {
        var world = ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "hindcast-2019.json")).World;
        var e = Assert.Throws<ArgumentException>(() => CountryFilter.Parse("iso3:KEN|UGD", world));
        Assert.Contains("the world has no country 'UGD'", e.Message);
        Assert.Contains("did you mean", e.Message);
        Assert.True(CountryFilter.Parse("iso3:KEN|UGA", world)(world.Country("UGA")));
        Assert.False(CountryFilter.Parse("iso3:KEN|UGA", world)(world.Country("TZA")));
    }
}
