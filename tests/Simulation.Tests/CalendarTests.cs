using Simulation.Model.Time;

namespace Simulation.Tests;

public sealed class CalendarTests
{
    [Theory]
    [InlineData(TickSize.Month, 396)]
    [InlineData(TickSize.Quarter, 132)]
    [InlineData(TickSize.Year, 33)]
    public void Default_horizon_has_the_expected_ticks_and_33_year_ends(TickSize size, int ticks)
    {
        var c = new Calendar(new YearMonth(2008, 1), new YearMonth(2040, 12), size);
        Assert.Equal(ticks, c.Count);
        Assert.Equal(33, Enumerable.Range(0, c.Count).Count(c.IsYearEnd));
        Assert.Equal(new YearMonth(2040, 12).Index - (int)size + 1, c.DateOf(c.Count - 1).Index);
    }

    [Theory]
    [InlineData("2019-05", true)]
    [InlineData("2019-13", false)]
    [InlineData("2019-5", false)]
    [InlineData("19-05", false)]
    [InlineData("2019/05", false)]
    public void Dates_must_be_YYYY_MM(string text, bool ok) => Assert.Equal(ok, YearMonth.TryParse(text, out _));
}
