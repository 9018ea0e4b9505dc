using Simulation.Model.Time;

namespace Simulation.Model.Scenarios;

/// <summary>A scenario's tick word and calendar: counting ticks needs no world, policies or derived tables.</summary>
public static class ScenarioTicks
{
    public static TickSize Parse(string tick) => tick switch
    {
        "month" => TickSize.Month,
        "quarter" => TickSize.Quarter,
        "year" => TickSize.Year,
        _ => throw new FormatException($"tick must be \"month\", \"quarter\" or \"year\", not \"{tick}\""),
    };

    /// <summary>The calendar of a validated scenario (start, end and tick).</summary>
    public static Calendar CalendarOf(Scenario scenario) =>
        new(YearMonth.Parse(scenario.Start), YearMonth.Parse(scenario.End), Parse(scenario.Tick));
}
