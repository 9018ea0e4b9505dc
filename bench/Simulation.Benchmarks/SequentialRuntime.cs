using System.Collections.Immutable;
using Simulation.Model.Agents;
using Simulation.Model.Engine;
using Simulation.Model.Market;
using Simulation.Model.Setup;

namespace Simulation.Benchmarks;

/// <summary>
/// The in-process agents called one after another on one thread (the real engines spread them over the cores), so a
/// benchmark measures the model's own cost per call, not the thread pool. Keeps its agents after the run ends so a
/// benchmark can go on calling them from the state the run left.
/// </summary>
public sealed class SequentialRuntime : IAgentRuntime
{
    public CountryEnsemble[] Countries { get; private set; } = [];
    public VendorEnsemble[] Vendors { get; private set; } = [];

    public string Name => "sequential";

    /// <summary>At this tick the run stops before Apply (the driver's run is cancelled): outcomes are kept, not applied.</summary>
    public int StopBeforeApplyAt { get; set; } = -1;
    public ImmutableArray<VendorOffer>[] LastOffers { get; private set; } = [];
    public TickBoard? LastBoard { get; private set; }
    public ImmutableArray<Tender>[] LastTenders { get; private set; } = [];
    public ImmutableArray<TenderOutcome>[] LastOutcomes { get; private set; } = [];
    public ImmutableArray<CountryReport>[] LastReports { get; private set; } = [];

    public Task StartRunAsync(RunPlan plan)
    {
        var ctx = RunContext.For(plan);
        Countries = [.. Enumerable.Range(0, ctx.World.Countries.Count).Select(c => new CountryEnsemble(ctx, c))];
        Vendors = [.. Enumerable.Range(0, ctx.World.Vendors.Count).Select(v => new VendorEnsemble(ctx, v))];
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<VendorOffer>[]> OfferAsync(int tick) => Task.FromResult(LastOffers = Map(Vendors, (v, _) => v.Open(tick)));

    public Task<ImmutableArray<Tender>[]> DecideAsync(TickBoard board)
    {
        LastBoard = board;
        return Task.FromResult(LastTenders = Map(Countries, (c, _) => c.Decide(board)));
    }

    public Task<ImmutableArray<bool>[]> SettleAsync(int tick, ImmutableArray<Award>[] awardsByVendor) =>
        Task.FromResult(Map(Vendors, (v, i) => awardsByVendor[i].IsEmpty ? [] : v.Settle(awardsByVendor[i])));

    public Task<ImmutableArray<CountryReport>[]> ApplyAsync(int tick, ImmutableArray<Tender>[] tendersByCountry,
        ImmutableArray<TenderOutcome>[] outcomesByCountry)
    {
        LastOutcomes = outcomesByCountry;
        if (tick == StopBeforeApplyAt) throw new OperationCanceledException("stopped before Apply");
        return Task.FromResult(LastReports = Map(Countries, (c, i) => c.Apply(tick, tendersByCountry[i], outcomesByCountry[i])));
    }

    public Task<ImmutableArray<ContractRecord>[]> ContractsAsync() => Task.FromResult(Map(Countries, (c, _) => c.Contracts()));

    public Task EndRunAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static T[] Map<TAgent, T>(TAgent[] agents, Func<TAgent, int, T> f)
    {
        var result = new T[agents.Length];
        for (var i = 0; i < agents.Length; i++) result[i] = f(agents[i], i);
        return result;
    }
}
