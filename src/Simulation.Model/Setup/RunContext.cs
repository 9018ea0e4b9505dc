using System.Runtime.CompilerServices;
using Simulation.Model.Parameters;
using Simulation.Model.Policies;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Model.Setup;

/// <summary>The immutable context every agent of a run shares: world, parameters, calendar, policies, derived tables.</summary>
public sealed class RunContext
{
    private static readonly ConditionalWeakTable<RunPlan, RunContext> Shared = new();

    /// <summary>
    /// The one context of a plan in this process: the tick driver, the in-process agents and the grains of a silo that
    /// hold the same plan instance (Immutable&lt;T&gt; is not copied) share it; the chunks and batches of a plan share its
    /// tables (<see cref="RunTables.For"/>). A plan that arrived from another silo builds its own, equal ones.
    /// </summary>
    public static RunContext For(RunPlan plan) => Shared.GetValue(plan, p => new RunContext(p, RunTables.For(p)));

    /// <summary>A context with tables of its own (a test's).</summary>
    public RunContext(RunPlan plan) : this(plan, new RunTables(plan)) { }

    private RunContext(RunPlan plan, RunTables tables)
    {
        Plan = plan;
        _tables = tables;
    }

    private readonly RunTables _tables;

    public RunPlan Plan { get; }
    public WorldData World => _tables.World;
    public ModelParameters P => Plan.Parameters;
    public Calendar Calendar => Plan.Calendar;
    public PolicyBook Policies => _tables.Policies;
    public ulong Seed => Plan.Seed;
    public int Replicates => Plan.Replicates;
    /// <summary>The ensemble-wide number of this run's replicate 0 (non-zero in a batch): it keys the random streams.</summary>
    public int FirstReplicate => Plan.FirstReplicate;
    public ulong[] CountryKeys => _tables.CountryKeys;
    /// <summary>Index of each vendor's home in <see cref="WorldData.Homes"/>.</summary>
    public int[] VendorHome => _tables.VendorHome;
    /// <summary>Alignment [country][vendor] (−1..1).</summary>
    public double[][] AlignmentOf => _tables.AlignmentOf;
    /// <summary>Rivalry [country][vendor] (0..1): voting distance to the vendor's home state, 0 between allies.</summary>
    public double[][] RivalryOf => _tables.RivalryOf;
    /// <summary>ln(distance / 1,000 km) between the country and the vendor's home state [country][vendor] (<see cref="Geography"/>).</summary>
    public double[][] LogDistanceOf => _tables.LogDistanceOf;
    /// <summary>Whether the country is a treaty ally of the vendor's home state [country][vendor].</summary>
    public bool[][] AlliedWith => _tables.AlliedWith;
    /// <summary>Whether each vendor's home state is an autocracy, which does not constrain how buyers use surveillance (Beraja et al. 2023).</summary>
    public bool[] AutocraticHome => _tables.AutocraticHome;
    /// <summary>[country][vendor]: the buyer's <see cref="CountryProfile.ChineseFinanceIndex"/> for Chinese vendors, 0 for others.</summary>
    public double[][] ChineseFinanceOf => _tables.ChineseFinanceOf;
    /// <summary>First tick at which each vendor bids (its market entry; negative if it entered before the start).</summary>
    public int[] EntryTick => _tables.EntryTick;
    /// <summary>Each vendor's share of its home market's build-out (by capacity among the named vendors of the same home; 0 for the fringe).</summary>
    public double[] HomeMarketShare => _tables.HomeMarketShare;

    /// <summary>Ticks a contract of the given length in months lasts (at least one).</summary>
    public int Ticks(int months) => Math.Max(1, (months + Calendar.MonthsPerTick - 1) / Calendar.MonthsPerTick);
}
