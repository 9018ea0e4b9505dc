using Simulation.Model.Output;
using Simulation.Model.Metrics;
using Simulation.Model.Time;
using Simulation.Runner.Plots;
using Simulation.Scenarios;

namespace Simulation.Runner.Sensitivity;

/// <summary>A series as --outcome names it: metric, group and optionally a country group of the breakdown.</summary>
public sealed record OutcomeSeries(string Metric, string Group, string? In = null)
{
    public override string ToString() => $"{Metric}/{Group}{(In is null ? "" : "/" + In)}";
}

/// <summary>
/// One number the indices explain: a series at a date, either the scenario's level or, with --compare, its paired
/// effect (scenario minus the compared scenario, replicate by replicate: common random numbers). A series may be
/// restricted to a country group of the results breakdown (e.g. SSF), which is recorded at year ends.
/// </summary>
public sealed record SensitivityOutcome(string Metric, string Group, string Date, bool Effect, string? In = null)
{
    /// <summary>The headline counts a student reads first.</summary>
    public static readonly IReadOnlyList<OutcomeSeries> Headline =
    [
        new(MetricCatalog.CountriesAdopted, MetricCatalog.Any),
        new(MetricCatalog.CountriesWithVendorOrigin, "CHN"),
        new(MetricCatalog.CountriesWithVendorOrigin, "USA"),
    ];

    /// <summary>"countries_with_vendor_origin/CHN@2030-12" (".../CHN/SSF@..." in a country group), "effect:" in front for a paired difference.</summary>
    public string Id => $"{(Effect ? "effect:" : "")}{Metric}/{Group}{(In is null ? "" : "/" + In)}@{Date}";

    public string FileStem => $"{(Effect ? "effect_" : "")}{Metric}_{Group}{(In is null ? "" : "_" + In)}_{Date}".Replace(':', '_');

    /// <summary>Plain words, e.g. "Countries with Chinese vendors at 2030-12".</summary>
    public string Title
    {
        get
        {
            var known = Outcome.Main.FirstOrDefault(o => o.Metric == Metric && o.Group == Group);
            var name = known?.Title ?? (Metric == MetricCatalog.BriCountriesWithVendorOrigin ? $"Belt and Road members with {Origin(Group)} vendors" : $"{Metric} ({Group})");
            if (Effect && name.StartsWith("Countries", StringComparison.Ordinal)) name = "c" + name[1..];
            if (In != null) name += $" in {In}";
            return Effect ? $"Effect on {name} at {Date}" : $"{name} at {Date}";
        }
    }

    private static string Origin(string home) => home switch
    {
        "CHN" => "Chinese", "USA" => "US", "JPN" => "Japanese", "ISR" => "Israeli", "RUS" => "Russian", "FRA" => "French", _ => home,
    };

    /// <summary>"metric/group" or "metric/group/country-group" as --outcome takes it.</summary>
    public static OutcomeSeries ParseSeries(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException($"--outcome '{text}': expected <metric>/<group>[/<country group>], e.g. countries_with_vendor_origin/CHN or countries_with_vendor_origin/CHN/SSF");
        return new OutcomeSeries(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    /// <summary>Checks a series exists in a run of the scenario, with a did-you-mean for a misspelt one.</summary>
    public static void Check(OutcomeSeries series, LoadedScenario scenario)
    {
        var catalog = new MetricCatalog(scenario.World, [.. scenario.Scenario.Policies.Where(p => p.Type == "financing").Select(p => p.Id)]);
        var text = series.ToString();
        if (series.In is { } name)
        {
            var groups = scenario.Plan.Groups.Select(g => g.Name).ToArray();
            if (!groups.Contains(name))
                throw new ArgumentException($"--outcome {text}: {scenario.Path} has no country group '{name}'{Suggest.DidYouMean(name, groups)} (e.g. SSF, EU, BRI, income:low, regime:0)");
            var recorded = GroupSeries.FirstOrDefault(s => s.Metric == series.Metric);
            if (recorded.Metric is null || (recorded.Group == MetricCatalog.Any && series.Group != MetricCatalog.Any))
                throw new ArgumentException($"--outcome {text}: by country group only {string.Join(", ", GroupSeries.Select(s => s.Metric + "/" + s.Group))} are recorded");
        }
        if (catalog.TryGet(series.Metric, series.Group, out _)) return;
        var metrics = catalog.All.Select(s => s.Metric).Distinct().ToArray();
        if (!metrics.Contains(series.Metric))
            throw new ArgumentException($"--outcome {text}: unknown metric '{series.Metric}'{Suggest.DidYouMean(series.Metric, metrics)}");
        var known = catalog.All.Where(s => s.Metric == series.Metric).Select(s => s.Group).ToArray();
        throw new ArgumentException($"--outcome {text}: {scenario.Path} records no group '{series.Group}' of {series.Metric}{Suggest.DidYouMean(series.Group, known)} (groups: {string.Join(", ", known)})");
    }

    /// <summary>The series the results breakdown records by country group (GroupRecorder): group "any" or a home state.</summary>
    private static readonly (string Metric, string Group)[] GroupSeries =
    [
        (MetricCatalog.CountriesAdopted, MetricCatalog.Any), (MetricCatalog.CountriesWithVendorOrigin, "<home>"),
        (MetricCatalog.PopulationCovered, MetricCatalog.Any), (MetricCatalog.InstalledShareOrigin, "<home>"),
        (MetricCatalog.ForeignDataAccessShare, MetricCatalog.Any),
    ];

    /// <summary>One replicate's value of the outcome in a finished run.</summary>
    public double Value(EnsembleResult run, int replicate)
    {
        var tick = run.TickOf(Date);
        if (In is null) return run.Value(replicate, tick, run.Series.Get(Metric, Group).Index);
        var yearEnd = run.YearEndOf(tick);
        var group = run.Groups.GroupIndex(In);
        return run.Groups.Value(replicate, yearEnd, group, run.Groups.SeriesIndex(Metric, Group));
    }

    /// <summary>"2030-12,2040-12" → dates that are ticks of the calendar, in order.</summary>
    public static string[] ParseDates(string? text, Calendar calendar)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // Default: 2030 (the year policy debates quote) when inside the horizon, and the last year end.
            var yearEnds = Enumerable.Range(0, calendar.Count).Where(calendar.IsYearEnd).Select(t => calendar.DateOf(t).ToString()).ToArray();
            if (yearEnds.Length == 0) return [calendar.DateOf(calendar.Count - 1).ToString()];
            return [.. yearEnds.Where(d => d == "2030-12").Append(yearEnds[^1]).Distinct()];
        }
        var ticks = Enumerable.Range(0, calendar.Count).ToDictionary(t => calendar.DateOf(t).ToString());
        return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(d =>
        {
            if (!YearMonth.TryParse(d, out _)) throw new ArgumentException($"--dates '{d}': expected YYYY-MM, e.g. 2030-12");
            if (!ticks.ContainsKey(d))
                throw new ArgumentException($"--dates {d}: not a tick of the scenario ({calendar.DateOf(0)}..{calendar.DateOf(calendar.Count - 1)})");
            return d;
        }).Distinct().OrderBy(d => d, StringComparer.Ordinal)];
    }
}
