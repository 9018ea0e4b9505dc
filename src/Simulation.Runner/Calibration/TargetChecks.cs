using System.Text.Json;
using Simulation.Model.Metrics;
using Simulation.Model.Time;
using Simulation.Model.World;
using Simulation.Scenarios;

namespace Simulation.Runner.Calibration;

/// <summary>
/// Reads a targets file like a scenario: shape (unknown properties, types, nulls, repeated keys, missing fields),
/// declared ranges and identifiers, then what the scenario makes of it (the date is a tick of its horizon, each
/// metric/group is a series of the run, "per" is a regime class). Every problem at once, with file, line and JSON path.
/// </summary>
public static class TargetChecks
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 };

    /// <summary>
    /// The file, checked against the scenario it is used with (its horizon, series and world) or, without one, against
    /// <paramref name="world"/>, the world it was written for (a targets file beside a scenario, <see cref="Measurable"/>).
    /// </summary>
    public static TargetFile Load(string path, LoadedScenario? scenario, WorldData? world = null)
    {
        var problems = new List<ScenarioProblem>();
        void Problem(string at, string message, (int Line, int Column) where) => problems.Add(new(path, where.Line, where.Column, at, message));
        if (InputFile.TryRead(path, InputFile.MaxDataBytes, out var why) is not { } bytes)
        {
            Problem("$", why, (1, 1));
            throw new ScenarioException(problems, "targets file");
        }
        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            Problem("$", "the file is empty; it needs a JSON object", (1, 1));
            throw new ScenarioException(problems, "targets file");
        }
        if (InputFile.FirstUndecodable(utf8) is { } bad)
        {
            Problem("$", bad.Message, (bad.Line, bad.Column));
            throw new ScenarioException(problems, "targets file");
        }
        JsonDocument document;
        try { document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions); }
        catch (JsonException e)
        {
            Problem("$", JsonSyntax.Describe(e),
                ((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1));
            throw new ScenarioException(problems, "targets file");
        }
        using (document)
        {
            var map = new JsonLineMap(utf8);
            void Report(string at, string message, (int Line, int Column)? where = null) => Problem(at, message, where ?? map.Find(at));
            ScenarioShape.Check(document.RootElement, typeof(TargetFile), "$", map, Report);
            if (problems.Count == 0) ScenarioShape.CheckRequired(document.RootElement, typeof(TargetFile), "$", Report);
            if (problems.Count > 0) throw new ScenarioException(problems, "targets file");
            var file = document.RootElement.Deserialize<TargetFile>(InputJson.Options)!;
            DeclaredRules.Check(file, "$", Report);
            if (file.Targets.Count == 0) Report("$.targets", "list at least one target");
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < file.Targets.Count; i++)
            {
                var t = file.Targets[i];
                if (!firstLine.TryAdd(t.Id, map.Find($"$.targets[{i}].id").Line))
                    Report($"$.targets[{i}].id", $"target id '{t.Id}' appears twice (first on line {firstLine[t.Id]})");
                if (t.IsShare && t.Observed > 1)
                    Report($"$.targets[{i}].observed", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"a share ({(t.Per != null ? "'per' is set" : t.Metric)}) must be at most 1 (a fraction), not {t.Observed}; e.g. {t.Observed / 100:0.###} for {t.Observed} %"));
                // Bounds are for shares: the plots draw a count's observed value as a point, and a headline is matched.
                if (t.Bound != null && (!t.IsShare || t.Headline))
                    Report($"$.targets[{i}].bound", t.Headline
                        ? "a headline target is a value to match, not a bound; drop \"bound\" or \"headline\""
                        : $"a bound is allowed on a share only ({t.Metric} is a count, drawn on the plots as an observed point)");
                if (t.Abroad && !TargetMeasure.NamesVendor(t))
                    Report($"$.targets[{i}].abroad", $"'abroad' leaves out a vendor's home state, but {t.Metric} names no vendor or home state (use it with countries_with_vendor, countries_with_vendor_origin, reach_share or agreement_share)");
            }
            if (!YearMonth.TryParse(file.Date, out var date)) Report("$.date", $"'{file.Date}' is not a date of the form YYYY-MM, e.g. \"2019-09\"");
            else if (scenario != null) CheckAgainst(scenario, file, date, Report);
            if (scenario is null && world != null)
            {
                var catalog = Catalog(world, []);
                for (var i = 0; i < file.Targets.Count; i++) CheckTarget(world, catalog, file.Targets[i], $"$.targets[{i}]", Report);
            }
            if (problems.Count > 0) throw new ScenarioException(problems, "targets file");
            return file;
        }
    }

    /// <summary>What the scenario's run can measure: the date must be one of its ticks, each metric/group one of its series.</summary>
    private static void CheckAgainst(LoadedScenario scenario, TargetFile file, YearMonth date, ProblemReport report)
    {
        var calendar = scenario.Calendar;
        if (!Enumerable.Range(0, calendar.Count).Any(t => calendar.DateOf(t) == date))
            report("$.date", $"{date} is not a tick of {Path.GetFileName(scenario.Path)} ({calendar.Start}..{calendar.End}, by {scenario.Scenario.Tick})");
        var catalog = Catalog(scenario);
        for (var i = 0; i < file.Targets.Count; i++) CheckTarget(scenario.World, catalog, file.Targets[i], $"$.targets[{i}]", report);
    }

    /// <summary>
    /// Whether the target can be measured in this scenario: its filters name countries its world has, its group a
    /// series or a vendor it has. A scenario with a world of its own (one region, a synthetic world) cannot measure
    /// every published target beside it; those are left out of its report rather than failing its run.
    /// </summary>
    public static bool Measurable(LoadedScenario scenario, Target target)
    {
        var ok = true;
        CheckTarget(scenario.World, Catalog(scenario), target, "$", (_, _, _) => ok = false);
        return ok;
    }

    private static MetricCatalog Catalog(LoadedScenario scenario) =>
        Catalog(scenario.World, [.. scenario.Scenario.Policies.Where(p => p.Type == "financing").Select(p => p.Id)]);

    private static MetricCatalog Catalog(WorldData world, List<string> financing) => new(world, financing);

    private static void CheckTarget(WorldData world, MetricCatalog catalog, Target t, string at, ProblemReport report)
    {
        // Targets over a set of countries are measured from the contracts: their filters must parse, and the share
        // measures name a vendor, a home state or "vendor:capability" rather than a series.
        foreach (var (field, filter) in new[] { ("per", t.Per), ("among", t.Among), ("where", t.Where) })
        {
            if (filter is null) continue;
            try { CountryFilter.Parse(filter, world); }
            catch (ArgumentException e) { report($"{at}.{field}", e.Message); }
        }
        if (t.Metric is TargetMeasure.ReachShare or TargetMeasure.AgreementShare)
        {
            if (!TargetMeasure.Measurable(t, world)) report($"{at}.group", TargetMeasure.NoMeasure(t));
            return;
        }
        var metrics = catalog.All.Select(s => s.Metric).Distinct().ToArray();
        // Over a set of countries (among, where, abroad) a count is taken from the contracts, which know only who
        // adopted and from whom, and can also count one vendor's capability ("huawei:safe_city", CSIS's count).
        var overCountries = (t.Among ?? t.Where) is not null || t.Abroad;
        if (!metrics.Contains(t.Metric))
            report($"{at}.metric", $"unknown metric '{t.Metric}'{Suggest.DidYouMean(t.Metric, metrics)}");
        else if (!catalog.TryGet(t.Metric, t.Group, out _) && !(overCountries && TargetMeasure.Measurable(t, world)))
        {
            var groups = catalog.All.Where(s => s.Metric == t.Metric).Select(s => s.Group).ToArray();
            report($"{at}.group", TargetMeasure.Measurable(t, world)
                ? $"{t.Metric}/{t.Group} is counted from the contracts, over a set of countries: give \"among\" (e.g. \"index\"), \"where\" or \"abroad\""
                : $"{t.Metric} has no group '{t.Group}'; it has {string.Join(", ", groups)}{Suggest.DidYouMean(t.Group, groups)}");
        }
        else if (overCountries && !TargetMeasure.Measurable(t, world))
            report($"{at}.metric", $"{t.Metric}/{t.Group} cannot be counted over a set of countries (\"among\", \"where\" or \"abroad\"); " +
                "use countries_adopted, countries_with_vendor or countries_with_vendor_origin");
    }
}
