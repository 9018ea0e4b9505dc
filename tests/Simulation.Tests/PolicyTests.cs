using System.Globalization;
using Simulation.Model.Output;
using Simulation.Model.Engine;
using Simulation.Model.Metrics;
using Simulation.Model.Setup;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>Paired runs (same seed and replicates): each policy lever against the same world without it.</summary>
public sealed class PolicyTests
{
    private const string FastAdoption = """, "parameters": { "adoption": { "innovation": 0.08 } }""";

    private static string Scenario(string name, string policies, string end = "2014-12") =>
        TestWorld.ShortScenario(name, end: end, extra: FastAdoption + $", \"policies\": [{policies}]");

    private static Task<EnsembleResult> Run(string scenario, int replicates = 4) =>
        new TickDriver(new InProcessRuntime()).RunAsync(TestWorld.Plan(scenario, replicates));

    private static bool Between(string signed, string from, string? until) =>
        string.CompareOrdinal(signed, from) >= 0 && (until is null || string.CompareOrdinal(signed, until) < 0);

    private static double Series(EnsembleResult r, int replicate, string date, string metric, string group)
    {
        return r.Value(replicate, r.TickOf(date), r.Series.Get(metric, group).Index);
    }

    [Fact]
    public async Task Import_ban_stops_new_contracts_only_inside_its_window()
    {
        var world = TestWorld.World;
        var policy = """
            { "id": "ban", "type": "importBan", "from": "2010-01", "until": "2011-07",
            "targets": { "countries": ["EAS", "ECS", "LCN", "MEA", "NAC", "SAS", "SSF"], "vendors": ["huawei"] } }
            """;
        var banned = await Run(Scenario("import-ban", policy));
        var huawei = banned.Contracts.Where(c => c.Vendor == "huawei").ToArray();
        Assert.DoesNotContain(huawei, c => Between(c.Signed, "2010-01", "2011-07"));
        Assert.Contains(huawei, c => Between(c.Signed, "2008-01", "2010-01"));
        Assert.Contains(huawei, c => Between(c.Signed, "2011-07", null)); // trade resumes after the window
        Assert.Equal(196, world.Countries.Count);
    }

    [Fact]
    public async Task Sanction_market_ban_binds_the_imposer_and_followers_only()
    {
        var policy = """
            { "id": "listing", "type": "sanction", "from": "2009-01", "imposer": "USA", "followers": ["EU"],
            "targets": { "vendors": ["huawei", "hikvision"] }, "componentEmbargo": false }
            """;
        var result = await Run(Scenario("market-ban", policy));
        var eu = TestWorld.World.Countries.Where(c => c.Eu).Select(c => c.Iso3).Append("USA").ToHashSet();
        var listed = result.Contracts.Where(c => c.Vendor is "huawei" or "hikvision").ToArray();
        Assert.DoesNotContain(listed, c => eu.Contains(c.Country) && Between(c.Signed, "2009-01", null));
        Assert.Contains(listed, c => !eu.Contains(c.Country) && Between(c.Signed, "2009-01", null));
    }

    [Fact]
    public async Task Rip_and_replace_removes_the_banned_installed_base_by_the_deadline()
    {
        var policy = """
            { "id": "rip", "type": "importBan", "from": "2011-01", "ripAndReplaceYears": 2,
            "targets": { "countries": ["EAS", "ECS", "LCN", "MEA", "NAC", "SAS", "SSF"], "vendors": ["CHN"] } }
            """;
        var result = await Run(Scenario("rip", policy));
        for (var r = 0; r < 4; r++)
        {
            Assert.True(Series(result, r, "2010-12", MetricCatalog.CountriesWithVendorOrigin, "CHN") > 0);
            Assert.Equal(0, Series(result, r, "2013-01", MetricCatalog.CountriesWithVendorOrigin, "CHN"));
            Assert.Equal(0, Series(result, r, "2013-01", MetricCatalog.InstalledShareOrigin, "CHN"));
        }
        Assert.Contains(result.Contracts, c => c.Status == "terminated");
    }

    [Fact]
    public async Task Ripped_out_equipment_is_re_tendered_to_vendors_still_allowed()
    {
        // Ample capacity on both sides, so what limits replacement is the ban alone (real vendors are capacity-bound).
        var path = TestWorld.CustomScenario("replace",
            [new("eastco", "CHN", Quality: 0.9, Price: 0.5, CapacityPerYear: 500, HomeCompelsDataAccess: true),
             new("westco", "DEU", Quality: 0.5, Price: 1.0, CapacityPerYear: 500)],
            """
            "name": "replace", "seed": 9, "start": "2008-01", "end": "2014-12",
            "parameters": { "adoption": { "innovation": 0.08 } },
            "policies": [ { "id": "rip", "type": "importBan", "from": "2011-01", "ripAndReplaceYears": 2,
              "targets": { "countries": ["EAS", "ECS", "LCN", "MEA", "NAC", "SAS", "SSF"], "vendors": ["CHN"] } } ]
            """);
        var result = await Run(path, 2);
        for (var r = 0; r < 2; r++)
        {
            Assert.True(Series(result, r, "2010-12", MetricCatalog.CountriesWithVendorOrigin, "CHN") > 20);
            Assert.Equal(0, Series(result, r, "2013-01", MetricCatalog.CountriesWithVendorOrigin, "CHN"));
            Assert.True(Series(result, r, "2013-01", MetricCatalog.CountriesAdopted, "any") >= 0.95 * Series(result, r, "2010-12", MetricCatalog.CountriesAdopted, "any"));
        }
    }

    [Fact]
    public async Task Component_embargo_cuts_quality_at_the_date_recovers_later_and_spares_independent_vendors()
    {
        var sanction = """
            { "id": "embargo", "type": "sanction", "from": "2010-01", "imposer": "USA", "marketBan": false,
            "reputation": false, "targets": { "vendors": ["huawei"] }, "substitutionHalfLifeYears": 1 }
            """;
        var with = await Run(Scenario("embargo", sanction), 1);
        var without = await Run(Scenario("no-embargo", ""), 1);
        double Quality(EnsembleResult r, string date, string vendor) => Series(r, 0, date, MetricCatalog.VendorQuality, vendor);
        Assert.Equal(Quality(without, "2009-12", "huawei"), Quality(with, "2009-12", "huawei"));
        var drop = Quality(without, "2010-01", "huawei") - Quality(with, "2010-01", "huawei");
        var later = Quality(without, "2013-01", "huawei") - Quality(with, "2013-01", "huawei");
        Assert.True(drop > 0.1, $"drop {drop}");
        Assert.True(later < drop / 4, $"after three half-lives the loss {later} should be below a quarter of {drop}");
        Assert.True(Series(with, 0, "2010-01", MetricCatalog.VendorCapacity, "huawei") < Series(without, 0, "2010-01", MetricCatalog.VendorCapacity, "huawei"));
    }

    [Fact]
    public async Task A_vendor_with_no_component_dependence_is_unaffected_by_an_embargo()
    {
        string Write(string name, string policies) => TestWorld.CustomScenario(name,
            [new("selfmade", "CHN", Quality: 0.6, Price: 1, CapacityPerYear: 50, HomeCompelsDataAccess: true)],
            $$"""
            "name": "{{name}}", "seed": 5, "start": "2008-01", "end": "2011-12", "policies": [{{policies}}]
            """);
        var embargo = await Run(Write("embargoed", """{ "id": "e", "type": "sanction", "from": "2009-01", "imposer": "USA", "marketBan": false, "reputation": false, "targets": { "vendors": ["selfmade"] } }"""), 2);
        var none = await Run(Write("free", ""), 2);
        foreach (var metric in new[] { MetricCatalog.VendorQuality, MetricCatalog.VendorCapacity })
            Assert.Equal(Series(none, 1, "2011-12", metric, "selfmade"), Series(embargo, 1, "2011-12", metric, "selfmade"));
    }

    [Fact]
    public async Task Technology_ban_allows_no_new_adoption_or_expansion_inside_its_window()
    {
        var policy = """
            { "id": "moratorium", "type": "technologyBan", "from": "2010-01", "until": "2012-01",
            "targets": { "countries": ["EU", "North America"] }, "capabilities": ["facial_recognition"] }
            """;
        var result = await Run(Scenario("moratorium", policy));
        var covered = TestWorld.World.Countries.Where(c => c.Eu || c.Region == "North America").Select(c => c.Iso3).ToHashSet();
        var fr = result.Contracts.Where(c => c.Capability == "facial_recognition" && covered.Contains(c.Country)).ToArray();
        // Contracts last 60 months, so nothing signed since 2008 is up for renewal inside the window.
        Assert.DoesNotContain(fr, c => Between(c.Signed, "2010-01", "2012-01"));
        Assert.Contains(fr, c => Between(c.Signed, "2012-01", null));
        Assert.Contains(result.Contracts, c => c.Capability == "facial_recognition" && !covered.Contains(c.Country) && Between(c.Signed, "2010-01", "2012-01"));
    }

    [Fact]
    public async Task Export_control_stops_the_states_vendors_selling_to_the_destinations()
    {
        var policy = """
            { "id": "no-sales-to-autocracies", "type": "exportControl", "from": "2009-01", "imposer": "USA",
            "targets": { "countries": ["regime:0", "regime:1"] } }
            """;
        var result = await Run(Scenario("export-control", policy));
        var autocracies = TestWorld.World.Countries.Where(c => c.Regime <= 1).Select(c => c.Iso3).ToHashSet();
        var us = TestWorld.World.Vendors.Where(v => v.Home == "USA").Select(v => v.Id).ToHashSet();
        Assert.DoesNotContain(result.Contracts, c => us.Contains(c.Vendor) && autocracies.Contains(c.Country) && Between(c.Signed, "2009-01", null));
        Assert.Contains(result.Contracts, c => us.Contains(c.Vendor) && !autocracies.Contains(c.Country));
    }

    [Fact]
    public async Task Financing_raises_chinese_reach_in_eligible_countries_and_stops_when_the_budget_is_spent()
    {
        const double budget = 20_000_000;
        var policy = $$"""
            { "id": "loans", "type": "financing", "from": "2008-01", "imposer": "CHN", "targets": { "countries": ["BRI"] },
            "discount": 0.5, "budgetUsdPerYear": {{budget.ToString(CultureInfo.InvariantCulture)}} }
            """;
        var financed = await Run(Scenario("loans", policy), 6);
        var unlimited = await Run(Scenario("loans-unlimited", policy.Replace(budget.ToString(CultureInfo.InvariantCulture), "0")), 6);
        var none = await Run(Scenario("no-loans", ""), 6);
        var bri = TestWorld.World.Countries.Where(c => c.Bri).Select(c => c.Iso3).ToHashSet();
        // Share of contracts signed by eligible countries that Chinese vendors win.
        double ChineseShare(EnsembleResult r)
        {
            var eligible = r.Contracts.Where(c => bri.Contains(c.Country)).ToArray();
            return eligible.Count(c => TestWorld.World.Vendor(c.Vendor).Home == "CHN") / (double)eligible.Length;
        }
        Assert.True(ChineseShare(unlimited) > ChineseShare(none), $"{ChineseShare(unlimited)} vs {ChineseShare(none)}");
        Assert.Contains(financed.Contracts, c => c.Financed);

        // Within each calendar year, once spending reaches the budget nothing more is spent until January.
        var series = financed.Series.Get(MetricCatalog.FinancingSpentUsd, "loans").Index;
        var closedYears = 0;
        for (var r = 0; r < 6; r++)
            foreach (var year in Enumerable.Range(0, financed.Dates.Count).GroupBy(t => financed.Dates[t].Year))
            {
                double spent = 0;
                var closed = false;
                foreach (var t in year)
                {
                    var s = financed.Value(r, t, series);
                    if (closed) Assert.Equal(0, s);
                    spent += s;
                    if (spent >= budget) closed = true;
                }
                if (closed) closedYears++;
            }
        Assert.True(closedYears > 0, "the budget never ran out; the test would prove nothing");
    }

    [Fact]
    public async Task Data_localisation_removes_foreign_access_from_new_contracts()
    {
        var policy = """
            { "id": "local-data", "type": "dataLocalization", "from": "2010-01", "premium": 0.2,
              "targets": { "countries": ["EAS", "ECS", "LCN", "MEA", "NAC", "SAS", "SSF"] } }
            """;
        var localised = await Run(Scenario("localised", policy));
        var open = await Run(Scenario("open-data", ""));
        Assert.DoesNotContain(localised.Contracts, c => c.DataAccess && Between(c.Signed, "2010-01", null));
        Assert.Contains(localised.Contracts, c => c.DataAccess && Between(c.Signed, "2008-01", "2010-01"));
        Assert.True(Series(localised, 0, "2014-12", MetricCatalog.ForeignDataAccessShare, "any")
                    < Series(open, 0, "2014-12", MetricCatalog.ForeignDataAccessShare, "any"));
    }

    /// <summary>
    /// The hazard reads the board it is given, not what an earlier Decide left: no Decide is called here, and the same
    /// country at the same tick gets the soft-loan lift only on the board whose budget still has money.
    /// </summary>
    [Fact]
    public void A_soft_loan_lifts_a_poor_eligible_countrys_hazard_only_while_its_budget_lasts()
    {
        var policy = """{ "id": "loans", "type": "financing", "from": "2008-01", "imposer": "CHN", "targets": { "countries": ["BRI"] }, "discount": 0.5, "budgetUsdPerYear": 1e7 }""";
        var ctx = new RunContext(TestWorld.Plan(Scenario("loan-hazard", policy), 1));
        var peers = Simulation.Model.Agents.PeerCounts.Empty(1, ctx.World.PeerGroupNames.Count);
        Simulation.Model.Agents.TickBoard Board(bool open) => new(0, [[]], peers, [open], 1);
        double Hazard(string iso3, bool open) => new Simulation.Model.Agents.CountryAgent(ctx, ctx.World.CountryIndex[iso3], 0)
            .AdoptionHazard(Simulation.Model.World.Capability.SafeCity, Board(open));
        Assert.True(ctx.World.Country("KEN").Bri && !ctx.World.Country("DEU").Bri);
        Assert.True(Hazard("KEN", open: true) > 1.2 * Hazard("KEN", open: false), $"{Hazard("KEN", true)} vs {Hazard("KEN", false)}");
        Assert.Equal(Hazard("DEU", open: false), Hazard("DEU", open: true)); // not eligible: no loan on offer
        // Asking changes nothing: the same question gets the same answer.
        var kenya = new Simulation.Model.Agents.CountryAgent(ctx, ctx.World.CountryIndex["KEN"], 0);
        Assert.Equal(kenya.AdoptionHazard(Simulation.Model.World.Capability.SafeCity, Board(true)),
            kenya.AdoptionHazard(Simulation.Model.World.Capability.SafeCity, Board(true)));
    }

    [Fact]
    public async Task Shock_raises_the_adoption_hazard_only_inside_its_window()
    {
        var shocked = TestWorld.Plan(Scenario("shock", """{ "id": "protests", "type": "shock", "from": "2009-01", "until": "2009-07", "targets": { "countries": ["LBN"] }, "unrest": 2 }"""), 1);
        var calm = TestWorld.Plan(Scenario("calm", ""), 1);
        var hazards = new[] { shocked, calm }.Select(plan =>
        {
            var ctx = new RunContext(plan);
            var lebanon = new Simulation.Model.Agents.CountryAgent(ctx, ctx.World.CountryIndex["LBN"], 0);
            var peers = Simulation.Model.Agents.PeerCounts.Empty(1, ctx.World.PeerGroupNames.Count);
            return Enumerable.Range(0, 24).Select(t =>
            {
                var board = new Simulation.Model.Agents.TickBoard(t, [[]], peers, [], 0);
                lebanon.Decide(board);
                return lebanon.AdoptionHazard(Simulation.Model.World.Capability.SafeCity, board);
            }).ToArray();
        }).ToArray();
        for (var t = 0; t < 24; t++)
        {
            var inside = t is >= 12 and < 18;
            if (inside) Assert.True(hazards[0][t] > hazards[1][t], $"tick {t}");
            else Assert.Equal(hazards[1][t], hazards[0][t]);
        }
    }

    [Theory]
    [InlineData("baseline.json")]
    [InlineData("us-entity-list-2019.json")]
    [InlineData("equipment-bans-2022.json")]
    [InlineData("eu-ai-act-2025.json")]
    [InlineData("us-fr-moratorium.json")]
    [InlineData("chinese-soft-loans.json")]
    [InlineData("no-soft-loans.json")]
    [InlineData("protest-wave-2019.json")]
    [InlineData("democratic-alliance-ban.json")]
    [InlineData("history.json")]
    public async Task Shipped_scenario_runs_identically_on_both_engines(string file)
    {
        var path = Path.Combine(TestWorld.Scenarios, file);
        var dir = TestWorld.TempDir("shipped");
        var a = await RunPipeline.RunAsync(new RunOptions(path, 2, Out: Path.Combine(dir, "inprocess"), Engine: Engine.InProcess));
        var b = await RunPipeline.RunAsync(new RunOptions(path, 2, Out: Path.Combine(dir, "orleans"), Engine: Engine.Orleans));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(a, "timeseries.parquet")), await File.ReadAllBytesAsync(Path.Combine(b, "timeseries.parquet")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(a, "contracts.parquet")), await File.ReadAllBytesAsync(Path.Combine(b, "contracts.parquet")));
    }
}

/// <summary>What a silo in another process receives: the plan as JSON (the model codec), with the policies compiled.</summary>
public sealed class RunPlanTransportTests
{
    private static async Task<double[]> ValuesAsync(RunPlan plan)
    {
        var result = (await new TickDriver(new InProcessRuntime()).RunAsync(plan));
        var ticks = result.Dates.Count;
        return [.. from r in Enumerable.Range(0, result.Replicates) from t in Enumerable.Range(0, ticks) from s in result.Series.All
                   select result.Value(r, t, s.Index)];
    }

    [Fact]
    public async Task A_plan_sent_to_another_silo_runs_its_compiled_policies_to_the_same_values_without_compiling()
    {
        var plan = TestWorld.Plan(TestWorld.ShortScenario("carried", end: "2011-12", tick: "quarter", extra: """
            , "parameters": { "adoption": { "innovation": 0.08 } },
              "policies": [ { "id": "safe-city-ban", "type": "technologyBan", "from": "2008-01", "targets": { "countries": ["BRI"] },
                              "capabilities": ["safe_city"] } ]
            """), replicates: 2);
        var sent = System.Text.Json.JsonSerializer.Serialize(plan);
        var received = System.Text.Json.JsonSerializer.Deserialize<RunPlan>(sent)!;
        Assert.Equal("safe-city-ban", Assert.Single(received.Policies).Id);
        // The plan carries no scenario text to compile: nothing is lost on the way, and the carried ban applies as compiled.
        Assert.Equal(sent, System.Text.Json.JsonSerializer.Serialize(received));
        var here = await ValuesAsync(plan);
        Assert.Equal(here, await ValuesAsync(received));
        Assert.NotEqual(here, await ValuesAsync(plan with { Policies = [] })); // and the ban does change the run
    }
}
