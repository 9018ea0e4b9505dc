using System.Diagnostics;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Runner.Sweeps;

/// <summary>Simulates one design point and returns its rows for the results file (the ledger appends them).</summary>
public delegate Task<string> PointEvaluator(int point, IProgress<int> ticks, CancellationToken cancel);

/// <summary>
/// Runs the points of a design (sweep, sensitivity) one after another into a folder, through a ledger: finished points
/// are skipped on a re-run, a failed point is recorded and the design goes on, and each point's rows are appended as it
/// ends, so memory stays flat. With --cluster the evaluator spreads each point's ensemble over the silos; points are
/// independent given the seed, so running several at once would also be possible, at the cost of ordering the ledger.
/// </summary>
public static class DesignRunner
{
    public static async Task RunAsync(SweepDesign design, SweepLedger ledger, int ticksPerPoint, PointEvaluator evaluate, CancellationToken cancel,
        string label = "sweep")
    {
        var finished = ledger.Finished.Count;
        try
        {
            await SweepProgress.TrackAsync(design.Points.Count, ticksPerPoint, ledger.Finished.Count, async progress =>
            {
                for (var i = 0; i < design.Points.Count; i++)
                {
                    if (ledger.Finished.Contains(i)) continue;
                    cancel.ThrowIfCancellationRequested();
                    var clock = Stopwatch.StartNew();
                    try
                    {
                        ledger.Complete(i, design.Points[i], await evaluate(i, progress.ForPoint(i), cancel), clock.Elapsed.TotalSeconds);
                        finished++;
                    }
                    catch (Exception e) when (e is ScenarioException or ArgumentException or InvalidOperationException)
                    {
                        ledger.Fail(i, design.Points[i], e.Message, clock.Elapsed.TotalSeconds);
                        Console.Error.WriteLine($"  point {i} failed: {e.Message}");
                    }
                    progress.PointDone();
                }
            }, label);
        }
        catch (OperationCanceledException e) when (cancel.IsCancellationRequested)
        {
            throw new InterruptedWithResults(
                $"{finished} of {design.Points.Count} points are finished and kept in {ledger.Directory}; run the same command again to resume", e);
        }
    }
}
