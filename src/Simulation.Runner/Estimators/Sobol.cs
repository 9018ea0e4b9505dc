using MathNet.Numerics.Random;

namespace Simulation.Runner.Estimators;

/// <summary>First-order and total Sobol indices of one factor with bootstrap 95 % intervals.</summary>
public sealed record SobolIndex(int Factor, double First, double Total, Interval FirstCi, Interval TotalCi);

/// <summary>
/// Variance-based sensitivity (Sobol 1993, 2001) by the Saltelli design and the Jansen estimators, as recommended by
/// Saltelli et al. 2010, "Variance based sensitivity analysis of model output", Computer Physics Communications
/// 181(2):259–270, Table 2 (b) and (f): with matrices A and B and A_B^i (A with column i taken from B),
///   S_i  = (V − 1/(2N) Σ (f(B) − f(A_B^i))²) / V,     S_Ti = 1/(2N) Σ (f(A) − f(A_B^i))² / V,
/// V the variance of f over A and B together. Intervals: percentile bootstrap over the N rows.
/// </summary>
public static class Sobol
{
    /// <summary>
    /// The N(k+2) points on the unit cube: block 0 is A, block 1 is B, block 2+i is A_B^i; row j of every block
    /// belongs together. A and B are independent Latin hypercubes (each column stratified), which lowers the variance
    /// of the estimates against plain Monte Carlo at the same N.
    /// </summary>
    public static double[][] Saltelli(int k, int n, int seed)
    {
        if (k < 1 || n < 2) throw new ArgumentException("Sobol design needs k ≥ 1 and N ≥ 2");
        var rng = new Xoshiro256StarStar(seed, threadSafe: false);
        var a = LatinHypercube(k, n, rng);
        var b = LatinHypercube(k, n, rng);
        var points = new List<double[]>(n * (k + 2));
        points.AddRange(a);
        points.AddRange(b);
        for (var i = 0; i < k; i++)
            points.AddRange(a.Select((row, j) => { var x = (double[])row.Clone(); x[i] = b[j][i]; return x; }));
        return [.. points];
    }

    public static int PointCount(int k, int n) => n * (k + 2);

    /// <summary>The indices from the outputs in design order; rows with any NaN output (a failed point) are left out.</summary>
    public static SobolIndex[] Estimate(double[] y, int k, int bootstrap = 1000, int seed = 1)
    {
        var n = y.Length / (k + 2);
        double F(int block, int row) => y[block * n + row];
        var rows = Enumerable.Range(0, n).Where(j => Enumerable.Range(0, k + 2).All(bl => double.IsFinite(F(bl, j)))).ToArray();
        var rng = new Xoshiro256StarStar(seed, threadSafe: false);
        var resamples = Enumerable.Range(0, bootstrap).Select(_ => rows.Select(_ => rows[rng.Next(rows.Length)]).ToArray()).ToArray();
        return Enumerable.Range(0, k).Select(i =>
        {
            var (s, st) = Jansen(rows, i, F);
            var boot = resamples.Select(idx => Jansen(idx, i, F)).ToArray();
            return new SobolIndex(i, s, st, Interval.Percentile(boot.Select(x => x.First)), Interval.Percentile(boot.Select(x => x.Total)));
        }).ToArray();
    }

    private static (double First, double Total) Jansen(int[] rows, int i, Func<int, int, double> f)
    {
        if (rows.Length < 2) return (double.NaN, double.NaN);
        double sum = 0, sumSq = 0, first = 0, total = 0;
        foreach (var j in rows)
        {
            double fa = f(0, j), fb = f(1, j), fab = f(2 + i, j);
            sum += fa + fb;
            sumSq += fa * fa + fb * fb;
            first += (fb - fab) * (fb - fab);
            total += (fa - fab) * (fa - fab);
        }
        var m = 2.0 * rows.Length;
        var variance = (sumSq - sum * sum / m) / (m - 1);
        if (variance <= 0) return (0, 0); // a constant output depends on nothing
        return ((variance - first / m) / variance, total / m / variance);
    }

    private static double[][] LatinHypercube(int k, int n, Xoshiro256StarStar rng)
    {
        var rows = Enumerable.Range(0, n).Select(_ => new double[k]).ToArray();
        for (var i = 0; i < k; i++)
        {
            var strata = MathNet.Numerics.Combinatorics.GeneratePermutation(n, rng);
            for (var j = 0; j < n; j++) rows[j][i] = (strata[j] + rng.NextDouble()) / n;
        }
        return rows;
    }
}
