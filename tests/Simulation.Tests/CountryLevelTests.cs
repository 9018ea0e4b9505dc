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

    /// <summary>
    /// docs/model.md §6.1, "What the bands say": part of the ensemble's spread of a count is contagion (whole replicates
    /// taking off early or late), not chance country by country. Had countries adopted independently, each with the
    /// probability the ensemble gives it, the count's variance would be the Poisson-binomial sum of p(1 − p).
    /// </summary>
    [Fact]
    public async Task Contagion_widens_the_band_of_countries_adopting_beyond_chance_country_by_country()
    {
        var hindcast = ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "hindcast-2019.json"));
        var withoutContagion = hindcast.Changed(s => s with
        {
            Calibration = [], // imitation 0 is outside the fit's bounds; nothing is fitted here
            Parameters = s.Parameters with { Adoption = s.Parameters.Adoption with { Imitation = 0 } },
        }, "imitation = 0");
        // With imitation at 0.025 contagion still carries about half the variance (factor 1.9; 3.0 at 0.049, §6.1).
        var withContagion = await VarianceFactor(hindcast);
        var independent = await VarianceFactor(withoutContagion);
        Assert.True(withContagion > 1.5, $"contagion should add at least half again to the variance of independent countries: {withContagion:F2}");
        Assert.InRange(independent, 0.6, 1.3); // without peers' influence, countries are (nearly) independent
        Assert.True(withContagion - independent > 0.4, $"{withContagion:F2} with contagion against {independent:F2} without");
    }

    /// <summary>Variance of countries adopting (any capability, index countries, 2019-09) over its Poisson-binomial variance.</summary>
    private static async Task<double> VarianceFactor(LoadedScenario scenario)
    {
        var result = await new TickDriver(new InProcessRuntime()).RunAsync(scenario.Plan.Runs(100, scenario.Scenario.Seed));
        double[] Adopted(string where) => TargetMeasure.PerReplicate(result, scenario.World,
            new Target("adopted", "Countries adopting", "countries_adopted", "any", 1, Among: "index", Where: where), "2019-09");
        var count = Adopted("index");
        var independent = scenario.World.Countries.Where(c => c.Population >= CountryFilter.IndexMinPopulation)
            .Select(c => Adopted("iso3:" + c.Iso3).Mean()).Sum(p => p * (1 - p));
        return count.PopulationVariance() / independent;
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
