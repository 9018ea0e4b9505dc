using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace Simulation.Runner.Estimators;

/// <summary>μ*, μ and σ of one factor's elementary effects, with a bootstrap interval for μ* and σ.</summary>
public sealed record MorrisIndex(int Factor, double MuStar, double Mu, double Sigma, Interval MuStarCi, Interval SigmaCi, int Effects);

/// <summary>
/// Morris elementary-effects screening (Morris 1991, Technometrics 33(2):161–174) with μ* = mean |EE| (Campolongo,
/// Cariboni & Saltelli 2007, Environmental Modelling & Software 22(10):1509–1518). Factors live on the unit cube; an
/// elementary effect is Δy / Δx in those units, so μ* reads as "the outcome moves by about this much when the factor
/// goes across its whole range".
/// </summary>
public static class Morris
{
    /// <summary>
    /// r trajectories of k+1 points each on a p-level grid (p even, Δ = p / (2(p − 1))): from a random base point,
    /// each factor in random order moves once by ±Δ (up from the lower half of the grid, down from the upper).
    /// Point t·(k+1)+s is step s of trajectory t.
    /// </summary>
    public static double[][] Trajectories(int k, int r, int levels, int seed)
    {
        if (k < 1 || r < 2 || levels < 2 || levels % 2 != 0) throw new ArgumentException("Morris design needs k ≥ 1, r ≥ 2 and an even number of levels");
        var rng = new Xoshiro256StarStar(seed, threadSafe: false);
        var delta = Delta(levels);
        var points = new List<double[]>(r * (k + 1));
        for (var t = 0; t < r; t++)
        {
            var x = Enumerable.Range(0, k).Select(_ => rng.Next(levels) / (double)(levels - 1)).ToArray();
            points.Add((double[])x.Clone());
            foreach (var i in MathNet.Numerics.Combinatorics.GeneratePermutation(k, rng))
            {
                x[i] += x[i] + delta <= 1 + 1e-12 ? delta : -delta;
                points.Add((double[])x.Clone());
            }
        }
        return [.. points];
    }

    public static double Delta(int levels) => levels / (2.0 * (levels - 1));

    /// <summary>
    /// The indices from the design's points (in design units: the changed coordinate may differ from ±Δ after the
    /// caller rounded an integer factor) and outputs; NaN outputs (failed points) drop the effects that need them.
    /// </summary>
    public static MorrisIndex[] Estimate(double[][] points, double[] y, int k, int bootstrap = 1000, int seed = 1)
    {
        var r = points.Length / (k + 1);
        var effects = new double[k][]; // [factor][trajectory], NaN when missing
        for (var i = 0; i < k; i++) effects[i] = Enumerable.Repeat(double.NaN, r).ToArray();
        for (var t = 0; t < r; t++)
            for (var s = 0; s < k; s++)
            {
                int a = t * (k + 1) + s, b = a + 1;
                var factor = Enumerable.Range(0, k).FirstOrDefault(i => points[a][i] != points[b][i], -1);
                if (factor < 0) continue; // the caller's rounding left this step in place
                var dx = points[b][factor] - points[a][factor];
                effects[factor][t] = (y[b] - y[a]) / dx;
            }
        var rng = new Xoshiro256StarStar(seed, threadSafe: false);
        var resamples = Enumerable.Range(0, bootstrap).Select(_ => Enumerable.Range(0, r).Select(_ => rng.Next(r)).ToArray()).ToArray();
        return Enumerable.Range(0, k).Select(i =>
        {
            var ee = effects[i];
            var valid = ee.Where(double.IsFinite).ToArray();
            var (muStar, mu, sigma) = Moments(valid);
            var boot = resamples.Select(idx => Moments(idx.Select(j => ee[j]).Where(double.IsFinite).ToArray())).ToArray();
            return new MorrisIndex(i, muStar, mu, sigma,
                Interval.Percentile(boot.Select(b => b.MuStar)), Interval.Percentile(boot.Select(b => b.Sigma)), valid.Length);
        }).ToArray();
    }

    /// <summary>
    /// The μ* that replicate noise alone would give. With the outputs of every replicate at every point, each
    /// elementary effect is also a mean of per-replicate effects (replicate r of both points shares its random
    /// streams), whose standard error measures that effect's noise; a pure-noise effect N(0, se²) has mean absolute
    /// value se·√(2/π), so the floor is √(2/π) times the root-mean-square standard error over all steps.
    /// </summary>
    public static double NoiseFloor(double[][] points, double[][] replicateOutputs, int k)
    {
        var r = points.Length / (k + 1);
        var squares = new List<double>();
        for (var t = 0; t < r; t++)
            for (var s = 0; s < k; s++)
            {
                int a = t * (k + 1) + s, b = a + 1;
                var factor = Enumerable.Range(0, k).FirstOrDefault(i => points[a][i] != points[b][i], -1);
                var (ya, yb) = (replicateOutputs[a], replicateOutputs[b]);
                if (factor < 0 || ya.Length != yb.Length || ya.Length < 2) continue;
                var dx = points[b][factor] - points[a][factor];
                var effects = ya.Zip(yb, (u, v) => (v - u) / dx).ToArray();
                if (!effects.All(double.IsFinite)) continue;
                squares.Add(effects.Variance() / effects.Length);
            }
        return squares.Count == 0 ? double.NaN : Math.Sqrt(2 / Math.PI) * Math.Sqrt(squares.Average());
    }

    private static (double MuStar, double Mu, double Sigma) Moments(double[] ee) =>
        ee.Length == 0 ? (double.NaN, double.NaN, double.NaN)
            : (ee.Select(Math.Abs).Average(), ee.Average(), ee.Length > 1 ? ee.StandardDeviation() : 0);
}
