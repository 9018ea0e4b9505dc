using System.Collections.Immutable;
using Simulation.Model.Setup;
using Simulation.Model.Market;

namespace Simulation.Model.Agents;

/// <summary>
/// One country across all replicates of a run: what a Country grain holds. Replicates never interact; bundling them
/// lets one call per country per phase carry every replicate (docs/model.md, "Engines").
/// </summary>
public sealed class CountryEnsemble(RunContext ctx, int country)
{
    private readonly CountryAgent[] _agents = Enumerable.Range(0, ctx.Replicates).Select(r => new CountryAgent(ctx, country, r)).ToArray();

    public CountryAgent this[int replicate] => _agents[replicate];

    public ImmutableArray<Tender> Decide(TickBoard board)
    {
        // Loops rather than SelectMany, which would make an enumerator per agent and tick.
        var all = ImmutableArray.CreateBuilder<Tender>();
        foreach (var agent in _agents) agent.Decide(board, all);
        return all.ToImmutable();
    }

    /// <summary>
    /// Takes the tenders <see cref="Decide"/> returned this tick and their outcomes, both sorted by replicate, then
    /// tender (as the driver sends them); every replicate reports.
    /// </summary>
    public ImmutableArray<CountryReport> Apply(int tick, ImmutableArray<Tender> tenders, ImmutableArray<TenderOutcome> outcomes)
    {
        var all = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(outcomes) ?? [];
        var called = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(tenders) ?? [];
        for (var i = 1; i < all.Length; i++)
            if ((all[i - 1].Replicate, all[i - 1].Seq).CompareTo((all[i].Replicate, all[i].Seq)) > 0)
                throw new ArgumentException("outcomes must be sorted by replicate and tender", nameof(outcomes));
        var reports = new CountryReport[_agents.Length];
        int next = 0, nextTender = 0;
        for (var r = 0; r < _agents.Length; r++)
        {
            var start = next;
            while (next < all.Length && all[next].Replicate == r) next++;
            var firstTender = nextTender;
            while (nextTender < called.Length && called[nextTender].Replicate == r) nextTender++;
            reports[r] = _agents[r].Apply(tick, called.AsSpan(firstTender, nextTender - firstTender), all.AsSpan(start, next - start));
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(reports); // not copied: nothing else holds it
    }

    public ImmutableArray<ContractRecord> Contracts()
    {
        // One date string per tick, shared by every contract signed then, rather than a new one per contract (memory).
        var dates = Enumerable.Range(0, ctx.Calendar.Count).Select(t => ctx.Calendar.DateOf(t).ToString()).ToArray();
        return [.. _agents.SelectMany(a => a.Contracts).Select(c =>
            c.ToRecord(dates[c.SignedTick], ctx.World.Countries[c.Country].Iso3, ctx.World.Vendors[c.Vendor].Id))];
    }
}

/// <summary>One vendor across all replicates of a run: what a Vendor grain holds.</summary>
public sealed class VendorEnsemble(RunContext ctx, int vendor)
{
    private readonly VendorAgent[] _agents = Enumerable.Range(0, ctx.Replicates).Select(_ => new VendorAgent(ctx, vendor)).ToArray();

    public VendorAgent this[int replicate] => _agents[replicate];

    /// <summary>Phase 2: advance every replicate's vendor to the tick and return its offer sheet, in replicate order.</summary>
    public ImmutableArray<VendorOffer> Open(int tick)
    {
        var offers = new VendorOffer[_agents.Length];
        for (var r = 0; r < _agents.Length; r++)
        {
            _agents[r].Advance(tick);
            offers[r] = _agents[r].OfferSheet(tick);
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(offers); // not copied: nothing else holds it
    }

    /// <summary>One acceptance flag per award, in the order given.</summary>
    public ImmutableArray<bool> Settle(ImmutableArray<Award> awards)
    {
        var result = new bool[awards.Length];
        foreach (var group in Enumerable.Range(0, awards.Length).GroupBy(i => awards[i].Replicate))
        {
            var indices = group.ToArray();
            var flags = _agents[group.Key].Settle(indices.Select(i => awards[i]).ToArray());
            for (var j = 0; j < indices.Length; j++) result[indices[j]] = flags[j];
        }
        return [.. result];
    }
}

/// <summary>
/// What every country sees at a tick: all offer sheets ([replicate][vendor]), last tick's peer counts, and which
/// financing budgets still have money this year ([replicate × financing policies]).
/// </summary>
public sealed record TickBoard(int Tick, ImmutableArray<ImmutableArray<VendorOffer>> Offers, PeerCounts Peers,
    ImmutableArray<bool> FinancingOpen, int FinancingPolicies)
{
    public bool IsFinancingOpen(int replicate, int policy) => FinancingOpen[replicate * FinancingPolicies + policy];

    /// <summary>One replicate's open budgets, by financing policy index.</summary>
    public ReadOnlySpan<bool> FinancingOpenFor(int replicate) => FinancingOpen.AsSpan(replicate * FinancingPolicies, FinancingPolicies);
}
