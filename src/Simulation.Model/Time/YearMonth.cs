using System.Globalization;

namespace Simulation.Model.Time;

/// <summary>A calendar month, the unit every scenario date is written in ("YYYY-MM").</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>Months since year 0, so differences are plain subtraction.</summary>
    public int Index => Year * 12 + (Month - 1);

    public static YearMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    public YearMonth AddMonths(int months) => FromIndex(Index + months);

    /// <summary>Decimal year at the start of the month (2019-07 → 2019.5), used for plot axes.</summary>
    public double DecimalYear => Year + (Month - 1) / 12.0;

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);
    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;
    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>Parses exactly "YYYY-MM" with a month 01..12; anything else is rejected.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (m is < 1 or > 12 || y < 1900) return false;
        value = new YearMonth(y, m);
        return true;
    }

    public static YearMonth Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a date of the form YYYY-MM");
}
