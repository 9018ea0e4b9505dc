using Simulation.Model.Metrics;
using Simulation.Model.Scenarios;
using Simulation.Model.Time;
using Simulation.Runner.Plots;

namespace Simulation.Runner.Sensitivity;

/// <summary>
/// One number the indices explain: a series at a date, either the scenario's level or, with --compare, its paired
/// effect (scenario minus the compared scenario, replicate by replicate: common random numbers).
/// </summary>
public sealed record SensitivityOutcome(string Metric, string Group, string Date, bool Effect)
{
    /// <summary>The headline counts a student reads first.</summary>
    public static readonly IReadOnlyList<(string Metric, string Group)> Headline =
    [
        (MetricCatalog.CountriesAdopted, MetricCatalog.Any),
        (MetricCatalog.CountriesWithVendorOrigin, "CHN"),
        (MetricCatalog.CountriesWithVendorOrigin, "USA"),
    ];

    /// <summary>"countries_with_vendor_origin/CHN@2030-12", with "effect:" in front for a paired difference.</summary>
    public string Id => $"{(Effect ? "effect:" : "")}{Metric}/{Group}@{Date}";

    public string FileStem => $"{(Effect ? "effect_" : "")}{Metric}_{Group}_{Date}".Replace(':', '_');

    /// <summary>Plain words, e.g. "Countries with Chinese vendors at 2030-12".</summary>
    public string Title
    {
        get
        {
            var known = Outcome.Main.FirstOrDefault(o => o.Metric == Metric && o.Group == Group);
            var name = known?.Title ?? (Metric == MetricCatalog.BriCountriesWithVendorOrigin ? $"Belt and Road members with {Origin(Group)} vendors" : $"{Metric} ({Group})");
            if (Effect && name.StartsWith("Countries", StringComparison.Ordinal)) name = "c" + name[1..];
            return Effect ? $"Effect on {name} at {Date}" : $"{name} at {Date}";
        }
    }

    private static string Origin(string home) => home switch
    {
        "CHN" => "Chinese", "USA" => "US", "JPN" => "Japanese", "ISR" => "Israeli", "RUS" => "Russian", "FRA" => "French", _ => home,
    };

    /// <summary>"metric/group" as --outcome takes it.</summary>
    public static (string Metric, string Group) ParseSeries(string text)
    {
        var slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1)
            throw new ArgumentException($"--outcome '{text}': expected <metric>/<group>, e.g. countries_with_vendor_origin/CHN or bri_countries_with_vendor_origin/CHN");
        return (text[..slash], text[(slash + 1)..]);
    }

    /// <summary>Checks a series exists in a scenario's catalogue, with a did-you-mean for a misspelt one.</summary>
    public static void Check((string Metric, string Group) series, MetricCatalog catalog, string scenarioPath)
    {
        if (catalog.TryGet(series.Metric, series.Group, out _)) return;
        var metrics = catalog.All.Select(s => s.Metric).Distinct().ToArray();
        if (!metrics.Contains(series.Metric))
            throw new ArgumentException($"--outcome {series.Metric}/{series.Group}: unknown metric '{series.Metric}'{Suggest.DidYouMean(series.Metric, metrics)}");
        var groups = catalog.All.Where(s => s.Metric == series.Metric).Select(s => s.Group).ToArray();
        throw new ArgumentException($"--outcome {series.Metric}/{series.Group}: {scenarioPath} records no group '{series.Group}' of {series.Metric}{Suggest.DidYouMean(series.Group, groups)} (groups: {string.Join(", ", groups)})");
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
