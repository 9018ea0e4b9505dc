using System.Collections.Immutable;
using Simulation.Model.Agents;
using Simulation.Model.Market;
using Simulation.Model.Setup;

namespace Simulation.Model.Engine;

/// <summary>
/// Where the agents live: in this process (<see cref="InProcessRuntime"/>) or in Orleans grains. The
/// <see cref="TickDriver"/> drives either through the same phases, so both give identical results.
/// Arrays are indexed by vendor or country index (world order).
/// </summary>
public interface IAgentRuntime : IAsyncDisposable
{
    string Name { get; }
    Task StartRunAsync(RunPlan plan);
    /// <summary>Advances every vendor to the tick and collects its offer sheets.</summary>
    Task<ImmutableArray<VendorOffer>[]> OfferAsync(int tick);
    Task<ImmutableArray<Tender>[]> DecideAsync(TickBoard board);
    /// <summary>Vendors with no awards are not called and get an empty result.</summary>
    Task<ImmutableArray<bool>[]> SettleAsync(int tick, ImmutableArray<Award>[] awardsByVendor);
    /// <summary>Hands each country back the tenders its Decide returned this tick, with their outcomes.</summary>
    Task<ImmutableArray<CountryReport>[]> ApplyAsync(int tick, ImmutableArray<Tender>[] tendersByCountry, ImmutableArray<TenderOutcome>[] outcomesByCountry);
    Task<ImmutableArray<ContractRecord>[]> ContractsAsync();
    Task EndRunAsync();
}

/// <summary>The agents as plain objects in this process: the reference engine, no Orleans involved.</summary>
public sealed class InProcessRuntime : IAgentRuntime
{
    private CountryEnsemble[] _countries = [];
    private VendorEnsemble[] _vendors = [];

    public string Name => "inprocess";

    public Task StartRunAsync(RunPlan plan)
    {
        var ctx = RunContext.For(plan);
        _countries = Enumerable.Range(0, ctx.World.Countries.Count).Select(c => new CountryEnsemble(ctx, c)).ToArray();
        _vendors = Enumerable.Range(0, ctx.World.Vendors.Count).Select(v => new VendorEnsemble(ctx, v)).ToArray();
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<VendorOffer>[]> OfferAsync(int tick) => Task.FromResult(Map(_vendors, v => v.Open(tick)));

    public Task<ImmutableArray<Tender>[]> DecideAsync(TickBoard board) => Task.FromResult(Map(_countries, c => c.Decide(board)));

    public Task<ImmutableArray<bool>[]> SettleAsync(int tick, ImmutableArray<Award>[] awardsByVendor) =>
        Task.FromResult(Map(_vendors, (v, i) => awardsByVendor[i].IsEmpty ? [] : v.Settle(awardsByVendor[i])));

    public Task<ImmutableArray<CountryReport>[]> ApplyAsync(int tick, ImmutableArray<Tender>[] tendersByCountry,
        ImmutableArray<TenderOutcome>[] outcomesByCountry) =>
        Task.FromResult(Map(_countries, (c, i) => c.Apply(tick, tendersByCountry[i], outcomesByCountry[i])));

    public Task<ImmutableArray<ContractRecord>[]> ContractsAsync() => Task.FromResult(Map(_countries, c => c.Contracts()));

    public Task EndRunAsync()
    {
        _countries = [];
        _vendors = [];
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Agents are independent within a phase, so they run in parallel; results land by index, so order is fixed.</summary>
    private static T[] Map<TAgent, T>(TAgent[] agents, Func<TAgent, int, T> f)
    {
        var result = new T[agents.Length];
        Parallel.For(0, agents.Length, i => result[i] = f(agents[i], i));
        return result;
    }

    private static T[] Map<TAgent, T>(TAgent[] agents, Func<TAgent, T> f) => Map(agents, (a, _) => f(a));
}
