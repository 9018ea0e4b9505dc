using System.Globalization;
using System.Text;
using System.Text.Json;
using Simulation.Model.Output;
using Simulation.Model.Metrics;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Results;
using Simulation.Runner.Sweeps;
using Simulation.Scenarios;

namespace Simulation.Runner.Sensitivity;

/// <summary>What the sensitivity command was asked for.</summary>
public sealed record SensitivityRequest(string ScenarioPath, string? ComparePath, string Method, int Samples, int Replicates,
    string? Dates, IReadOnlyList<string> Outcomes, RunOptions Options, IReadOnlyList<string>? Only = null);

/// <summary>
/// sensitivity: the scenario's uncertain parameters → a Morris or Saltelli design → every point an ensemble (and, with
/// --compare, the compared scenario's ensemble at the same parameters and seed) → per point every replicate's value of
/// each outcome, appended to outcomes.csv through the sweep ledger (resumable, failed points recorded,
/// memory flat) → indices (sensitivity.csv), bar plots and report.html.
/// </summary>
public static class SensitivityPipeline
{
    public const string ResultsFile = "outcomes.csv";

    public static async Task<string> RunAsync(SensitivityRequest request, CancellationToken cancel = default)
    {
        var scenario = ScenarioLoader.Load(request.ScenarioPath);
        var other = request.ComparePath is { } c ? ScenarioLoader.Load(c) : null;
        var seed = request.Options.Seed ?? scenario.Scenario.Seed;
        var calendar = scenario.Calendar;
        var dates = SensitivityOutcome.ParseDates(request.Dates, calendar);
        var outcomes = Outcomes(request, scenario, other, dates);
        if (scenario.Scenario.Uncertain.Count == 0)
            throw new ArgumentException($"{scenario.Path}: $.uncertain: the scenario lists no uncertain parameters; extend scenarios/uncertainties.json or list them as \"uncertain\": [{{ \"path\": ..., \"min\": ..., \"max\": ... }}]");
        var parameters = Select(scenario.Scenario.Uncertain, request.Only ?? []);

        // Simulating past the last outcome date changes nothing before it (every draw belongs to its own tick), so stop there.
        var main = scenario.EndingAt(dates[^1]);
        // The compared scenario takes the point's values of the parameters it has (a policy's strength it lacks stays out).
        var shared = other is null ? [] : parameters.Select(p => ScenarioPaths.Normalise(p.Path)).Where(other.HasNumberAt).ToHashSet();
        var compared = other?.EndingAt(dates[^1]);
        var design = SensitivityDesign.Create(request.Method, request.Samples, parameters, scenario.Editable(parameters.Select(p => p.Path)), seed);

        // The engine (or cluster connection) before the folder: a cluster that cannot be reached leaves nothing behind.
        await using var simulator = await EnsembleSimulator.CreateAsync(request.Options, cancel);
        var directory = Path.GetFullPath(request.Options.Out ?? Path.Combine("out", OutputFolder.SafeName(scenario.Scenario.Name) + "-sensitivity"));
        using var folder = DesignFolder.Prepare(directory, "sensitivity.json", Description(request, design, outcomes, seed, scenario, other), request.Options.Force,
            other is null ? scenario.Inputs : scenario.Inputs.Concat(other.Inputs), "sensitivity");
        var ledger = new SweepLedger(directory, design.Sweep, "point,outcome,replicate,value", ResultsFile);
        var ticks = Enumerable.Range(0, calendar.Count).First(t => calendar.DateOf(t).ToString() == dates[^1]) + 1;
        await DesignRunner.RunAsync(design.Sweep, ledger, other is null ? ticks : 2 * ticks, async (i, progress, token) =>
        {
            var run = await Simulate(simulator, directory, $"point-{i:D4}.json", main.With(design.Sweep.Values(i)), request.Replicates, seed, progress, 0, token);
            var baseline = compared is null ? null : await Simulate(simulator, directory, $"point-{i:D4}-compare.json",
                compared.With(design.Sweep.Values(i).Where(v => shared.Contains(v.Path))), request.Replicates, seed, progress, ticks, token);
            return Rows(i, outcomes, run, baseline);
        }, cancel, "sensitivity");
        var analysis = SensitivityAnalysis.Compute(directory, design, outcomes, request.Replicates);
        SensitivityAnalysis.WriteCsv(Path.Combine(directory, "sensitivity.csv"), analysis, design);
        OutputSafety.Claim(directory, "sensitivity.csv");
        SensitivityReport.Write(directory, request, scenario, other, design, analysis, shared, seed);
        folder.Finished();
        return directory;
    }

    private static IReadOnlyList<SensitivityOutcome> Outcomes(SensitivityRequest request, LoadedScenario scenario, LoadedScenario? other, string[] dates)
    {
        var series = request.Outcomes.Count == 0 ? SensitivityOutcome.Headline : request.Outcomes.Select(SensitivityOutcome.ParseSeries).Distinct().ToArray();
        foreach (var s in series)
        {
            SensitivityOutcome.Check(s, scenario);
            if (other != null) SensitivityOutcome.Check(s, other);
        }
        if (series.FirstOrDefault(s => s.In != null) is { } grouped && dates.FirstOrDefault(d => !d.EndsWith("-12", StringComparison.Ordinal) && !IsLastOfYear(scenario, d)) is { } notYearEnd)
            throw new ArgumentException($"--outcome {grouped}: country groups are recorded at year ends only, and --dates {notYearEnd} is not one");
        if (other != null && (other.Scenario.Start != scenario.Scenario.Start || other.Scenario.Tick != scenario.Scenario.Tick
            || string.CompareOrdinal(other.Scenario.End, dates[^1]) < 0))
            throw new ArgumentException($"--compare {other.Path}: its horizon {other.Scenario.Start}..{other.Scenario.End} by {other.Scenario.Tick} must start and tick like {scenario.Path} ({scenario.Scenario.Start}, {scenario.Scenario.Tick}) and reach {dates[^1]}");
        var effects = other is null ? [] : dates.SelectMany(d => series.Select(s => new SensitivityOutcome(s.Metric, s.Group, d, true, s.In)));
        return [.. effects, .. dates.SelectMany(d => series.Select(s => new SensitivityOutcome(s.Metric, s.Group, d, false, s.In)))];
    }

    /// <summary>A date that is the last tick of its year (e.g. 2011-10 with quarterly ticks): a year end of the calendar.</summary>
    private static bool IsLastOfYear(LoadedScenario scenario, string date)
    {
        var calendar = scenario.Calendar;
        return Enumerable.Range(0, calendar.Count).Any(t => calendar.IsYearEnd(t) && calendar.DateOf(t).ToString() == date);
    }

    /// <summary>
    /// --only: the uncertain parameters whose path is, or lies under, one of the given paths (e.g. "parameters.choice"
    /// or "policies[0].discount"), in the list's order; all of them without --only.
    /// </summary>
    public static IReadOnlyList<FreeParameter> Select(IReadOnlyList<FreeParameter> uncertain, IReadOnlyList<string> only)
    {
        if (only.Count == 0) return uncertain;
        var prefixes = only.Select(ScenarioPaths.Normalise).ToArray();
        static bool Under(string path, string prefix) =>
            path == prefix || (path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] is '.' or '[');
        foreach (var prefix in prefixes)
            if (!uncertain.Any(u => Under(ScenarioPaths.Normalise(u.Path), prefix)))
                throw new ArgumentException($"--only {prefix[2..]}: names none of the scenario's uncertain parameters{Suggest.DidYouMean(prefix[2..], Prefixes(uncertain))}");
        return [.. uncertain.Where(u => prefixes.Any(p => Under(ScenarioPaths.Normalise(u.Path), p)))];
    }

    /// <summary>Every path and every dotted prefix of one ("parameters", "parameters.choice", ...), for a did-you-mean.</summary>
    private static IEnumerable<string> Prefixes(IEnumerable<FreeParameter> uncertain) => uncertain
        .Select(u => ScenarioPaths.Normalise(u.Path)[2..].Split('.'))
        .SelectMany(parts => Enumerable.Range(1, parts.Length).Select(n => string.Join('.', parts.Take(n)))).Distinct();

    /// <summary>Records the point's scenario (runnable on its own, as in a sweep) and runs its validated copy's ensemble.</summary>
    private static async Task<EnsembleResult> Simulate(EnsembleSimulator simulator, string directory, string name, LoadedScenario point, int replicates, ulong seed,
        IProgress<int> progress, int tickOffset, CancellationToken cancel)
    {
        PointRecord.Write(Path.Combine(directory, "points", name), point, replicates, seed);
        var plan = point.Plan.Runs(replicates, seed);
        var result = await simulator.RunAsync(plan, new Progress<int>(t => progress.Report(tickOffset + t)), cancel);
        return result;
    }

    /// <summary>Per outcome, every replicate's value (of the paired difference for an effect).</summary>
    private static string Rows(int point, IReadOnlyList<SensitivityOutcome> outcomes, EnsembleResult run, EnsembleResult? baseline)
    {
        var text = new StringBuilder();
        foreach (var o in outcomes)
            for (var r = 0; r < run.Replicates; r++)
            {
                var value = o.Effect ? o.Value(run, r) - o.Value(baseline!, r) : o.Value(run, r);
                text.Append(string.Create(CultureInfo.InvariantCulture, $"{point},{o.Id},{r},{value:R}\n"));
            }
        return text.ToString();
    }

    /// <summary>What makes two designs the same (so a re-run resumes): method, samples, points, outcomes, seed, scenarios.</summary>
    private static string Description(SensitivityRequest request, SensitivityDesign design, IReadOnlyList<SensitivityOutcome> outcomes, ulong seed,
        LoadedScenario scenario, LoadedScenario? other) => JsonSerializer.Serialize(new
    {
        method = request.Method, samples = request.Samples, replicates = request.Replicates, seed,
        parameters = design.Parameters.Select(p => new { path = ScenarioPaths.Normalise(p.Path), min = p.Min, max = p.Max }),
        outcomes = outcomes.Select(o => o.Id), scenario = scenario.Hash, compare = other?.Hash, points = design.Sweep.Points,
    }, new JsonSerializerOptions { WriteIndented = true });
}
