using System.Globalization;

namespace Simulation.Runner.Sweeps;

/// <summary>
/// points.csv: one line per finished point (ok or failed, with the reason), appended as each point ends. It is what
/// makes a sweep (or a sensitivity design) resumable: a re-run skips the points marked ok, and drops from the results
/// file (sweep.csv) any rows of a point that was interrupted after writing them.
/// </summary>
public sealed class SweepLedger
{
    private readonly string _points;
    private readonly string _results;

    /// <param name="resultsFile">The file a point's rows go to; every row starts with the point's number.</param>
    public SweepLedger(string directory, SweepDesign design, string resultsHeader, string resultsFile = "sweep.csv")
    {
        _points = Path.Combine(directory, "points.csv");
        _results = Path.Combine(directory, resultsFile);
        Finished = File.Exists(_points)
            ? File.ReadLines(_points).Skip(1).Select(l => l.Split(',')).Where(f => f.Length > 2 && f[^2] == "ok").Select(f => int.Parse(f[0], CultureInfo.InvariantCulture)).ToHashSet()
            : [];
        if (!File.Exists(_points))
            File.WriteAllText(_points, "point," + string.Join(",", design.Parameters.Select(p => p.Column)) + ",status,seconds\n");
        if (!File.Exists(_results)) File.WriteAllText(_results, resultsHeader + "\n");
        else KeepFinishedRows();
    }

    public IReadOnlySet<int> Finished { get; }

    /// <summary>Appends a point's rows to sweep.csv in one write, then marks it in points.csv.</summary>
    public void Complete(int point, double[] values, string rows, double seconds)
    {
        File.AppendAllText(_results, rows);
        Mark(point, values, "ok", seconds);
    }

    public void Fail(int point, double[] values, string reason, double seconds) =>
        Mark(point, values, "\"failed: " + reason.Replace("\"", "'").ReplaceLineEndings(" ") + "\"", seconds);

    private void Mark(int point, double[] values, string status, double seconds) =>
        File.AppendAllText(_points, string.Create(CultureInfo.InvariantCulture,
            $"{point},{string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))},{status},{seconds:0.###}\n"));

    private void KeepFinishedRows()
    {
        var lines = File.ReadAllLines(_results);
        var kept = lines.Take(1).Concat(lines.Skip(1).Where(l => Finished.Contains(int.Parse(l[..l.IndexOf(',')], CultureInfo.InvariantCulture))));
        File.WriteAllLines(_results, kept);
    }
}
