using System.Runtime.CompilerServices;
using Simulation.Model.Policies;
using Simulation.Model.Randomness;
using Simulation.Model.Scenarios;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Model.Engine;

/// <summary>The immutable context every agent of a run shares: world, parameters, calendar, policies, derived tables.</summary>
public sealed class RunContext
{
    private static readonly ConditionalWeakTable<RunSpec, RunContext> Shared = new();

    /// <summary>
    /// The one context of a spec in this process: the tick driver, the in-process agents and the grains of a silo that
    /// hold the same spec instance (Immutable&lt;T&gt; is not copied) share it, so its tables are built once per process
    /// and run; a spec that arrived from another silo builds its own, equal one from the policies it carries.
    /// </summary>
    public static RunContext For(RunSpec spec) => Shared.GetValue(spec, s => new RunContext(s));

    public RunContext(RunSpec spec)
    {
        Spec = spec;
        World = new WorldData(spec.Countries, spec.Vendors, spec.HomeMarkets);
        P = spec.Scenario.Parameters;
        Calendar = ScenarioTicks.CalendarOf(spec.Scenario);
        Policies = new PolicyBook(spec.Policies, Calendar.Dt); // compiled once, where the scenario was loaded
        CountryKeys = World.Countries.Select(c => Streams.AgentKey("country/" + c.Iso3)).ToArray();
        VendorHome = World.Vendors.Select(v => Array.IndexOf((string[])World.Homes, v.Home)).ToArray();
        var gap = Alignment.UsaChinaGap(World);
        AlignmentOf = World.Countries.Select(c => World.Vendors.Select(v => Alignment.Of(c, World.Country(v.Home), gap)).ToArray()).ToArray();
        RivalryOf = World.Countries.Select(c => World.Vendors.Select(v => Alignment.Rivalry(c, World.Country(v.Home), gap)).ToArray()).ToArray();
        AlliedWith = World.Countries.Select(c => World.Vendors.Select(v => Alignment.Allied(c, World.Country(v.Home))).ToArray()).ToArray();
        AutocraticHome = World.Vendors.Select(v => !World.Country(v.Home).IsDemocracy).ToArray();
        ChineseFinanceOf = World.Countries.Select(c => World.Vendors.Select(v => v.Home == "CHN" ? c.ChineseFinanceIndex : 0).ToArray()).ToArray();
        EntryTick = World.Vendors.Select(v => (v.Entry.Index - Calendar.Start.Index + Calendar.MonthsPerTick - 1) / Calendar.MonthsPerTick).ToArray();
        HomeMarketShare = World.Vendors.Select(v => v.Fringe ? 0 :
            v.CapacityPerYear / World.Vendors.Where(o => o.Home == v.Home && !o.Fringe).Sum(o => o.CapacityPerYear)).ToArray();
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
    /// <summary>Index of each vendor's home in <see cref="WorldData.Homes"/>.</summary>
    public int[] VendorHome { get; }
    /// <summary>Alignment [country][vendor] (−1..1).</summary>
    public double[][] AlignmentOf { get; }
    /// <summary>Rivalry [country][vendor] (0..1): voting distance to the vendor's home state, 0 between allies.</summary>
    public double[][] RivalryOf { get; }
    /// <summary>Whether the country is a treaty ally of the vendor's home state [country][vendor].</summary>
    public bool[][] AlliedWith { get; }
    /// <summary>Whether each vendor's home state is an autocracy, which does not constrain how buyers use surveillance (Beraja et al. 2023).</summary>
    public bool[] AutocraticHome { get; }
    /// <summary>[country][vendor]: the buyer's <see cref="CountryProfile.ChineseFinanceIndex"/> for Chinese vendors, 0 for others.</summary>
    public double[][] ChineseFinanceOf { get; }
    /// <summary>First tick at which each vendor bids (its market entry; negative if it entered before the start).</summary>
    public int[] EntryTick { get; }
    /// <summary>Each vendor's share of its home market's build-out (by capacity among the named vendors of the same home; 0 for the fringe).</summary>
    public double[] HomeMarketShare { get; }

    /// <summary>Ticks a contract of the given length in months lasts (at least one).</summary>
    public int Ticks(int months) => Math.Max(1, (months + Calendar.MonthsPerTick - 1) / Calendar.MonthsPerTick);
}
