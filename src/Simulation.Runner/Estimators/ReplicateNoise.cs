using MathNet.Numerics.Statistics;

namespace Simulation.Runner.Estimators;

/// <summary>
/// How much of an outcome's variance the random streams, not the parameters, account for. Every design point is an
/// ensemble of R replicates; the law of total variance splits the variance of single replicates into the variance of
/// the point means (parameters, plus a little noise) and the mean variance within points (noise only).
/// </summary>
public static class ReplicateNoise
{
    /// <param name="means">Each point's mean over its replicates.</param>
    /// <param name="variances">Each point's variance over its replicates (n − 1 denominator).</param>
    /// <returns>
    /// The share of the variance of one replicate's outcome across the design that is within-point noise. (The noise
    /// left in the point means is not Var_within / R here: every point uses the same streams, so their noise is
    /// correlated and largely cancels in the differences the indices use; Morris.NoiseFloor measures that directly.)
    /// </returns>
    public static double Share(IReadOnlyList<double> means, IReadOnlyList<double> variances, int replicates)
    {
        var ok = Enumerable.Range(0, means.Count).Where(i => double.IsFinite(means[i]) && double.IsFinite(variances[i])).ToArray();
        if (ok.Length < 2) return double.NaN;
        var within = ok.Average(i => variances[i]);
        var between = ok.Select(i => means[i]).Variance();
        // Var(means) ≈ Var(E[Y|x]) + within / R, so Var(Y) = Var(E[Y|x]) + within ≈ between + within (1 − 1/R).
        var total = between + within * (replicates - 1.0) / replicates;
        return total > 0 ? Math.Min(1, within / total) : 0;
    }
}
