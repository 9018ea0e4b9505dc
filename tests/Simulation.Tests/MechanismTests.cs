using System.Collections.Immutable;
using Simulation.Model.Agents;
using Simulation.Model.Market;
using Simulation.Model.Randomness;
using Simulation.Model.Setup;
using Simulation.Model.World;

namespace Simulation.Tests;

/// <summary>
/// The model's mechanisms one at a time, against their closed forms (docs/model.md §3): nested-logit vendor choice,
/// geopolitical alignment from sourced data, and the vendors' learning and experience curves.
/// </summary>
public sealed class MechanismTests
{
    /// <summary>Two Japanese brands and a German one; choice driven by price and quality only (alignment and alliance off).</summary>
    private static RunContext ThreeBrands() => RunContext.For(TestWorld.Plan(TestWorld.CustomScenario("logit",
        [new("jp-a", "JPN", Quality: 0.6, Price: 1.0, CapacityPerYear: 100), new("jp-b", "JPN", Quality: 0.4, Price: 0.8, CapacityPerYear: 100),
         new("de-a", "DEU", Quality: 0.5, Price: 1.2, CapacityPerYear: 100)],
        """
        "name": "logit", "seed": 5, "start": "2008-01", "end": "2008-12",
        "parameters": { "choice": { "alignment": 0, "alliance": 0 } }
        """), 1));

    /// <summary>A buyer with no contract with any vendor.</summary>
    private static bool[] NoTies(RunContext ctx) => new bool[ctx.World.Vendors.Count];

    /// <summary>Every financing budget still has money.</summary>
    private static bool[] AllOpen(RunContext ctx) => [.. Enumerable.Repeat(true, ctx.Policies.Financing.Count)];

    [Fact]
    public void Vendor_choice_follows_the_nested_logit_probabilities()
    {
        var ctx = ThreeBrands();
        var p = ctx.P.Choice;
        var (prices, qualities) = (new[] { 1.0, 0.8, 1.2 }, new[] { 0.6, 0.4, 0.5 });
        var offers = Enumerable.Range(0, 3).Select(v => new VendorOffer(v, prices[v],
            [.. Capabilities.All.Select(k => k == Capability.SafeCity ? qualities[v] : 0.0)], 100, 100, true)).ToArray();
        var buyer = ctx.World.CountryIndex["FRA"];
        var profile = ctx.World.Countries[buyer];
        var who = new VendorChoice.Buyer(buyer, profile, 0, 0, NoTies(ctx), NoTies(ctx), AllOpen(ctx));

        // Closed form given a deal (the outside option and every term common to all brands cancel): the origin h with
        // probability exp(I_h) / Σ exp(I), I_h = λ ln Σ_{j∈h} exp(V_j/λ), then brand v with exp(V_v/λ) / Σ_{j∈h} exp(V_j/λ).
        var lambda = p.NestSimilarity;
        var v = Enumerable.Range(0, 3).Select(i => p.Price * Math.Log(prices[i]) + p.Quality * qualities[i]).ToArray();
        var home = Enumerable.Range(0, 3).Select(i => ctx.VendorHome[i]).ToArray();
        var inclusive = home.Distinct().ToDictionary(h => h, h => lambda * Math.Log(Enumerable.Range(0, 3).Where(i => home[i] == h).Sum(i => Math.Exp(v[i] / lambda))));
        var nestTotal = inclusive.Values.Sum(Math.Exp);
        var expected = Enumerable.Range(0, 3).Select(i => Math.Exp(inclusive[home[i]]) / nestTotal
            * Math.Exp(v[i] / lambda) / Enumerable.Range(0, 3).Where(j => home[j] == home[i]).Sum(j => Math.Exp(v[j] / lambda))).ToArray();

        var first = new int[3];
        var deals = 0;
        for (var draw = 0; draw < 40_000; draw++)
        {
            var rng = Streams.For(11, 0, Streams.AgentKey("logit-test"), draw, Phase.VendorChoice);
            var ranked = VendorChoice.Rank(ctx, who, Capability.SafeCity, 0.1, 0, offers, ref rng);
            if (ranked.IsEmpty) continue;
            first[ranked[0].Vendor]++;
            deals++;
        }
        Assert.True(deals > 10_000, $"only {deals} of 40000 tenders found a deal");
        for (var i = 0; i < 3; i++)
        {
            var observed = first[i] / (double)deals;
            var se = Math.Sqrt(expected[i] * (1 - expected[i]) / deals);
            Assert.True(Math.Abs(observed - expected[i]) < 5 * se,
                $"{ctx.World.Vendors[i].Id}: chosen first in {observed:P2} of deals, closed form {expected[i]:P2} (±{5 * se:P2})");
        }
    }

    [Fact]
    public void Alignment_spans_the_usa_china_divide_and_alliances_follow_the_treaties()
    {
        var w = TestWorld.World;
        CountryProfile C(string iso3) => w.Country(iso3);
        var gap = Alignment.UsaChinaGap(w);
        Assert.True(gap > 0);
        Assert.Equal(-1.0, Alignment.Of(C("USA"), C("CHN"), gap), 12); // the divide itself is the unit
        Assert.Equal(1.0, Alignment.Of(C("FRA"), C("FRA"), gap));
        Assert.True(Alignment.Of(C("GBR"), C("USA"), gap) > Alignment.Of(C("GBR"), C("CHN"), gap));
        Assert.True(Alignment.Of(C("PAK"), C("CHN"), gap) > Alignment.Of(C("PAK"), C("USA"), gap));

        Assert.True(Alignment.Allied(C("DEU"), C("USA")));  // NATO
        Assert.True(Alignment.Allied(C("JPN"), C("USA")));  // US–Japan treaty (1960)
        Assert.True(Alignment.Allied(C("PRK"), C("CHN")));  // Sino–North Korean treaty (1961)
        Assert.True(Alignment.Allied(C("KAZ"), C("RUS")));  // CSTO
        Assert.False(Alignment.Allied(C("BRA"), C("USA")));
        Assert.False(Alignment.Allied(C("PAK"), C("CHN")));

        // Rivalry only across the opposed treaty systems: a NATO member is China's rival, non-aligned Brazil is not.
        Assert.Equal(Alignment.Distance(C("DEU"), C("CHN"), gap), Alignment.Rivalry(C("DEU"), C("CHN"), gap));
        Assert.True(Alignment.Rivalry(C("DEU"), C("CHN"), gap) > 0.5);
        Assert.Equal(0.0, Alignment.Rivalry(C("BRA"), C("CHN"), gap));
        Assert.Equal(0.0, Alignment.Rivalry(C("BRA"), C("USA"), gap));
        Assert.Equal(Alignment.Rivalry(C("CHN"), C("USA"), gap), Alignment.Rivalry(C("USA"), C("CHN"), gap));
    }

    [Fact]
    public void Quality_and_price_follow_the_learning_and_experience_curves_in_signed_scope()
    {
        var ctx = ThreeBrands();
        var de = ctx.World.VendorIndex["de-a"];
        var vendor = new VendorAgent(ctx, de);
        var p = ctx.P.Vendors;
        for (var t = 0; t < 12; t++) vendor.Advance(t); // a year of capacity, no home-market build-out for Germany
        Assert.Equal(0.0, vendor.Experience);
        Assert.Equal(0.5, vendor.Quality(0.5), 12);
        Assert.Equal(1.2, vendor.Price(), 12);

        // Signing scope E0 doubles (1 + E/E0): price falls to the progress ratio (Wright's law) and the quality gap
        // 1 − q shrinks by 2^−λ.
        var award = new Award(0, 0, 0, new Bid(de, 1e6, false), p.ExperienceScale);
        Assert.Equal(new[] { true }, vendor.Settle([award]).ToArray());
        Assert.Equal(p.ExperienceScale, vendor.Experience, 12);
        Assert.Equal(1.2 * Math.Max(p.PriceFloor, p.ProgressRatio), vendor.Price(), 12);
        Assert.Equal(1 - 0.5 * Math.Pow(2, -p.LearningElasticity), vendor.Quality(0.5), 12);
        Assert.True(vendor.Quality(0.5) > 0.5);
    }
    [Fact]
    public void Cameras_a_local_integrator_runs_lose_less_to_a_rivals_data_access_than_a_platform()
    {
        // Two Chinese brands alike but for how much data they expose (a platform the vendor operates against cameras an
        // integrator installs), offered to Germany, China's rival, at full salience after the 2018–2019 debates.
        var ctx = RunContext.For(TestWorld.Plan(TestWorld.CustomScenario("exposure",
            [new("platform", "CHN", Quality: 0.6, Price: 1.0, CapacityPerYear: 100, HomeCompelsDataAccess: true),
             new("cameras", "CHN", Quality: 0.6, Price: 1.0, CapacityPerYear: 100, HomeCompelsDataAccess: true, DataExposure: 0.3)],
            """
            "name": "exposure", "seed": 5, "start": "2021-01", "end": "2021-12"
            """), 1));
        var p = ctx.P.Choice;
        var offers = Enumerable.Range(0, 2).Select(v => new VendorOffer(v, 1.0,
            [.. Capabilities.All.Select(k => k == Capability.SafeCity ? 0.6 : 0.0)], 100, 100, true)).ToArray();
        var buyer = ctx.World.CountryIndex["DEU"];
        const double privacy = 1.0;
        var who = new VendorChoice.Buyer(buyer, ctx.World.Countries[buyer], privacy, 0, NoTies(ctx), NoTies(ctx), AllOpen(ctx));
        var (platform, cameras) = (ctx.World.VendorIndex["platform"], ctx.World.VendorIndex["cameras"]);

        // Within the Chinese nest the odds of the cameras over the platform are exp(ΔV/λ), ΔV = (1 − 0.3) times the
        // platform's whole data-access penalty (privacy of a non-ally plus rivalry).
        var penalty = -(p.DataAccess * privacy + p.Rivalry * p.RivalryByCapability[(int)Capability.SafeCity] * ctx.RivalryOf[buyer][platform]);
        Assert.True(penalty > 1, $"Germany's penalty on a Chinese platform is {penalty:F2} utils");
        var odds = Math.Exp((1 - 0.3) * penalty / p.NestSimilarity);
        var first = new int[2];
        for (var draw = 0; draw < 20_000; draw++)
        {
            var rng = Streams.For(11, 0, Streams.AgentKey("exposure-test"), draw, Phase.VendorChoice);
            var ranked = VendorChoice.Rank(ctx, who, Capability.SafeCity, 0.1, 0, offers, ref rng);
            if (!ranked.IsEmpty) first[ranked[0].Vendor]++;
        }
        Assert.True(first[platform] > 0, "the platform never won");
        var share = first[cameras] / (double)(first[platform] + first[cameras]);
        var expected = odds / (1 + odds);
        Assert.True(Math.Abs(share - expected) < 0.02, $"cameras won {share:P1} of Chinese deals, closed form {expected:P1}");
    }

    [Fact]
    public void A_nearer_home_state_wins_by_the_gravity_odds()
    {
        // Two brands alike but for their home state, Japan and Brazil, offered to South Korea with alignment and
        // alliance off and the gravity elasticity of Disdier & Head (2008).
        var ctx = RunContext.For(TestWorld.Plan(TestWorld.CustomScenario("gravity",
            [new("near", "JPN", Quality: 0.6, Price: 1.0, CapacityPerYear: 100), new("far", "BRA", Quality: 0.6, Price: 1.0, CapacityPerYear: 100)],
            """
            "name": "gravity", "seed": 5, "start": "2008-01", "end": "2008-12",
            "parameters": { "choice": { "alignment": 0, "alliance": 0, "distance": -0.9 } }
            """), 1));
        var offers = Enumerable.Range(0, 2).Select(v => new VendorOffer(v, 1.0,
            [.. Capabilities.All.Select(k => k == Capability.SafeCity ? 0.6 : 0.0)], 100, 100, true)).ToArray();
        var buyer = ctx.World.CountryIndex["KOR"];
        var who = new VendorChoice.Buyer(buyer, ctx.World.Countries[buyer], 0, 0, NoTies(ctx), NoTies(ctx), AllOpen(ctx));
        var w = ctx.World;
        var (toJapan, toBrazil) = (Geography.DistanceKm(w.Country("KOR"), w.Country("JPN")), Geography.DistanceKm(w.Country("KOR"), w.Country("BRA")));
        Assert.InRange(toJapan, 500, 2_000);
        Assert.InRange(toBrazil, 15_000, 20_000);

        // One brand per origin: the odds of Japan over Brazil are (km to Japan / km to Brazil)^−0.9.
        var expected = 1 / (1 + Math.Pow(toBrazil / toJapan, -0.9));
        var first = new int[2];
        for (var draw = 0; draw < 20_000; draw++)
        {
            var rng = Streams.For(11, 0, Streams.AgentKey("gravity-test"), draw, Phase.VendorChoice);
            var ranked = VendorChoice.Rank(ctx, who, Capability.SafeCity, 0.1, 0, offers, ref rng);
            if (!ranked.IsEmpty) first[ranked[0].Vendor]++;
        }
        var share = first[w.VendorIndex["near"]] / (double)(first[0] + first[1]);
        Assert.True(Math.Abs(share - expected) < 0.02, $"the Japanese brand won {share:P1} of Korea's deals, gravity odds give {expected:P1}");
        Assert.True(share > 0.8, $"a neighbour about 18 times nearer should win most deals, not {share:P1}");
    }

    [Fact]
    public void A_huawei_module_brings_huawei_s_platform_in_the_same_deal_and_only_the_first_time()
    {
        // CSIS19: Huawei's "Safe City" covers facial recognition; with "platformModules" (off in the calibrated world,
        // docs/model.md §3.11) a country buying its face recognition without its platform gets the platform too.
        // Kenya, real world data, one replicate.
        const string bundled = """, "vendors": { "huawei": { "platformModules": true } }""";
        static (CountryAgent Kenya, RunContext Ctx) Kenya(string extra = bundled)
        {
            var ctx = new RunContext(TestWorld.Plan(TestWorld.ShortScenario("bundle", extra: extra), 1));
            return (new CountryAgent(ctx, ctx.World.CountryIndex["KEN"], 0), ctx);
        }
        static Tender Module(RunContext ctx, int seq, string vendor, Capability k, TenderKind kind = TenderKind.Adoption, int? renews = null) =>
            new(0, ctx.World.CountryIndex["KEN"], seq, k, kind, 0.1, renews, [new Bid(ctx.World.VendorIndex[vendor], 2e6, true)]);
        static void Sign(CountryAgent kenya, int tick, Tender tender) =>
            kenya.Apply(tick, [tender], [new TenderOutcome(0, tender.Seq, tender.Ranked[0].Vendor)]);

        var (kenya, ctx) = Kenya();
        var huawei = ctx.World.VendorIndex["huawei"];
        var report = kenya.Apply(3, [Module(ctx, 0, "huawei", Capability.FacialRecognition)], [new TenderOutcome(0, 0, huawei)]);
        Assert.Equal(2, report.Signed);
        var platform = Assert.Single(kenya.Contracts, c => c.Capability == Capability.SafeCity);
        Assert.Equal(huawei, platform.Vendor);
        Assert.Equal(0.1, platform.Scope, 12);
        Assert.Equal(3, platform.SignedTick);
        var cost = ctx.P.Contracts.CostPerPersonUsd;
        Assert.Equal(2e6 * cost[(int)Capability.SafeCity] / cost[(int)Capability.FacialRecognition], platform.ValueUsd, 6);
        Assert.True(platform.DataAccess); // the deal's terms
        Assert.True(kenya.Adopted(Capability.SafeCity));
        Assert.Equal(0.1, kenya.Coverage(Capability.SafeCity), 12);

        // A second module runs on the platform already there, and a renewal brings nothing new.
        Sign(kenya, 4, Module(ctx, 0, "huawei", Capability.SmartPolicing));
        var faces = kenya.Contracts.First(c => c.Capability == Capability.FacialRecognition);
        Sign(kenya, faces.EndTick, Module(ctx, 0, "huawei", Capability.FacialRecognition, TenderKind.Renewal, faces.Number));
        Assert.Single(kenya.Contracts, c => c.Capability == Capability.SafeCity);
        Assert.Equal(4, kenya.Contracts.Count);

        // Another vendor's face recognition is sold alone; so is Huawei's in the calibrated world, or when a
        // technology ban on safe-city platforms is in force.
        var (other, octx) = Kenya();
        Sign(other, 3, Module(octx, 0, "sensetime", Capability.FacialRecognition));
        var (unbundled, uctx) = Kenya("");
        Sign(unbundled, 3, Module(uctx, 0, "huawei", Capability.FacialRecognition));
        var (banned, bctx) = Kenya(bundled + """, "policies": [{ "id": "no-platforms", "type": "technologyBan", "from": "2008-01", "targets": { "countries": ["KEN"] }, "capabilities": ["safe_city"] }]""");
        Sign(banned, 3, Module(bctx, 0, "huawei", Capability.FacialRecognition));
        Assert.All(new[] { other, unbundled, banned }, a =>
        {
            Assert.False(a.Adopted(Capability.SafeCity));
            Assert.Single(a.Contracts);
        });
    }
}
