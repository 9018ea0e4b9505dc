namespace Simulation.Runner.Results;

/// <summary>How an observed number constrains the model: a value to match, or a bound the model must not cross.</summary>
public enum TargetBound { Value, AtLeast, AtMost }

/// <summary>
/// The one criterion for "met" (docs/model.md §6.1), shared by `calibrate`, the loss and every report: a count within
/// ±10 % of the observed value, a share within ±8 percentage points. A bound is met on its own side and within the
/// tolerance on the other: a published figure that can only be compared with the model as a bound (the data at hand
/// measure it on another basis) constrains one side only.
/// </summary>
public static class Tolerance
{
    public const double CountRelative = 0.10;
    public const double SharePoints = 0.08;

    /// <summary>The model's error in tolerances (shares as fractions); for a bound, only the error on its wrong side.</summary>
    public static double Scaled(double model, double observed, bool share, TargetBound bound)
    {
        if (!share && observed == 0) throw new ArgumentOutOfRangeException(nameof(observed), "a count target needs an observed value above 0 (its tolerance is relative)");
        var error = share ? (model - observed) / SharePoints : (model - observed) / observed / CountRelative;
        return bound switch
        {
            TargetBound.AtLeast => Math.Min(0, error),
            TargetBound.AtMost => Math.Max(0, error),
            _ => error,
        };
    }

    /// <summary>Within tolerance (a hair of rounding allowed: 0.33 against 0.41 is met).</summary>
    public static bool Met(double model, double observed, bool share, TargetBound bound) =>
        (share || observed != 0) && Math.Abs(Scaled(model, observed, share, bound)) <= 1 + 1e-9;

    /// <summary>The error as a report shows it: percentage points for a share, per cent for a count.</summary>
    public static string ShowError(double model, double observed, bool share) => share
        ? (100 * (model - observed)).ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture) + " pp"
        : (100 * (model - observed) / observed).ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture) + " %";

    /// <summary>How a report shows the observed value: "57.1", "≥ 57.1" or "≤ 57.1".</summary>
    public static string Show(string observed, TargetBound bound) => bound switch
    {
        TargetBound.AtLeast => "≥ " + observed,
        TargetBound.AtMost => "≤ " + observed,
        _ => observed,
    };
}
