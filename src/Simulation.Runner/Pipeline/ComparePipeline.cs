using Simulation.Runner.Plots;
using Simulation.Runner.Report;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Runner.Pipeline;

/// <summary>
/// compare: scenarios → ensembles with common random numbers (one seed, replicate r sharing its streams in every
/// scenario) → per-scenario outputs, overlay and difference plots, deltas.csv → report.html; moved into place at the end.
/// </summary>
public static class ComparePipeline
{
    public static async Task<string> RunAsync(IReadOnlyList<string> files, RunOptions options, CancellationToken cancel = default)
    {
        var problems = new List<ScenarioProblem>();
        var scenarios = new List<LoadedScenario>();
        foreach (var file in files)
        {
            try { scenarios.Add(ScenarioLoader.Load(file)); }
            catch (ScenarioException e) { problems.AddRange(e.Problems); }
        }
        if (problems.Count > 0) throw new ScenarioException(problems);
        CheckComparable(scenarios);
        scenarios = SharedGroups(scenarios);

        var first = scenarios[0].Scenario;
        var seed = options.Seed ?? first.Seed;
        var replicates = options.Replicates ?? first.Replicates;
        using var folder = OutputFolder.Open(options.Out, "compare-" + string.Join("-vs-", scenarios.Select(s => s.Scenario.Name)), options.Force,
            "compare", scenarios.SelectMany(s => s.Inputs));
        var runs = new List<ScenarioRun>();
        foreach (var scenario in scenarios)
        {
            var run = await RunPipeline.ExecuteAsync(scenario, replicates, seed, options, cancel);
            await RunPipeline.WriteOutputsAsync(scenario, run, folder.PathOf(OutputFolder.SafeName(scenario.Scenario.Name)), options, cancel);
            runs.Add(run);
        }

        var figures = new List<CompareFigures>();
        foreach (var outcome in Outcome.Main)
        {
            var overlay = ComparePlots.Overlay(runs, outcome, folder.Staging);
            var difference = runs.Count > 1 ? ComparePlots.Difference(runs, outcome, folder.Staging) : null;
            var byRegion = runs.Count > 1 ? RegionPanels.Write(runs, outcome, folder.Staging) : null;
            figures.Add(new CompareFigures(outcome, Svg(overlay)!, Svg(difference), Svg(byRegion)));
        }
        var deltas = runs.Skip(1).SelectMany(r => PairedDifferences.AtYearEnds(r.Summary.Scenario, r.Result,
            runs[0].Summary.Scenario, runs[0].Result)).ToList();
        PairedDifferences.Write(folder.PathOf("deltas.csv"), deltas);
        CompareReport.Write(runs, deltas, figures, folder.Staging, [.. runs.Select((r, i) => RunPipeline.CalibrationChecks(scenarios[i], r))]);
        cancel.ThrowIfCancellationRequested();
        folder.Commit();
        return folder.Destination;
    }

    /// <summary>
    /// Every scenario gets the country groups any of them defines, so each group has results, and paired differences,
    /// in every run (a group only used by the policy scenario is exactly what a student wants to look at). Groups only
    /// name countries: adding them changes no result. A name meaning different countries in two files is an error.
    /// </summary>
    private static List<LoadedScenario> SharedGroups(IReadOnlyList<LoadedScenario> scenarios)
    {
        var union = new Dictionary<string, (List<string> Members, string Path)>(StringComparer.Ordinal);
        foreach (var s in scenarios)
            foreach (var (name, members) in s.Scenario.Groups)
            {
                if (union.TryGetValue(name, out var seen) && !seen.Members.Order().SequenceEqual(members.Order()))
                    throw new ArgumentException($"group '{name}' means different countries in {seen.Path} and {s.Path}; rename one of them to compare");
                union[name] = (members, s.Path);
            }
        var groups = union.ToDictionary(kv => kv.Key, kv => kv.Value.Members);
        return [.. scenarios.Select(s => s.Scenario.Groups.Count == groups.Count ? s
            : s.Changed(x => x with { Groups = groups }, "the groups of every compared scenario"))];
    }

    private static string? Svg(IReadOnlyList<string>? files) => files?.First(f => f.EndsWith(".svg", StringComparison.Ordinal));

    /// <summary>Paired differences need the same dates and distinct names (they label the outputs).</summary>
    private static void CheckComparable(IReadOnlyList<LoadedScenario> scenarios)
    {
        var first = scenarios[0].Scenario;
        foreach (var s in scenarios.Skip(1))
            if (s.Scenario.Start != first.Start || s.Scenario.End != first.End || s.Scenario.Tick != first.Tick)
                throw new ArgumentException($"{s.Path}: horizon {s.Scenario.Start}..{s.Scenario.End} by {s.Scenario.Tick} differs from " +
                    $"{scenarios[0].Path} ({first.Start}..{first.End} by {first.Tick}); compared scenarios need the same dates");
        var twice = scenarios.GroupBy(s => OutputFolder.SafeName(s.Scenario.Name)).FirstOrDefault(g => g.Count() > 1);
        if (twice != null)
            throw new ArgumentException($"two scenarios would share the output folder '{twice.Key}' ({string.Join(", ", twice.Select(s => $"{s.Path}: '{s.Scenario.Name}'"))}); give each its own name");
    }
}
