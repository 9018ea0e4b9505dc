using System.Globalization;
using Simulation.Model.Engine;
using Simulation.Model.Setup;
using Simulation.Model.World;

namespace Simulation.Tests;

/// <summary>Behaviour of tenders, capacity and vendor learning that a user would notice in the outputs.</summary>
public sealed class MarketTests
{
    /// <summary>Two safe-city vendors: "scarce" is far better but can sign one contract a year (no capacity growth, none in response to refused awards); "ample" has room.</summary>
    private static string TwoVendorScenario(string extra = "", string capacityResponse = "0") => TestWorld.CustomScenario("market",
        [new("scarce", "JPN", Quality: 0.99, Price: 0.5, CapacityPerYear: 1), new("ample", "DEU", Quality: 0.3, Price: 1.0, CapacityPerYear: 500)],
        $$"""
        "name": "market", "seed": 3, "start": "2008-01", "end": "2014-12",
        "parameters": { "adoption": { "innovation": 0.05 }, "vendors": { "capacityGrowth": 0, "capacityResponse": {{capacityResponse}} } {{extra}} }
        """);

    [Fact]
    public async Task A_vendor_never_signs_more_than_its_capacity_and_refused_awards_fall_to_the_next_choice()
    {
        var result = await new TickDriver(new InProcessRuntime()).RunAsync(TestWorld.Plan(TwoVendorScenario(), 3));
        var byYear = result.Contracts.GroupBy(c => (c.Replicate, c.Vendor, Year: c.Signed[..4])).ToArray();
        Assert.All(byYear.Where(g => g.Key.Vendor == "scarce"), g => Assert.True(g.Count() <= 1, $"{g.Key}: {g.Count()} contracts"));
        Assert.Contains(byYear, g => g.Key.Vendor == "scarce");
        // Demand far exceeds the scarce vendor's capacity: the rest goes to the other vendor, not to "no deal".
        Assert.True(result.Contracts.Count(c => c.Vendor == "ample") > 20 * result.Contracts.Count(c => c.Vendor == "scarce"));
    }

    [Fact]
    public void Settle_accepts_the_most_valuable_awards_first_within_capacity()
    {
        var plan = TestWorld.Plan(TwoVendorScenario(), 1);
        var ctx = new RunContext(plan);
        var scarce = new Simulation.Model.Agents.VendorAgent(ctx, ctx.World.VendorIndex["scarce"]);
        for (var t = 0; t < 12; t++) scarce.Advance(t); // a year of capacity: one contract
        var awards = new[] { 5e6, 9e6, 1e6 }.Select((v, i) => new Simulation.Model.Market.Award(0, i, 0,
            new Simulation.Model.Market.Bid(0, v, false), 0.1)).ToArray();
        var accepted = scarce.Settle(awards);
        Assert.Equal(new[] { false, true, false }, accepted.ToArray());
    }

    [Fact]
    public void Existing_customers_are_served_first_and_refused_awards_grow_capacity()
    {
        var plan = TestWorld.Plan(TwoVendorScenario(capacityResponse: "0.5"), 1);
        var ctx = new RunContext(plan);
        var scarce = new Simulation.Model.Agents.VendorAgent(ctx, ctx.World.VendorIndex["scarce"]);
        for (var t = 0; t <= 12; t++) scarce.Advance(t); // a year of capacity: one contract
        var before = scarce.AnnualCapacity;
        // A small renewal beats two large new tenders; the two refused ones add 2 × 0.5 contracts a year.
        var awards = new[] { (9e6, false), (1e6, true), (5e6, false) }.Select((a, i) => new Simulation.Model.Market.Award(0, i, 0,
            new Simulation.Model.Market.Bid(0, a.Item1, false), 0.1, Priority: a.Item2 ? 0 : 1)).ToArray();
        Assert.Equal(new[] { false, true, false }, scarce.Settle(awards).ToArray());
        scarce.Advance(13);
        Assert.Equal(before + 1.0, scarce.OfferSheet(13).AnnualCapacity, 9);
    }

    /// <summary>Reading a vendor's offer sheet is a query: only advancing it into a new tick accrues capacity.</summary>
    [Fact]
    public void Reading_the_offer_sheet_changes_nothing_and_capacity_accrues_only_as_ticks_pass()
    {
        var ctx = new RunContext(TestWorld.Plan(TwoVendorScenario(), 1));
        var ample = new Simulation.Model.Agents.VendorAgent(ctx, ctx.World.VendorIndex["ample"]);
        ample.Advance(0);
        var first = ample.OfferSheet(0);
        var again = ample.OfferSheet(0);
        Assert.Equal(first.CapacityLeft, again.CapacityLeft);
        Assert.Equal(first.Price, again.Price);
        Assert.Equal(500 / 12, first.CapacityLeft); // a month of 500 contracts a year
        ample.Advance(1);
        Assert.Equal(2 * 500 / 12, ample.OfferSheet(1).CapacityLeft);
    }

    /// <summary>The competitive fringe (docs/model.md §3.8): signs whatever it is awarded, and stays at its entry quality and price.</summary>
    [Fact]
    public void The_fringe_takes_every_award_but_never_learns_or_shares_the_home_market()
    {
        var ctx = new RunContext(TestWorld.Plan(TestWorld.ShortScenario("fringe"), 1));
        var index = ctx.World.VendorIndex["fringe-chn"];
        var fringe = new Simulation.Model.Agents.VendorAgent(ctx, index);
        fringe.Advance(0);
        var entry = fringe.OfferSheet(0);
        for (var t = 1; t < 12; t++) fringe.Advance(t);
        var awards = Enumerable.Range(0, 60).Select(i => new Simulation.Model.Market.Award(0, i, 0,
            new Simulation.Model.Market.Bid(index, 1e6, true), 0.5)).ToArray();
        Assert.All(fringe.Settle(awards), Assert.True);
        fringe.Advance(12);
        var later = fringe.OfferSheet(12);
        Assert.Equal(entry.Price, later.Price);
        Assert.Equal(entry.Quality.ToArray(), later.Quality.ToArray());
        // Huawei and the other named Chinese vendors share China's build-out; the fringe gets none of it.
        Assert.Equal(0, ctx.HomeMarketShare[index]);
        Assert.Equal(1.0, ctx.World.Vendors.Select((v, i) => (v, i)).Where(x => x.v.Home == "CHN").Sum(x => ctx.HomeMarketShare[x.i]), 9);
    }

    [Fact]
    public void Home_market_build_out_lowers_a_chinese_vendors_price_and_raises_its_quality()
    {
        var on = TestWorld.Plan(TestWorld.ShortScenario("home-on"), 1);
        var off = TestWorld.Plan(TestWorld.ShortScenario("home-off", extra: """, "parameters": { "vendors": { "homeMarketExperience": false } }"""), 1);
        (double Price, double Quality) After(RunPlan plan)
        {
            var ctx = new RunContext(plan);
            var huawei = new Simulation.Model.Agents.VendorAgent(ctx, ctx.World.VendorIndex["huawei"]);
            for (var t = 0; t < 60; t++) huawei.Advance(t);
            var offer = huawei.OfferSheet(59);
            return (offer.Price, offer.Quality[(int)Capability.SafeCity]);
        }
        var (priceOn, qualityOn) = After(on);
        var (priceOff, qualityOff) = After(off);
        Assert.True(priceOn < priceOff, $"{priceOn} vs {priceOff}");
        Assert.True(qualityOn > qualityOff, $"{qualityOn} vs {qualityOff}");
    }
}

public sealed class AdoptionTests
{
    private static Simulation.Model.Agents.CountryAgent Agent(string iso3, string parameters = "")
    {
        var plan = TestWorld.Plan(TestWorld.ShortScenario("hazard-" + iso3, extra: parameters), 1);
        var ctx = new RunContext(plan);
        return new Simulation.Model.Agents.CountryAgent(ctx, ctx.World.CountryIndex[iso3], 0);
    }

    private static Simulation.Model.Agents.PeerCounts Peers(int groups, int count) =>
        new(groups, [.. Enumerable.Repeat(count, groups * Capabilities.Count)]);

    /// <summary>What one replicate's country sees at tick 0: no offers, the given peer counts, no soft loans.</summary>
    private static Simulation.Model.Agents.TickBoard Board(Simulation.Model.Agents.PeerCounts peers) => new(0, [[]], peers, [], 0);

    [Fact]
    public void Adopting_peers_raise_the_hazard()
    {
        var kenya = Agent("KEN");
        var groups = TestWorld.World.PeerGroupNames.Count;
        var none = kenya.AdoptionHazard(Capability.SafeCity, Board(Peers(groups, 0)));
        var many = kenya.AdoptionHazard(Capability.SafeCity, Board(Peers(groups, 20)));
        Assert.True(many > 2 * none, $"{none} → {many}");
        Assert.InRange(none, 0, 1);
        Assert.InRange(many, 0, 1);
    }

    [Fact]
    public void Privacy_pressure_lowers_the_hazard()
    {
        var groups = TestWorld.World.PeerGroupNames.Count;
        var calm = Agent("DEU", """, "parameters": { "dynamics": { "privacyByRegime": [0, 0, 0, 0] } }""");
        var concerned = Agent("DEU", """, "parameters": { "dynamics": { "privacyByRegime": [0, 0, 0, 3] } }""");
        var board = new Simulation.Model.Agents.TickBoard(0, [[]], Simulation.Model.Agents.PeerCounts.Empty(1, groups), [], 0);
        calm.Decide(board);
        concerned.Decide(board);
        Assert.True(concerned.AdoptionHazard(Capability.SafeCity, Board(Peers(groups, 5))) < calm.AdoptionHazard(Capability.SafeCity, Board(Peers(groups, 5))));
    }

    [Fact]
    public void Documented_gaps_are_filled_and_listed()
    {
        var world = TestWorld.World;
        Assert.Equal(196, world.Countries.Count);
        Assert.Contains(world.Country("TWN").Imputed, s => s.Contains("population"));
        Assert.Equal(Regime.ClosedAutocracy, world.Country("BRN").Regime);
        Assert.Equal(Regime.ElectoralDemocracy, world.Country("AND").Regime);
        Assert.True(world.Country("PRK").GdpPerCapitaUsd > 0);
        Assert.True(world.Vendors.Count >= 15);
        Assert.True(world.Homes.Count >= 5);
    }
}
