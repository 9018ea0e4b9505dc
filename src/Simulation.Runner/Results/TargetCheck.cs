namespace Simulation.Runner.Results;

/// <summary>A published fact against this run: the observed value and the ensemble's median and 5–95 % range at its date.</summary>
/// <param name="IsCount">A count of countries (whole values show without a decimal); otherwise a share in %.</param>
public sealed record TargetCheck(string Description, double Observed, double Median, double P05, double P95, bool Headline, bool IsCount)
{
    /// <summary>The calibration's criterion (docs/model.md §6.1): the median within ±10 % of the observed value.</summary>
    public bool Met => Observed != 0 && Math.Abs(Median / Observed - 1) <= 0.10;
}
