using Simulation.Runner.Results;
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
        Directory = directory;
        _points = Path.Combine(directory, "points.csv");
        _results = Path.Combine(directory, resultsFile);
        var pointsHeader = "point," + string.Join(",", design.Parameters.Select(p => p.Column)) + ",status,seconds";
        // A run killed mid-write leaves a torn last line in either file: keep only whole lines, so the next append
        // starts on a line of its own and the torn point simply runs again.
        // A line that is not a point's mark (an edit by hand, a file from elsewhere) is dropped: that point runs again.
        var k = design.Parameters.Count;
        bool IsMark(string line) => line.Split(',', k + 2) is var f && f.Length == k + 2 && f[^1].Contains(',')
            && int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p < design.Points.Count;
        var kept = WholeLines(_points, pointsHeader);
        if (kept.Skip(1).Any(l => !IsMark(l)))
            File.WriteAllText(_points, string.Join("\n", kept.Take(1).Concat(kept.Skip(1).Where(IsMark))) + "\n");
        var marks = kept.Skip(1).Where(IsMark).Select(l => l.Split(',')).Where(f => f.Length > 2 && f[^2] == "ok").ToList();
        Finished = marks.Select(f => int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1)
            .Where(p => p >= 0 && p < design.Points.Count).ToHashSet();
        var columns = resultsHeader.Split(',').Length;
        var rows = WholeLines(_results, resultsHeader);
        File.WriteAllLines(_results, rows.Take(1).Concat(rows.Skip(1).Where(l => l.Split(',').Length == columns
            && int.TryParse(l[..l.IndexOf(',')], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && Finished.Contains(p))));
        OutputSafety.Claim(directory, _points, _results);
    }

    /// <summary>The file's complete lines (a last line without its newline is torn), rewritten; a new file gets the header.</summary>
    private static List<string> WholeLines(string path, string header)
    {
        if (!File.Exists(path))
        {
            File.WriteAllText(path, header + "\n");
            return [header];
        }
        var text = File.ReadAllText(path);
        var end = text.LastIndexOf('\n');
        var lines = end < 0 ? [header] : text[..end].Split('\n').ToList();
        if (lines.Count == 0 || lines[0] != header) lines.Insert(0, header);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return lines;
    }

    public IReadOnlySet<int> Finished { get; }

    /// <summary>The folder the design's files are in.</summary>
    public string Directory { get; }

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
}
