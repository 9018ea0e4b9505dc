namespace Simulation.Runner.Estimators;

/// <summary>A two-sided 95 % interval.</summary>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>The 2.5 % and 97.5 % percentiles of bootstrap replicates (non-finite ones ignored).</summary>
    public static Interval Percentile(IEnumerable<double> replicates)
    {
        var sorted = replicates.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return new(double.NaN, double.NaN);
        return new(MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, 0.025, MathNet.Numerics.Statistics.QuantileDefinition.R8),
            MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, 0.975, MathNet.Numerics.Statistics.QuantileDefinition.R8));
    }
}
