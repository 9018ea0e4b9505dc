using System.Text.Json;
using Simulation.Model.Output;
using Simulation.Model.Market;
using System.ComponentModel.DataAnnotations;
using Simulation.Model.Metrics;
using Simulation.Model.Time;
using Simulation.Model.World;
using Simulation.Scenarios;

namespace Simulation.Runner.Calibration;

/// <summary>One observed number the model should reproduce, and the series that measures it.</summary>
/// <param name="Per">Divide the series by the number of countries in this group (e.g. "regime:0") to compare shares.</param>
/// <param name="Headline">A headline count: must be met within ±10 % (the calibration test checks these).</param>
/// <param name="Among">"index": count only the countries the source covers (<see cref="CountryFilter.Index"/>).</param>
/// <param name="Where">Count only countries matching this filter (<see cref="CountryFilter"/>), e.g. "milexRank<=50".</param>
/// <param name="Source">Where the observed number was published, when it is not the file's source.</param>
/// <param name="Abroad">Count a vendor's (or home state's) contracts outside its home state only, as CSIS counts
/// Huawei's safe-city agreements abroad; only for a metric that names a vendor or a home state.</param>
/// <param name="Bound">"atLeast" or "atMost": the observed value bounds the model's from one side only, for a published
/// figure the data at hand can compare with the model only as a bound (docs/model.md §6.1); absent, a value to match.</param>
public sealed record Target([property: Identifier] string Id, string Description, string Metric, string Group,
    [property: Range(0.0, 1e9, MinimumIsExclusive = true)] double Observed,
    string? Per = null, [property: Range(0.0, 100.0, MinimumIsExclusive = true)] double Weight = 1, bool Headline = false,
    string? Among = null, string? Where = null, string? Source = null, bool Abroad = false,
    [property: OneOf("bound", "atLeast", "atMost")] string? Bound = null)
{
    /// <summary>Shares (observed below 1) are judged in percentage points, counts in per cent.</summary>
    public bool IsShare => Per != null || Metric is TargetMeasure.ReachShare or TargetMeasure.AgreementShare;

    /// <summary>What "bound" says (a spelling the file check rejects reads as a value to match).</summary>
    public Results.TargetBound BoundKind => Bound switch
    {
        "atLeast" => Results.TargetBound.AtLeast,
        "atMost" => Results.TargetBound.AtMost,
        _ => Results.TargetBound.Value,
    };
}

/// <summary>A targets file (scenarios/targets/*.json): what was observed, when, and where it was published.</summary>
public sealed record TargetFile(string Source, string Date, List<Target> Targets)
{
    /// <summary>Reads and checks a targets file (<see cref="TargetChecks"/>); with the scenario, also its date and series.</summary>
    public static TargetFile Load(string path, LoadedScenario? scenario = null, WorldData? world = null) => TargetChecks.Load(path, scenario, world);
}

/// <summary>
/// The ensemble's value of a target at its date: one number per replicate. Targets restricted to a set of countries
/// (<see cref="Target.Among"/>, <see cref="Target.Where"/>) and the share metrics are measured from the contracts:
/// a country uses what it holds under a contract in force at the date (signed, not yet at its end). The countries'
/// profiles (regime, population, region, ...) that filters read come from the scenario's world; the series, vendors
/// and contracts from the run's result.
/// </summary>
public static class TargetMeasure
{
    /// <summary>Of the countries the group (vendor or home state) serves at the date, the share matching "where".</summary>
    public const string ReachShare = "reach_share";
    /// <summary>Of the countries where the vendor (or home state) signed any contract by the date, the share matching "where" (CSIS counts agreements, not what is still in force).</summary>
    public const string AgreementShare = "agreement_share";

    public static double[] PerReplicate(EnsembleResult result, WorldData world, Target target, string date)
    {
        var tick = result.TickOf(date);
        if (tick < 0) throw new ArgumentException($"target date {date} is not a tick of the scenario ({result.Dates[0]}..{result.Dates[^1]})");
        var among = CountryFilter.Parse(target.Among, world);
        var where = CountryFilter.Parse(target.Where, world);
        if (target.Group.StartsWith("regime:", StringComparison.Ordinal))
        {
            var regime = CountryFilter.Parse(target.Group, world);
            var outer = where;
            where = c => outer(c) && regime(c);
        }
        if (target.Among is null && target.Where is null && !target.Abroad && target.Metric is not (ReachShare or AgreementShare))
        {
            if (!result.Series.TryGet(target.Metric, target.Group, out var series))
                throw new ArgumentException($"target '{target.Id}': no series {target.Metric}/{target.Group}");
            var denominator = target.Per is null ? 1.0 : world.Countries.Count(CountryFilter.Parse(target.Per, world));
            return Enumerable.Range(0, result.Replicates).Select(r => result.Value(r, tick, series.Index) / denominator).ToArray();
        }
        var at = YearMonth.Parse(date);
        var perCount = target.Per is null ? 1.0 : world.Countries.Where(among).Count(CountryFilter.Parse(target.Per, world));
        var matches = Matcher(target, result.World);
        var byReplicate = result.Contracts.ToLookup(c => c.Replicate);
        return Enumerable.Range(0, result.Replicates).Select(r =>
        {
            var signed = byReplicate[r].Where(c => YearMonth.Parse(c.Signed).Index <= at.Index).ToArray();
            var inForce = signed.Where(c => YearMonth.Parse(c.Signed).Index + c.DurationMonths > at.Index).ToArray();
            if (target.Metric is ReachShare or AgreementShare)
            {
                var reached = (target.Metric == ReachShare ? inForce : signed).Where(c => matches(c))
                    .Select(c => world.Country(c.Country)).Where(among).Distinct().ToArray();
                return reached.Length == 0 ? 0 : reached.Count(where) / (double)reached.Length;
            }
            var count = inForce.Where(c => matches(c)).Select(c => world.Country(c.Country)).Where(among).Where(where).Distinct().Count();
            return count / perCount;
        }).ToArray();
    }

    /// <summary>Every target of the file against the run, if its date is a tick of the run (else none).</summary>
    public static IReadOnlyList<Results.TargetCheck> Check(EnsembleResult result, WorldData world, TargetFile file) =>
        result.TickOf(file.Date) >= 0 ? Check(file, t => PerReplicate(result, world, t, file.Date)) : [];

    /// <summary>Whether the file's date is a tick of the run (else its targets are not checked).</summary>
    public static bool Measured(Calendar calendar, TargetFile file) =>
        Enumerable.Range(0, calendar.Count).Any(t => calendar.DateOf(t).ToString() == file.Date);

    /// <summary>Every target of the file against its per-replicate values (a run streamed in chunks gathers them chunk by chunk).</summary>
    public static IReadOnlyList<Results.TargetCheck> Check(TargetFile file, Func<Target, double[]> perReplicate)
    {
        return [.. file.Targets.Select(t =>
        {
            var spread = Results.Spread.Of(perReplicate(t));
            var k = t.IsShare ? 100 : 1; // shares on screen in %
            return new Results.TargetCheck(t.IsShare ? t.Description + " (%)" : t.Description, k * t.Observed, k * spread.P50, k * spread.P05, k * spread.P95, t.Headline, !t.IsShare, t.BoundKind);
        })];
    }

    /// <summary>Which contracts count for the target's metric and group (with "abroad", none in the vendor's home state).</summary>
    private static Func<ContractRecord, bool> Matcher(Target target, WorldFacts world)
    {
        var homeOf = world.Vendors.ToDictionary(v => v.Id, v => v.Home);
        var counts = GroupMatcher(target, homeOf, world.Homes) ?? throw new ArgumentException(NoMeasure(target));
        return target.Abroad ? c => counts(c) && c.Country != homeOf[c.Vendor] : counts;
    }

    /// <summary>Whether the target's metric and group name a vendor or a home state (what "abroad" needs).</summary>
    public static bool NamesVendor(Target target) =>
        // The share metrics' group is a vendor, a home state or "vendor:capability".
        target.Metric is MetricCatalog.CountriesWithVendorOrigin or MetricCatalog.CountriesWithVendor or ReachShare or AgreementShare;

    /// <summary>Whether the target's group is one the contracts can be counted by (checked when the targets file is read).</summary>
    public static bool Measurable(Target target, WorldData world) =>
        GroupMatcher(target, world.Vendors.ToDictionary(v => v.Id, v => v.Home), world.Homes) is not null;

    /// <summary>What a share target's group may be, for the message when it is none of them.</summary>
    public static string NoMeasure(Target target) =>
        $"no measure of {target.Metric}/{target.Group} over a set of countries: the group must be a vendor (e.g. huawei), a home state (e.g. CHN) or vendor:capability (e.g. huawei:safe_city)";

    private static Func<ContractRecord, bool>? GroupMatcher(Target target, Dictionary<string, string> homeOf, IReadOnlyList<string> homes)
    {
        var g = target.Group;
        return target.Metric switch
        {
            MetricCatalog.CountriesAdopted when g == MetricCatalog.Any || g.StartsWith("regime:", StringComparison.Ordinal) => _ => true,
            MetricCatalog.CountriesAdopted when Capabilities.Ids.Contains(g) => c => c.Capability == g,
            MetricCatalog.CountriesWithVendorOrigin when homes.Contains(g) => c => homeOf[c.Vendor] == g,
            MetricCatalog.CountriesWithVendor when homeOf.ContainsKey(g) => c => c.Vendor == g,
            ReachShare or AgreementShare when homes.Contains(g) => c => homeOf[c.Vendor] == g,
            ReachShare or AgreementShare when homeOf.ContainsKey(g) => c => c.Vendor == g,
            // "huawei:safe_city": one vendor's contracts of one capability (CSIS counts safe-city agreements).
            MetricCatalog.CountriesWithVendor or ReachShare or AgreementShare
                when g.Split(':') is [var v, var k] && homeOf.ContainsKey(v) && Capabilities.Ids.Contains(k)
                => c => c.Vendor == v && c.Capability == k,
            _ => null,
        };
    }
}

/// <summary>
/// Sets of countries a target can count over: "index" (the countries Carnegie's index covers), "regime:0".."regime:3",
/// "fh:Partly Free|Not Free", "region:South Asia|Sub-Saharan Africa", "income:Lower middle|Upper middle", "bri", "milexRank<=50",
/// "iso3:KEN|UGA|..." (countries a source names).
/// </summary>
public static class CountryFilter
{
    /// <summary>
    /// Carnegie's AIGS covers 176 countries. The 196 of the world data less the 20 with fewer than 250,000 people
    /// (microstates such as Tuvalu, Monaco, Samoa and São Tomé) are exactly 176 (docs/model.md §6.1).
    /// </summary>
    public const double IndexMinPopulation = 250_000;

    private static string Short(string filter) => filter.Length <= 60 ? filter : filter[..57] + "...";

    public static Func<CountryProfile, bool> Parse(string? filter, WorldData world)
    {
        if (filter is null) return _ => true;
        string[] List(string prefix) => filter[prefix.Length..].Split('|');
        if (filter == "index") return c => c.Population >= IndexMinPopulation;
        if (filter == "bri") return c => c.Bri;
        if (filter.StartsWith("regime:", StringComparison.Ordinal) && int.TryParse(filter[7..], out var k) && k is >= 0 and <= 3)
            return c => c.Regime == k;
        // Each value must name countries of the world: a misspelt region would silently count none.
        string[] Known(string prefix, params Func<CountryProfile, string>[] fields)
        {
            var l = List(prefix);
            var known = world.Countries.SelectMany(c => fields.Select(f => f(c))).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();
            if (l.FirstOrDefault(v => !known.Contains(v)) is { } unknown)
                throw new ArgumentException($"'{filter}': no country has {prefix[..^1]} '{unknown}'; the world has {string.Join(", ", known)}{Suggest.DidYouMean(unknown, known)}");
            return l;
        }
        if (filter.StartsWith("fh:", StringComparison.Ordinal)) { var l = Known("fh:", c => c.FreedomHouse); return c => l.Contains(c.FreedomHouse); }
        // A World Bank region or a UN subregion ("Central Asia").
        if (filter.StartsWith("region:", StringComparison.Ordinal))
        {
            var l = Known("region:", c => c.Region, c => c.Subregion);
            return c => l.Contains(c.Region) || l.Contains(c.Subregion);
        }
        if (filter.StartsWith("income:", StringComparison.Ordinal)) { var l = Known("income:", c => c.IncomeGroup); return c => l.Contains(c.IncomeGroup); }
        if (filter.StartsWith("iso3:", StringComparison.Ordinal))
        {
            // Named countries, e.g. the ones a source lists: a code the world does not have would silently count nothing.
            var l = List("iso3:");
            if (l.FirstOrDefault(c => !world.CountryIndex.ContainsKey(c)) is { } unknown)
                throw new ArgumentException($"'{Short(filter)}': the world has no country '{unknown}'{Suggest.DidYouMean(unknown, world.CountryIndex.Keys)}");
            return c => l.Contains(c.Iso3);
        }
        if (filter.StartsWith("milexRank<=", StringComparison.Ordinal) && int.TryParse(filter[11..], out var n))
            return c => c.Covariates.MilitaryRank is > 0 && c.Covariates.MilitaryRank <= n;
        throw new ArgumentException($"unknown country filter '{filter}' (index, bri, regime:0..3, fh:..., region:..., income:..., iso3:KEN|UGA|..., milexRank<=N)");
    }
}
