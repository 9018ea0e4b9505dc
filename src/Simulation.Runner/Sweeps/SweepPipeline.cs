using System.Globalization;
using System.Text;
using System.Text.Json;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Plots;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Runner.Sweeps;

/// <summary>The ensemble statistics of one outcome at the horizon for one point: what the sweep plots show.</summary>
public sealed record HorizonPoint(int Point, double[] Values, Outcome Outcome, double P05, double P50, double P95);

/// <summary>
/// sweep: one scenario over a grid or Latin hypercube of parameter values. Each point is the loaded scenario with the
/// point's values, validated in memory by the file rules (<see cref="LoadedScenario.With"/>), recorded as a scenario
/// file (points/point-NNNN.json), run, summarised at year ends into sweep.csv and then dropped, so memory stays flat
/// however many points there are. A failed point is recorded and the sweep goes on; re-running resumes.
/// </summary>
public static class SweepPipeline
{
    public static async Task<string> RunAsync(string scenarioPath, IReadOnlyList<SweepParameter> parameters, int? lhs, RunOptions options,
        CancellationToken cancel = default)
    {
        var scenario = ScenarioLoader.Load(scenarioPath);
        var seed = options.Seed ?? scenario.Scenario.Seed;
        var replicates = options.Replicates ?? scenario.Scenario.Replicates;
        // A wrong --set path fails now, before anything is written.
        try { scenario.ValuesAt(parameters.Select(p => p.Path)); }
        catch (ArgumentException e) { throw new ArgumentException("--set " + e.Message, e); }
        var resolved = scenario.Editable(parameters.Select(p => p.Path));
        var design = lhs is { } n
            ? SweepDesign.LatinHypercube(parameters, n, seed, path => ScenarioPaths.IsWholeNumber(resolved, path))
            : SweepDesign.Grid(parameters);
        CheckPoints(scenario, design, cancel);

        // One engine (or cluster connection) for every point: an embedded silo or joining a cluster takes seconds. Made
        // before the folder, so a cluster that cannot be reached leaves nothing behind.
        await using var simulator = await EnsembleSimulator.CreateAsync(options, cancel);
        var directory = Path.GetFullPath(options.Out ?? Path.Combine("out", OutputFolder.SafeName(scenario.Scenario.Name) + "-sweep"));
        using var folder = PrepareFolder(directory, design, replicates, seed, scenario.Hash, options.Force, scenario.Inputs);
        var header = "point," + string.Join(",", parameters.Select(p => p.Column)) + ",date,metric,group,mean,p05,p50,p95,replicates";
        var ledger = new SweepLedger(directory, design, header);
        var horizon = new List<HorizonPoint>();
        var ticks = scenario.Calendar.Count;

        await DesignRunner.RunAsync(design, ledger, ticks, async (i, progress, token) =>
        {
            var point = scenario.With(design.Values(i));
            PointRecord.Write(Path.Combine(directory, "points", $"point-{i:D4}.json"), point, replicates, seed);
            var run = await RunPipeline.ExecuteAsync(point, replicates, seed, options, token, progress, simulator);
            horizon.AddRange(AtHorizon(i, design.Points[i], run));
            return Rows(i, design.Points[i], run);
        }, cancel);
        horizon.AddRange(ReadHorizon(directory, design, ledger.Finished));
        SweepReport.Write(directory, scenario, design, replicates, seed, horizon);
        folder.Finished();
        return directory;
    }

    /// <summary>Every point must make a valid scenario (a range, a sign, one date before another): an invalid --set value
    /// is bad input, refused now and naming the option, rather than points failing after the folder is written.</summary>
    private static void CheckPoints(LoadedScenario scenario, SweepDesign design, CancellationToken cancel)
    {
        var invalid = 0;
        string? first = null;
        for (var i = 0; i < design.Points.Count; i++)
        {
            cancel.ThrowIfCancellationRequested(); // a large design takes a while to check
            try { scenario.With(design.Values(i)); }
            catch (ScenarioException e)
            {
                invalid++;
                if (first != null) continue;
                // The problem is located in the file that last set the field, but the value came from the command line:
                // name the point and the field, not the copy.
                var problem = e.Problems[0];
                var why = problem.Message;
                if (why.LastIndexOf(" (in a copy of ", StringComparison.Ordinal) is var copy and >= 0) why = why[..copy];
                var point = string.Join(" ", design.Parameters.Select((p, j) => string.Create(CultureInfo.InvariantCulture, $"{p.Column}={design.Points[i][j]:R}")));
                first = $"--set {point}: {problem.Path}: {why}";
            }
        }
        if (first != null)
            throw new ArgumentException(invalid == 1 ? first : $"{first} (and {invalid - 1} more of the {design.Points.Count} points are invalid)");
    }

    private static DesignFolder PrepareFolder(string directory, SweepDesign design, int replicates, ulong seed, string scenarioHash, bool force,
        IEnumerable<string> inputs) =>
        DesignFolder.Prepare(directory, "sweep.json", JsonSerializer.Serialize(new
        {
            kind = design.Kind, parameters = design.Parameters.Select(p => new { path = p.Path, values = p.Values }),
            points = design.Points, replicates, seed, scenario = scenarioHash, // an edited scenario is another sweep
        }, new JsonSerializerOptions { WriteIndented = true }), force, inputs, "sweep");

    /// <summary>The point's ensemble summary at every year end, as sweep.csv rows.</summary>
    private static string Rows(int point, double[] values, ScenarioRun run)
    {
        var text = new StringBuilder();
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{point},{string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}");
        foreach (var tick in run.Result.YearEnds)
        {
            var date = run.Summary.Dates[tick].ToString();
            foreach (var b in run.Summary.Order)
                text.Append(string.Create(CultureInfo.InvariantCulture,
                    $"{prefix},{date},{b.Metric},{b.Group},{b.Mean[tick]:R},{b.P05[tick]:R},{b.P50[tick]:R},{b.P95[tick]:R},{run.Replicates}\n"));
        }
        return text.ToString();
    }

    private static IEnumerable<HorizonPoint> AtHorizon(int point, double[] values, ScenarioRun run)
    {
        var t = run.Result.YearEnds[^1];
        return Outcome.Main.Select(o =>
        {
            var b = run.Summary.Band(o.Metric, o.Group);
            return new HorizonPoint(point, values, o, b.P05[t] * o.Scale, b.P50[t] * o.Scale, b.P95[t] * o.Scale);
        });
    }

    /// <summary>Points finished in an earlier, interrupted run: their horizon statistics come back from sweep.csv.</summary>
    private static IEnumerable<HorizonPoint> ReadHorizon(string directory, SweepDesign design, IReadOnlySet<int> earlier)
    {
        if (earlier.Count == 0) yield break;
        var k = design.Parameters.Count;
        var rows = File.ReadLines(Path.Combine(directory, "sweep.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => earlier.Contains(int.Parse(f[0], CultureInfo.InvariantCulture))).ToArray();
        var lastDate = rows.Select(f => f[k + 1]).Max(StringComparer.Ordinal);
        foreach (var f in rows.Where(f => f[k + 1] == lastDate))
            foreach (var o in Outcome.Main.Where(o => o.Metric == f[k + 2] && o.Group == f[k + 3]))
            {
                double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture) * o.Scale;
                yield return new HorizonPoint(int.Parse(f[0], CultureInfo.InvariantCulture), design.Points[int.Parse(f[0], CultureInfo.InvariantCulture)],
                    o, D(k + 5), D(k + 6), D(k + 7));
            }
    }
}

/// <summary>Progress across a whole sweep: points × ticks, with ETA on a terminal, a line per point otherwise.</summary>
public sealed class SweepProgress(int points, int ticks, Action<double> report)
{
    private int _done;

    public IProgress<int> ForPoint(int point) => new Progress<int>(t => report((_done * (double)ticks + t) / (points * (double)ticks)));

    public void PointDone()
    {
        _done++;
        report(_done / (double)points);
    }

    public static async Task TrackAsync(int points, int ticks, int alreadyDone, Func<SweepProgress, Task> work, string label = "sweep")
    {
        if (alreadyDone > 0) Console.WriteLine($"Resuming: {alreadyDone} of {points} points already finished.");
        if (ConsoleProgress.Live)
        {
            await ConsoleProgress.BarAsync($"{label} ({points} points × {ticks} ticks)", 1.0, async task =>
            {
                await work(new SweepProgress(points, ticks, f => task.Value = f));
                return true;
            });
            return;
        }
        var lastPoint = -1;
        await work(new SweepProgress(points, ticks, f =>
        {
            var point = (int)Math.Floor(f * points);
            if (point == lastPoint || Math.Abs(f * points - point) > 1e-9) return;
            lastPoint = point;
            Console.WriteLine($"  {label}: {point}/{points} points");
        }));
    }
}
