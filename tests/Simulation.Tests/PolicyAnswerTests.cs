using MathNet.Numerics.Distributions;
using Simulation.Model.Output;
using Simulation.Model.Engine;
using Simulation.Model.Market;
using Simulation.Model.Metrics;
using Simulation.Runner.Engines;

namespace Simulation.Tests;

/// <summary>
/// The model's answers to the policy questions of issue #10, each a paired comparison of shipped scenarios (same seed
/// and replicates, so the difference is the policy's): what a ban does to rival vendors, what soft loans do, and how
/// unrest acts by regime. Short horizons and few replicates keep them fast; the intervals are paired-t 95 %.
/// </summary>
public sealed class PolicyAnswerTests
{
    private static readonly Dictionary<string, Task<EnsembleResult>> Cache = [];

    /// <summary>A shipped scenario cut at <paramref name="end"/> (it extends the shipped file, so its policies and parameters are the real ones).</summary>
    private static Task<EnsembleResult> Shipped(string file, string end, int replicates, string extra = "")
    {
        var key = $"{file}|{end}|{replicates}|{extra}";
        lock (Cache)
        {
            if (Cache.TryGetValue(key, out var cached)) return cached;
            var path = Path.Combine(TestWorld.Scenarios, file).Replace("\\", "/");
            var scenario = TestWorld.WriteScenario($$"""{ "extends": "{{path}}", "end": "{{end}}"{{extra}} }""", Path.GetFileNameWithoutExtension(file));
            return Cache[key] = new TickDriver(new InProcessRuntime()).RunAsync(TestWorld.Plan(scenario, replicates));
        }
    }

    private static double[] Series(EnsembleResult r, string date, string metric, string group)
    {
        var tick = r.TickOf(date);
        var index = r.Series.Get(metric, group).Index;
        return Enumerable.Range(0, r.Replicates).Select(rep => r.Value(rep, tick, index)).ToArray();
    }

    /// <summary>Paired-t 95 % interval of the mean difference treated − base.</summary>
    private static (double Low, double Mean, double High) Paired(double[] treated, double[] based)
    {
        var d = treated.Zip(based, (a, b) => a - b).ToArray();
        var mean = d.Average();
        var sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1));
        var half = StudentT.InvCDF(0, 1, d.Length - 1, 0.975) * sd / Math.Sqrt(d.Length);
        return (mean - half, mean, mean + half);
    }

    /// <summary>Countries (of a set) holding a contract of the given kind at a date, per replicate, from the contracts.</summary>
    private static double[] Count(EnsembleResult r, string date, Func<ContractRecord, bool> which)
    {
        var at = Simulation.Model.Time.YearMonth.Parse(date).Index;
        return Enumerable.Range(0, r.Replicates).Select(rep => (double)r.Contracts
            .Where(c => c.Replicate == rep && which(c))
            .Where(c => Simulation.Model.Time.YearMonth.Parse(c.Signed).Index <= at && Simulation.Model.Time.YearMonth.Parse(c.Signed).Index + c.DurationMonths > at)
            .Select(c => c.Country).Distinct().Count()).ToArray();
    }

    [Fact]
    public Task The_2022_equipment_bans_never_lower_the_reach_of_us_japanese_french_or_israeli_vendors() =>
        Banning_chinese_vendors_never_lowers_the_reach_of_rivals("equipment-bans-2022.json");

    /// <summary>
    /// The hypothetical alliance-wide ban re-routes the allies' demand to other origins; what the named Western vendors
    /// cannot take, their origin's competitive fringe does (docs/model.md §3.8), so no rival origin loses reach.
    /// </summary>
    [Fact]
    public Task The_alliance_wide_ban_never_lowers_the_reach_of_us_japanese_french_or_israeli_vendors() =>
        Banning_chinese_vendors_never_lowers_the_reach_of_rivals("democratic-alliance-ban.json");

    private static async Task Banning_chinese_vendors_never_lowers_the_reach_of_rivals(string file)
    {
        const int n = 10;
        var banned = await Shipped(file, "2030-12", n);
        var baseline = await Shipped("baseline.json", "2030-12", n);
        foreach (var home in new[] { "USA", "JPN", "FRA", "ISR" })
        {
            var (low, mean, high) = Paired(Series(banned, "2030-12", MetricCatalog.CountriesWithVendorOrigin, home),
                Series(baseline, "2030-12", MetricCatalog.CountriesWithVendorOrigin, home));
            Assert.True(high >= 0, $"{file}: {home} vendors' reach in 2030 changes by {mean:0.00} [{low:0.00}, {high:0.00}]: the ban destroys a rival's business");
        }
        // And a wide ban does bite: Chinese reach falls. (The 2022 US and UK bans remove little: by 2030 the baseline's
        // security debates have already kept Chinese platforms out of both.)
        if (file != "democratic-alliance-ban.json") return;
        var chinese = Paired(Series(banned, "2030-12", MetricCatalog.CountriesWithVendorOrigin, "CHN"),
            Series(baseline, "2030-12", MetricCatalog.CountriesWithVendorOrigin, "CHN"));
        Assert.True(chinese.High < 0, $"{file}: Chinese reach changes by {chinese.Mean:0.00} [{chinese.Low:0.00}, {chinese.High:0.00}]");
    }

    /// <summary>
    /// Issue #10: the baseline, a world without the listed policies, must still be one in which Western governments rarely
    /// buy Chinese state-linked platforms after the 2018–2019 security debates, while their purchases of Chinese
    /// cameras (Hikvision, Dahua) go on (docs/model.md §6.1, "The baseline after 2019").
    /// </summary>
    [Fact]
    public async Task In_the_baseline_western_governments_rarely_buy_chinese_platforms_but_go_on_buying_chinese_cameras()
    {
        const int n = 10;
        var baseline = await Shipped("baseline.json", "2030-12", n);
        var west = TestWorld.World.Countries.Where(c => c.Eu || c.Nato || c.Iso3 is "JPN" or "AUS").Select(c => c.Iso3).ToHashSet();
        var home = baseline.World.Vendors.ToDictionary(v => v.Id, v => v.Home);
        var signed = baseline.Contracts.Where(c => west.Contains(c.Country) && string.CompareOrdinal(c.Signed, "2020-01") >= 0).ToArray();
        var platforms = signed.Where(c => c.Capability is "safe_city" or "smart_policing").ToArray();
        var stateLinked = platforms.Count(c => c.Vendor is "huawei" or "zte" or "ceiec");
        // 0.7 % on 2026-12-01 (20 of 2,723 in eight replicates, 2.2 % before per-vendor data exposure).
        Assert.True(stateLinked < 0.02 * platforms.Length, $"Huawei, ZTE and CEIEC sign {stateLinked} of the West's {platforms.Length} platform contracts of 2020–2030");
        var chineseSafeCity = signed.Where(c => c.Capability == "safe_city" && home[c.Vendor] == "CHN").ToArray();
        var cameras = chineseSafeCity.Count(c => c.Vendor is "hikvision" or "dahua");
        // About 12 a replicate, most of the Chinese safe-city contracts there.
        Assert.True(cameras >= 5 * n && cameras > 0.7 * chineseSafeCity.Length,
            $"Hikvision and Dahua sign {cameras} of the West's {chineseSafeCity.Length} Chinese safe-city contracts of 2020–2030 in {n} replicates");
    }

    [Fact]
    public async Task Soft_loans_raise_adoption_in_bri_and_sub_saharan_africa_and_chinese_reach()
    {
        const int n = 12;
        var loans = await Shipped("chinese-soft-loans.json", "2025-12", n);
        var none = await Shipped("no-soft-loans.json", "2025-12", n);
        var world = TestWorld.World;
        var bri = world.Countries.Where(c => c.Bri).Select(c => c.Iso3).ToHashSet();
        var africa = world.Countries.Where(c => c.Region == "Sub-Saharan Africa").Select(c => c.Iso3).ToHashSet();
        var checks = new (string What, Func<EnsembleResult, double[]> Measure)[]
        {
            ("BRI countries using AI surveillance", r => Count(r, "2025-12", c => bri.Contains(c.Country))),
            ("Sub-Saharan countries using AI surveillance", r => Count(r, "2025-12", c => africa.Contains(c.Country))),
            ("countries with Chinese vendors", r => Series(r, "2025-12", MetricCatalog.CountriesWithVendorOrigin, "CHN")),
        };
        foreach (var (what, measure) in checks)
        {
            var (low, mean, high) = Paired(measure(loans), measure(none));
            Assert.True(low > 0, $"soft loans change {what} in 2025 by {mean:0.00} [{low:0.00}, {high:0.00}]");
        }
    }

    /// <summary>A two-year +2 s.d. unrest shock (2012–2013) to a group, against the same world without it.</summary>
    private static Task<EnsembleResult> Unrest(string? group) => Shipped("baseline.json", "2014-12", 16, group is null ? "" : $$"""
        , "policies": [ { "id": "unrest", "type": "shock", "from": "2012-01", "until": "2014-01", "targets": { "countries": ["{{group}}"] }, "unrest": 2 } ]
        """);

    [Fact]
    public async Task Unrest_raises_chinese_facial_recognition_in_autocracies_and_weak_democracies_not_in_liberal_democracies()
    {
        var calm = await Unrest(null);
        var world = TestWorld.World;
        bool Chinese(ContractRecord c) => world.Vendor(c.Vendor).Home == "CHN";
        bool Us(ContractRecord c) => world.Vendor(c.Vendor).Home == "USA";
        double[] Signed(EnsembleResult r, int regime, Func<ContractRecord, bool> vendor) => Enumerable.Range(0, r.Replicates)
            .Select(rep => (double)r.Contracts.Count(c => c.Replicate == rep && c.Capability == "facial_recognition" && vendor(c)
                && world.Country(c.Country).Regime == regime && string.CompareOrdinal(c.Signed, "2012-01") >= 0 && string.CompareOrdinal(c.Signed, "2014-01") < 0))
            .ToArray();

        // Closed and electoral autocracies, electoral (weak) democracies: more Chinese facial-recognition contracts.
        foreach (var regime in new[] { 0, 1, 2 })
        {
            var shocked = await Unrest($"regime:{regime}");
            var (low, mean, high) = Paired(Signed(shocked, regime, Chinese), Signed(calm, regime, Chinese));
            Assert.True(low > 0, $"regime {regime}: Chinese FR contracts change by {mean:0.00} [{low:0.00}, {high:0.00}]");
            // US vendors gain nothing from unrest (Beraja et al. find no such pattern for US exports).
            var us = Paired(Signed(shocked, regime, Us), Signed(calm, regime, Us));
            Assert.True(us.Mean <= mean / 2, $"regime {regime}: US FR contracts change by {us.Mean:0.00}, Chinese by {mean:0.00}");
        }

        // Liberal democracies: unrest changes nothing at all, contract for contract.
        var liberal = await Unrest("regime:3");
        Assert.Equal(calm.Contracts.Select(c => (c.Replicate, c.Country, c.Number, c.Signed, c.Capability, c.Vendor)),
            liberal.Contracts.Select(c => (c.Replicate, c.Country, c.Number, c.Signed, c.Capability, c.Vendor)));
    }
}
