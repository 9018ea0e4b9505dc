using System.Globalization;
using Simulation.Model.Randomness;
using Simulation.Scenarios;

namespace Simulation.Runner.Sweeps;

/// <summary>One swept field: its JSON path (as the validator prints it) and the values given with --set.</summary>
public sealed record SweepParameter(string Path, double[] Values)
{
    /// <summary>Parses "$.parameters.adoption.innovation=0.002,0.004" (the "$." may be left out).</summary>
    public static SweepParameter Parse(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"--set '{text}': expected <json.path>=v1,v2,..., e.g. parameters.adoption.innovation=0.002,0.004");
        var path = ScenarioPaths.Normalise(text[..eq].Trim());
        if (path is "$.seed" or "$.replicates")
            throw new ArgumentException($"--set {path}: every point of a sweep uses the same {path[2..]} (use --{path[2..]}); sweep model fields instead");
        var entries = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (entries.Length > 1 && entries.Any(v => v.Length == 0))
            throw new ArgumentException($"--set {path}: an empty value between commas in '{text[(eq + 1)..]}'; give each value once, e.g. {path[2..]}=0.002,0.004");
        var values = entries.Where(v => v.Length > 0)
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d
                : throw new ArgumentException($"--set {path}: '{v}' is not a finite number")).ToArray();
        if (values.Length == 0) throw new ArgumentException($"--set {path}: no values given");
        return new SweepParameter(path, values);
    }

    /// <summary>The column name in sweep.csv: the path without "$." .</summary>
    public string Column => Path[2..];
}

/// <summary>A sweep's points: the full grid of the --set values, or a Latin hypercube over their ranges.</summary>
public sealed record SweepDesign(IReadOnlyList<SweepParameter> Parameters, IReadOnlyList<double[]> Points, string Kind)
{
    /// <summary>The most points a sweep may have, grid or Latin hypercube (--lhs has the same cap).</summary>
    public const int MaxPoints = 10_000;

    /// <summary>Each path once: the same path twice would be two columns of one parameter, and only one could apply.</summary>
    private static void CheckDistinct(IReadOnlyList<SweepParameter> parameters)
    {
        var repeated = parameters.GroupBy(p => p.Path).FirstOrDefault(g => g.Count() > 1);
        if (repeated != null)
            throw new ArgumentException($"--set {repeated.Key} is given {repeated.Count()} times; give each path once with all its values, e.g. --set {repeated.Key[2..]}=v1,v2,v3");
    }

    public static SweepDesign Grid(IReadOnlyList<SweepParameter> parameters)
    {
        CheckDistinct(parameters);
        var size = parameters.Aggregate(1.0, (n, p) => n * p.Values.Length);
        if (size > MaxPoints)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--set: the grid has {size:N0} points ({string.Join(" × ", parameters.Select(p => p.Values.Length))}); at most {MaxPoints:N0} are run. Give fewer values, or use --lhs N for N points over the same ranges"));
        IEnumerable<double[]> points = [[]];
        foreach (var p in parameters) points = points.SelectMany(prefix => p.Values.Select(v => (double[])[.. prefix, v]));
        return new SweepDesign(parameters, points.ToArray(), "grid");
    }

    /// <summary>
    /// Latin hypercube: each parameter's range [min, max] of its --set values is cut into n strata, each stratum is
    /// used once per parameter, in an order shuffled by a stream of the sweep's seed (so the design is reproducible).
    /// Paths <paramref name="wholeNumber"/> names are rounded to whole numbers.
    /// </summary>
    public static SweepDesign LatinHypercube(IReadOnlyList<SweepParameter> parameters, int n, ulong seed, Func<string, bool>? wholeNumber = null)
    {
        CheckDistinct(parameters);
        var columns = parameters.Select((p, j) =>
        {
            if (p.Values.Length < 2 || p.Values.Min() == p.Values.Max())
                throw new ArgumentException($"--set {p.Path}: a Latin hypercube needs a range: give at least two different values");
            if (!double.IsFinite(p.Values.Max() - p.Values.Min()))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"--set {p.Path}: the range {p.Values.Min():R} to {p.Values.Max():R} is too wide to sample; give bounds the field can take"));
            var rng = Streams.For(seed, 0, Streams.AgentKey("sweep/" + p.Path), 0, Phase.VendorChoice, (ulong)j);
            var order = Enumerable.Range(0, n).ToArray();
            for (var i = n - 1; i > 0; i--)
            {
                var k = (int)(rng.NextDouble() * (i + 1));
                (order[i], order[k]) = (order[k], order[i]);
            }
            var (lo, hi) = (p.Values.Min(), p.Values.Max());
            // A whole-number field (months) is sampled at whole numbers: its range must have whole ends and hold a
            // whole number for every point, else rounding would repeat points or leave the range.
            var whole = wholeNumber?.Invoke(p.Path) == true;
            if (whole && (lo != Math.Round(lo) || hi != Math.Round(hi)))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"--set {p.Path}: the field is a whole number; give whole-number ends of its range, not {(lo != Math.Round(lo) ? lo : hi):R}"));
            if (whole && hi - lo + 1 < n)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"--set {p.Path}: {lo:R} to {hi:R} holds {hi - lo + 1:R} whole numbers, fewer than the {n} points of --lhs; give them as a grid (without --lhs) or ask for fewer points"));
            // Whole numbers: the strata cut [lo − ½, hi + ½), each whole number's share of the range, and a point is rounded.
            return order.Select(stratum => whole
                ? Math.Clamp(Math.Round(lo - 0.5 + (stratum + rng.NextDouble()) / n * (hi - lo + 1)), lo, hi)
                : lo + (stratum + rng.NextDouble()) / n * (hi - lo)).ToArray();
        }).ToArray();
        return new SweepDesign(parameters, Enumerable.Range(0, n).Select(i => columns.Select(c => c[i]).ToArray()).ToArray(), $"latin hypercube ({n} points)");
    }

    /// <summary>This point's value of each parameter, by JSON path, as <see cref="LoadedScenario.With"/> takes them.</summary>
    public IEnumerable<(string Path, double Value)> Values(int point) => Parameters.Select((p, j) => (p.Path, Points[point][j]));
}
