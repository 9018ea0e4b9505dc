using Simulation.Runner.Plots;
using Simulation.Runner.Results;

namespace Simulation.Runner.Report;

/// <summary>
/// The key-outcomes table (end of 2025, end of 2030 and the horizon) that the run report, the compare report and the
/// terminal all show, in screen units (% for shares, pp for differences of shares) with one rounding.
/// </summary>
public static class KeyOutcomes
{
    /// <summary>
    /// Dates of the table: the ends of 2025 and 2030 where the run has them, and the horizon: its last tick for a single
    /// run, its last year end for a comparison (deltas.csv, which the comparison reads, holds year ends).
    /// </summary>
    public static string[] Dates(ScenarioRun run, bool lastTick = false)
    {
        var result = run.Result;
        var ends = result.YearEnds.Select(t => result.Dates[t]).ToList();
        var dates = ends.Where(d => d.Year is 2025 or 2030).ToList();
        if (lastTick) dates.Add(result.Dates[^1]);
        else if (ends.Count > 0) dates.Add(ends[^1]);
        return [.. dates.Select(d => d.ToString()).Distinct()];
    }

    public static int Tick(ScenarioRun run, string date) => Array.FindIndex(run.Summary.Dates, d => d.ToString() == date);

    /// <summary>One run: the median with its 5–95 % range across replicates, per outcome and date.</summary>
    public static (string[] Header, List<string[]> Rows) ForRun(ScenarioRun run)
    {
        var dates = Dates(run, lastTick: true);
        var rows = new List<string[]>();
        foreach (var o in Outcome.Main)
        {
            var band = run.Summary.Band(o.Metric, o.Group).Scaled(o.Scale);
            rows.Add([o.Title, o.ScreenUnit, .. dates.Select(d => Tick(run, d)).Select(t =>
                Band(band.P50[t], band.P05[t], band.P95[t], UnitDisplay.IsCount(o.Unit)))]);
        }
        return (["Outcome", "Unit", .. dates], rows);
    }

    /// <summary>"75 (55.4–89)": a median with its 5–95 % range, counts without a spurious decimal.</summary>
    public static string Band(double median, double p05, double p95, bool count) =>
        $"{UnitDisplay.Format(median, count)} ({UnitDisplay.Format(p05, count)}–{UnitDisplay.Format(p95, count)})";

    public const string RunCaption = "Median across replicates, in brackets the range holding 90 % of them (5th to 95th percentile)";
}
