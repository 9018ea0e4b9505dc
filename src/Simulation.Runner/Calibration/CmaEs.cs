using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace Simulation.Runner.Calibration;

/// <summary>
/// CMA-ES, the covariance matrix adaptation evolution strategy (Hansen, "The CMA Evolution Strategy: A Tutorial",
/// arXiv:1604.00772, 2016; default constants of its Table 1), with restarts: when a run has converged it starts again
/// from the best point with the first step size and twice the population, which samples a rugged surface more widely
/// (the population doubling of IPOP, Auger &amp; Hansen, CEC 2005, which restarts from random points instead). Unlike a simplex it learns the correlations between parameters (the
/// adoption terms trade off against each other) from whole populations, so one unlucky point does not steer it.
/// Minimises <paramref name="loss"/> on an unbounded scale until it has spent <paramref name="budget"/> evaluations.
/// No MathNet or other well-kept .NET package offers it (MathNet has Nelder–Mead, BFGS and other local methods).
/// </summary>
public static class CmaEs
{
    /// <summary>The best point found; <paramref name="start"/> itself is not evaluated (the caller knows its loss).</summary>
    public static (double[] Point, double Loss) Minimise(Func<double[], double> loss, double[] start, double sigma0, int budget, ulong seed)
    {
        var n = start.Length;
        var random = new Xoshiro256StarStar(unchecked((int)(seed ^ (seed >> 32))));
        var best = (Point: start, Loss: double.PositiveInfinity);
        var evaluations = 0;
        double Evaluate(double[] x)
        {
            evaluations++;
            var f = loss(x);
            if (double.IsNaN(f)) f = double.PositiveInfinity; // never ranked best
            if (f < best.Loss) best = (x, f);
            return f;
        }
        for (var lambda = 4 + (int)(3 * Math.Log(n)); evaluations < budget; lambda *= 2)
            Run(Vector<double>.Build.DenseOfArray(best.Point), sigma0, lambda);
        return best;

        void Run(Vector<double> mean, double sigma, int lambda)
        {
            var mu = lambda / 2;
            var weights = Vector<double>.Build.Dense(mu, i => Math.Log((lambda + 1) / 2.0) - Math.Log(i + 1));
            weights /= weights.Sum();
            var muEff = 1 / weights.PointwisePower(2).Sum();
            var cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
            var cs = (muEff + 2) / (n + muEff + 5);
            var c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
            var cmu = Math.Min(1 - c1, 2 * (0.25 + muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
            var damps = 1 + 2 * Math.Max(0, Math.Sqrt((muEff - 1) / (n + 1)) - 1) + cs;
            var chiN = Math.Sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21 * n * n));
            var pc = Vector<double>.Build.Dense(n);
            var ps = Vector<double>.Build.Dense(n);
            var c = Matrix<double>.Build.DenseIdentity(n);
            var history = new Queue<double>();
            var window = 10 + (int)Math.Ceiling(30.0 * n / lambda); // the tutorial's TolHistFun window, in generations
            for (var generation = 0; evaluations < budget; generation++)
            {
                var eigen = c.Evd(Symmetricity.Symmetric);
                var b = eigen.EigenVectors;
                var d = eigen.EigenValues.Real().PointwiseMaximum(1e-20).PointwiseSqrt();
                var population = Enumerable.Range(0, lambda).Select(_ =>
                {
                    var y = b * d.PointwiseMultiply(Vector<double>.Build.Dense(n, _ => Normal.Sample(random, 0, 1)));
                    var x = mean + sigma * y;
                    return (X: x, Y: y, F: evaluations < budget ? Evaluate([.. x]) : double.PositiveInfinity);
                }).OrderBy(p => p.F).Take(mu).ToArray();
                if (double.IsPositiveInfinity(population[0].F)) return;

                var yw = Vector<double>.Build.Dense(n);
                for (var i = 0; i < mu; i++) yw += weights[i] * population[i].Y;
                mean += sigma * yw;
                var inverseRoot = b * Matrix<double>.Build.DiagonalOfDiagonalVector(d.Map(v => 1 / v)) * b.Transpose();
                ps = (1 - cs) * ps + Math.Sqrt(cs * (2 - cs) * muEff) * (inverseRoot * yw);
                var hsig = ps.L2Norm() / Math.Sqrt(1 - Math.Pow(1 - cs, 2 * (generation + 1))) / chiN < 1.4 + 2.0 / (n + 1) ? 1.0 : 0.0;
                pc = (1 - cc) * pc + hsig * Math.Sqrt(cc * (2 - cc) * muEff) * yw;
                var rankMu = Matrix<double>.Build.Dense(n, n);
                for (var i = 0; i < mu; i++) rankMu += weights[i] * population[i].Y.OuterProduct(population[i].Y);
                c = (1 - c1 - cmu) * c + c1 * (pc.OuterProduct(pc) + (1 - hsig) * cc * (2 - cc) * c) + cmu * rankMu;
                c = (c + c.Transpose()) / 2;
                sigma *= Math.Exp(cs / damps * (ps.L2Norm() / chiN - 1));

                // Converged (or stuck on a flat stretch): hand over to a restart.
                history.Enqueue(population[0].F);
                if (history.Count > window) history.Dequeue();
                var flat = history.Count == window && history.Max() - history.Min() < FlatLoss;
                var small = sigma * Math.Sqrt(c.Diagonal().Maximum()) < SmallestStep;
                if (flat || small || d.Maximum() > 1e7 * d.Minimum()) return;
            }
        }
    }

    /// <summary>Steps below this on the logistic scale are within the noise of a median of replicates.</summary>
    private const double SmallestStep = 0.01;
    /// <summary>Best losses of recent generations closer than this: no progress to be had at this population size.</summary>
    private const double FlatLoss = 1e-6;
}
