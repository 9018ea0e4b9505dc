using MathNet.Numerics.Statistics;

namespace Simulation.Runner.Results;

/// <summary>
/// How the replicates of one value spread: mean, median and the 5–95 % band. Every band of the outputs (summaries,
/// paired differences, calibration fits) comes from here, so they all use MathNet's R-8 quantiles (median-unbiased).
/// </summary>
public readonly record struct Spread(double Mean, double P05, double P50, double P95)
{
    /// <summary>The spread of <paramref name="sample"/>, which is sorted in place (the mean is taken first, in replicate order).</summary>
    public static Spread Of(double[] sample)
    {
        var mean = sample.Mean();
        Array.Sort(sample);
        return new Spread(mean, Quantile(sample, 0.05), Quantile(sample, 0.50), Quantile(sample, 0.95));
    }

    private static double Quantile(double[] sorted, double tau) => SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R8);
}
