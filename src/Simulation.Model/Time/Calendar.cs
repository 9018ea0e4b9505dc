namespace Simulation.Model.Time;

/// <summary>How long one tick lasts.</summary>
public enum TickSize { Month = 1, Quarter = 3, Year = 12 }

/// <summary>The ticks of a run: tick i starts at Start + i × step months and the last tick starts no later than End.</summary>
public sealed class Calendar
{
    public Calendar(YearMonth start, YearMonth end, TickSize size)
    {
        if (end < start) throw new ArgumentException($"end {end} is before start {start}");
        Start = start;
        End = end;
        Size = size;
        Count = (end.Index - start.Index) / (int)size + 1;
    }

    public YearMonth Start { get; }
    public YearMonth End { get; }
    public TickSize Size { get; }
    public int Count { get; }
    public int MonthsPerTick => (int)Size;

    /// <summary>Length of one tick in years: the Δt of every rate in the model.</summary>
    public double Dt => MonthsPerTick / 12.0;

    public YearMonth DateOf(int tick) => Start.AddMonths(tick * MonthsPerTick);

    /// <summary>The tick whose month span contains the date (clamped to the horizon).</summary>
    public int TickOf(YearMonth date) => Math.Clamp((date.Index - Start.Index) / MonthsPerTick, 0, Count - 1);

    /// <summary>True for the tick that contains a December: where year-end indicators are taken.</summary>
    public bool IsYearEnd(int tick)
    {
        return DateOf(tick).Month + MonthsPerTick - 1 >= 12;
    }
}
