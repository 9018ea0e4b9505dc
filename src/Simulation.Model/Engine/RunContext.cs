using Simulation.Model.Policies;
using Simulation.Model.Randomness;
using Simulation.Model.Scenarios;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Model.Engine;

/// <summary>The immutable context every agent of a run shares: world, parameters, calendar, policies, derived tables.</summary>
public sealed class RunContext
{
    public RunContext(RunSpec spec)
    {
        Spec = spec;
        World = new WorldData(spec.Countries, spec.Vendors, spec.HomeMarkets);
        P = spec.Scenario.Parameters;
        Calendar = new Calendar(YearMonth.Parse(spec.Scenario.Start), YearMonth.Parse(spec.Scenario.End),
            ScenarioTicks.Parse(spec.Scenario.Tick));
        Policies = PolicyCompiler.Compile(spec.Scenario, World, Calendar,
            (path, message, _) => throw new InvalidOperationException($"scenario was not validated: {path}: {message}"));
        CountryKeys = World.Countries.Select(c => Streams.AgentKey("country/" + c.Iso3)).ToArray();
        VendorKeys = World.Vendors.Select(v => Streams.AgentKey("vendor/" + v.Id)).ToArray();
        VendorHome = World.Vendors.Select(v => Array.IndexOf((string[])World.Homes, v.Home)).ToArray();
        AlignmentOf = World.Countries.Select(c => World.Vendors.Select(v => Alignment.Of(c, v.Home)).ToArray()).ToArray();
        EntryTick = World.Vendors.Select(v => (v.Entry.Index - Calendar.Start.Index + Calendar.MonthsPerTick - 1) / Calendar.MonthsPerTick).ToArray();
        HomeMarketShare = World.Vendors.Select(v =>
            v.CapacityPerYear / World.Vendors.Where(o => o.Home == v.Home).Sum(o => o.CapacityPerYear)).ToArray();
    }

    public RunSpec Spec { get; }
    public WorldData World { get; }
    public ModelParameters P { get; }
    public Calendar Calendar { get; }
    public PolicyBook Policies { get; }
    public ulong Seed => Spec.Seed;
    public int Replicates => Spec.Replicates;
    /// <summary>The ensemble-wide number of this run's replicate 0 (non-zero in a batch): it keys the random streams.</summary>
    public int FirstReplicate => Spec.FirstReplicate;
    public ulong[] CountryKeys { get; }
    public ulong[] VendorKeys { get; }
    /// <summary>Index of each vendor's home in <see cref="WorldData.Homes"/>.</summary>
    public int[] VendorHome { get; }
    /// <summary>Alignment [country][vendor] (−1..1).</summary>
    public double[][] AlignmentOf { get; }
    /// <summary>First tick at which each vendor bids (its market entry; negative if it entered before the start).</summary>
    public int[] EntryTick { get; }
    /// <summary>Each vendor's share of its home market's build-out (by capacity among vendors of the same home).</summary>
    public double[] HomeMarketShare { get; }

    /// <summary>Ticks a contract of the given length in months lasts (at least one).</summary>
    public int Ticks(int months) => Math.Max(1, (months + Calendar.MonthsPerTick - 1) / Calendar.MonthsPerTick);
}

public static class ScenarioTicks
{
    public static TickSize Parse(string tick) => tick switch
    {
        "month" => TickSize.Month,
        "quarter" => TickSize.Quarter,
        "year" => TickSize.Year,
        _ => throw new FormatException($"tick must be \"month\", \"quarter\" or \"year\", not \"{tick}\""),
    };
}
