using Simulation.Model.Time;

namespace Simulation.Scenarios;

/// <summary>A scenario's dates, tick word and calendar: counting ticks needs no world, policies or derived tables.</summary>
public static class ScenarioTicks
{
    public static TickSize Parse(string tick) => tick switch
    {
        "month" => TickSize.Month,
        "quarter" => TickSize.Quarter,
        "year" => TickSize.Year,
        _ => throw new FormatException($"tick must be \"month\", \"quarter\" or \"year\", not \"{tick}\""),
    };

    /// <summary>A scenario date ("YYYY-MM"); a malformed one is reported at <paramref name="path"/>.</summary>
    public static bool Date(string? text, string path, ProblemReport problem, out YearMonth date)
    {
        if (YearMonth.TryParse(text, out date)) return true;
        problem(path, $"'{text}' is not a date of the form YYYY-MM (month 01..12), e.g. \"2019-05\"");
        return false;
    }

    /// <summary>The calendar of a validated scenario (start, end and tick).</summary>
    public static Calendar CalendarOf(Scenario scenario) =>
        new(YearMonth.Parse(scenario.Start), YearMonth.Parse(scenario.End), Parse(scenario.Tick));
}
