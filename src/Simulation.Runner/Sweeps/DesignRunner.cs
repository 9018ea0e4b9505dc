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

    /// <summary>
    /// A fresh folder, or the same design's folder to resume (its description file matches); a folder holding another
    /// design only with --force.
    /// </summary>
    /// <param name="inputs">Files the command reads: the folder may never hold one of them.</param>
    /// <param name="command">The command writing the folder, recorded in its marker file.</param>
    public static void PrepareFolder(string directory, string descriptionFile, string description, bool force, IEnumerable<string> inputs,
        string command)
    {
        var designFile = Path.Combine(directory, descriptionFile);
        if (File.Exists(directory)) throw new OutputExistsException(directory, isFile: true);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            var same = File.Exists(designFile) && File.ReadAllText(designFile) == description;
            if (!same && !force) throw new OutputExistsException(directory);
            OutputSafety.CheckReplaceable(directory, inputs); // also when resuming: a design never writes among its inputs
            if (!same) Directory.Delete(directory, true);
        }
        else OutputSafety.CheckReplaceable(directory, inputs);
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "points"));
            File.WriteAllText(designFile, description);
            OutputSafety.WriteMarker(directory, command);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OutputNotWritableException(directory, e.Message);
        }
    }
}
