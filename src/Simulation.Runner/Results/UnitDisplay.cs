using Simulation.Model.Metrics;

namespace Simulation.Runner.Results;

/// <summary>
/// How the catalogue's units appear on screen (plots, report, terminal): shares as %, differences of shares as
/// percentage points (pp), everything else as written in the files.
/// </summary>
public static class UnitDisplay
{
    /// <summary>Factor from file values to screen values (100 for shares).</summary>
    public static double Scale(string unit) => unit == Units.Share ? 100 : 1;

    public static string Screen(string unit) => unit == Units.Share ? "%" : unit;

    /// <summary>Unit of a difference between two values: a difference of two percentages is in percentage points.</summary>
    public static string Difference(string unit) => unit == Units.Share ? "pp" : unit;

    /// <summary>
    /// One rounding for every table on screen: one decimal below 1000, whole numbers with thousands separators above;
    /// a true minus sign, and no "−0.0" for a value that rounds to zero.
    /// </summary>
    public static string Format(double v)
    {
        var text = Math.Abs(v).ToString(Math.Abs(v) >= 1000 ? "#,0" : "0.0", System.Globalization.CultureInfo.InvariantCulture);
        return v < 0 && text.Any(c => c is >= '1' and <= '9') ? "−" + text : text;
    }

    public static string Signed(double v) => (v >= 0 ? "+" : "−") + Format(Math.Abs(v));

    /// <summary>Units that count whole things: a whole value shows as "75", not "75.0" (a median of counts can be 74.5).</summary>
    public static bool IsCount(string unit) => unit is Units.Countries or Units.Contracts;

    /// <summary><see cref="Format(double)"/>, except that a whole value of a count shows without a decimal.</summary>
    public static string Format(double v, bool count) =>
        count && v == Math.Round(v) ? (v < 0 ? "−" : "") + Math.Abs(v).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) : Format(v);

    public static string Signed(double v, bool count) => (v >= 0 ? "+" : "−") + Format(Math.Abs(v), count);
}
