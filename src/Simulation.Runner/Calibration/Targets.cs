using System.ComponentModel.DataAnnotations;
using Simulation.Model.Metrics;
using Simulation.Model.Scenarios;

namespace Simulation.Runner.Calibration;

/// <summary>One observed number the model should reproduce, and the series that measures it.</summary>
/// <param name="Per">Divide the series by the number of countries in this group (e.g. "regime:0") to compare shares.</param>
/// <param name="Headline">A headline count: must be met within ±10 % (the calibration test checks these).</param>
public sealed record Target([property: Identifier] string Id, string Description, string Metric, string Group,
    [property: Range(0.0, 1e9, MinimumIsExclusive = true)] double Observed,
    [property: OneOf("per", "regime:0", "regime:1", "regime:2", "regime:3")] string? Per = null,
    [property: Range(0.0, 100.0, MinimumIsExclusive = true)] double Weight = 1, bool Headline = false);

/// <summary>A targets file (scenarios/targets/*.json): what was observed, when, and where it was published.</summary>
public sealed record TargetFile(string Source, string Date, List<Target> Targets)
{
    /// <summary>Reads and checks a targets file (<see cref="TargetChecks"/>); with the scenario, also its date and series.</summary>
    public static TargetFile Load(string path, LoadedScenario? scenario = null) => TargetChecks.Load(path, scenario);
}

/// <summary>The ensemble's value of a target at its date: one number per replicate.</summary>
public static class TargetMeasure
{
    public static double[] PerReplicate(RunRecorder recorder, Target target, string date)
    {
        var ctx = recorder.Context;
        var tick = Enumerable.Range(0, ctx.Calendar.Count).FirstOrDefault(t => ctx.Calendar.DateOf(t).ToString() == date, -1);
        if (tick < 0) throw new ArgumentException($"target date {date} is not a tick of the scenario ({ctx.Calendar.Start}..{ctx.Calendar.End})");
        if (!recorder.Catalog.TryGet(target.Metric, target.Group, out var series))
            throw new ArgumentException($"target '{target.Id}': no series {target.Metric}/{target.Group}");
        var denominator = target.Per is null ? 1.0 : Count(ctx.World, target.Per);
        return Enumerable.Range(0, ctx.Replicates).Select(r => recorder.Value(r, tick, series.Index) / denominator).ToArray();
    }

    /// <summary>Every target of the file against the run, if its date is a tick of the run (else none).</summary>
    public static IReadOnlyList<Results.TargetCheck> Check(RunRecorder recorder, TargetFile file)
    {
        var calendar = recorder.Context.Calendar;
        if (!Enumerable.Range(0, calendar.Count).Any(t => calendar.DateOf(t).ToString() == file.Date)) return [];
        return [.. file.Targets.Where(t => recorder.Catalog.TryGet(t.Metric, t.Group, out _)).Select(t =>
        {
            var values = PerReplicate(recorder, t, file.Date);
            Array.Sort(values);
            double Q(double p) => MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(values, p, MathNet.Numerics.Statistics.QuantileDefinition.R8);
            var k = t.Per is null ? 1 : 100; // shares of a group on screen in %
            return new Results.TargetCheck(t.Per is null ? t.Description : t.Description + " (%)", k * t.Observed, k * Q(0.5), k * Q(0.05), k * Q(0.95), t.Headline);
        })];
    }

    private static double Count(Simulation.Model.World.WorldData world, string group) =>
        group.StartsWith("regime:", StringComparison.Ordinal) && int.TryParse(group[7..], out var k)
            ? world.Countries.Count(c => c.Regime == k)
            : throw new ArgumentException($"'per' must be regime:0..3, not '{group}'");
}
