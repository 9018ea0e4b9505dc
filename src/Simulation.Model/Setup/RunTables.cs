using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Simulation.Model.Policies;
using Simulation.Model.Randomness;
using Simulation.Model.World;

namespace Simulation.Model.Setup;

/// <summary>
/// What a run derives from its plan's world, calendar and policies before the first tick: the world's indexes, the
/// policy book, stream keys and the [country][vendor] tables of alignment, rivalry and finance. Replicates and seed
/// change none of it, so the chunks and batches of one plan in a process share one set.
/// </summary>
internal sealed class RunTables
{
    private static readonly ConditionalWeakTable<CountryProfile[], RunTables> Built = new();

    /// <summary>
    /// The tables of a plan: those already built in this process for the same world, calendar and policies (the same
    /// instances, as in a plan's <see cref="RunPlan.Batch"/> or <see cref="RunPlan.Runs"/>), else new ones.
    /// </summary>
    public static RunTables For(RunPlan plan)
    {
        var countries = ImmutableCollectionsMarshal.AsArray(plan.Countries)!;
        if (Built.TryGetValue(countries, out var built) && built.Serves(plan)) return built;
        var tables = new RunTables(plan);
        Built.AddOrUpdate(countries, tables);
        return tables;
    }

    private readonly RunPlan _source;

    public RunTables(RunPlan plan)
    {
        _source = plan;
        var calendar = plan.Calendar;
        World = new WorldData(plan.Countries, plan.Vendors, plan.HomeMarkets);
        Policies = new PolicyBook(plan.Policies, calendar.Dt); // compiled once, where the scenario was loaded
        CountryKeys = World.Countries.Select(c => Streams.AgentKey("country/" + c.Iso3)).ToArray();
        VendorHome = World.Vendors.Select(v => Array.IndexOf((string[])World.Homes, v.Home)).ToArray();
        var gap = Alignment.UsaChinaGap(World);
        AlignmentOf = World.Countries.Select(c => World.Vendors.Select(v => Alignment.Of(c, World.Country(v.Home), gap)).ToArray()).ToArray();
        RivalryOf = World.Countries.Select(c => World.Vendors.Select(v => Alignment.Rivalry(c, World.Country(v.Home), gap)).ToArray()).ToArray();
        LogDistanceOf = World.Countries.Select(c => World.Vendors.Select(v => Geography.LogDistance(c, World.Country(v.Home))).ToArray()).ToArray();
        AlliedWith = World.Countries.Select(c => World.Vendors.Select(v => Alignment.Allied(c, World.Country(v.Home))).ToArray()).ToArray();
        AutocraticHome = World.Vendors.Select(v => !World.Country(v.Home).IsDemocracy).ToArray();
        ChineseFinanceOf = World.Countries.Select(c => World.Vendors.Select(v => v.Home == "CHN" ? c.ChineseFinanceIndex : 0).ToArray()).ToArray();
        EntryTick = World.Vendors.Select(v => (v.Entry.Index - calendar.Start.Index + calendar.MonthsPerTick - 1) / calendar.MonthsPerTick).ToArray();
        HomeMarketShare = World.Vendors.Select(v => v.Fringe ? 0 :
            v.CapacityPerYear / World.Vendors.Where(o => o.Home == v.Home && !o.Fringe).Sum(o => o.CapacityPerYear)).ToArray();
    }

    /// <summary>Whether these tables were built from the very same inputs as the plan's (reference equality: no content is compared).</summary>
    private bool Serves(RunPlan plan) =>
        Same(plan.Countries, _source.Countries) && Same(plan.Vendors, _source.Vendors) && Same(plan.HomeMarkets, _source.HomeMarkets)
        && Same(plan.Policies, _source.Policies) && ReferenceEquals(plan.Calendar, _source.Calendar);

    private static bool Same<T>(ImmutableArray<T> a, ImmutableArray<T> b) =>
        ReferenceEquals(ImmutableCollectionsMarshal.AsArray(a), ImmutableCollectionsMarshal.AsArray(b));

    public WorldData World { get; }
    public PolicyBook Policies { get; }
    public ulong[] CountryKeys { get; }
    public int[] VendorHome { get; }
    public double[][] AlignmentOf { get; }
    public double[][] RivalryOf { get; }
    public double[][] LogDistanceOf { get; }
    public bool[][] AlliedWith { get; }
    public bool[] AutocraticHome { get; }
    public double[][] ChineseFinanceOf { get; }
    public int[] EntryTick { get; }
    public double[] HomeMarketShare { get; }
}
