namespace Simulation.Runner.Results;

/// <summary>A published fact against this run: the observed value and the ensemble's median and 5–95 % range at its date.</summary>
/// <param name="IsCount">A count of countries (whole values show without a decimal); otherwise a share in %.</param>
/// <param name="Bound">Whether the observed value is a value to match or a bound (<see cref="Tolerance"/>).</param>
public sealed record TargetCheck(string Description, double Observed, double Median, double P05, double P95, bool Headline, bool IsCount,
    TargetBound Bound = TargetBound.Value)
{
    /// <summary>The calibration's criterion (<see cref="Tolerance"/>): ±10 % of a count, ±8 percentage points of a share (shown in %).</summary>
    public bool Met => IsCount ? Tolerance.Met(Median, Observed, false, Bound) : Tolerance.Met(Median / 100, Observed / 100, true, Bound);
}
