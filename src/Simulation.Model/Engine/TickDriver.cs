using System.Collections.Immutable;
using Simulation.Model.Agents;
using Simulation.Model.Market;
using Simulation.Model.Metrics;
using Simulation.Model.Output;
using Simulation.Model.Policies;
using Simulation.Model.Setup;

namespace Simulation.Model.Engine;

/// <summary>
/// The coordinator of the bulk-synchronous tick protocol (model spec §3). Agents never call each other: each tick the
/// driver (1) lets policies resolve (a pure function of the tick, read by agents directly), (2) collects every
/// vendor's offer sheet, (3) sends every country the offers and last tick's peer counts and gets its ranked tenders,
/// (4) awards each tender to its first available choice, in rounds, until every vendor has settled within capacity,
/// and (5) hands each country back its tenders with their outcomes to apply and records the tick's metrics in a fixed order.
/// </summary>
public sealed class TickDriver(IAgentRuntime runtime)
{
    public async Task<EnsembleResult> RunAsync(RunPlan plan, IProgress<int>? ticksDone = null, CancellationToken cancel = default)
    {
        var ctx = RunContext.For(plan);
        var recorder = new RunRecorder(ctx);
        var ledger = new FinancingLedger(ctx.Policies, ctx.Calendar, ctx.Replicates);
        await runtime.StartRunAsync(plan);
        try
        {
            var peers = PeerCounts.Empty(ctx.Replicates, ctx.World.PeerGroupNames.Count);
            for (var tick = 0; tick < ctx.Calendar.Count; tick++)
            {
                cancel.ThrowIfCancellationRequested();
                var offers = await runtime.OfferAsync(tick);
                var board = new TickBoard(tick, [.. Enumerable.Range(0, ctx.Replicates)
                    .Select(r => offers.Select(v => v[r]).ToImmutableArray())], peers, ledger.Begin(tick), ledger.Policies);
                var tenders = await runtime.DecideAsync(board);
                var outcomes = await AwardAsync(ctx, tick, tenders, ledger);
                var reports = await runtime.ApplyAsync(tick, tenders, outcomes);
                recorder.Record(tick, offers, reports, ledger.SpentThisTick);
                peers = PeerCounts.From(ctx.World, ctx.Replicates, reports.SelectMany(r => r));
                ticksDone?.Report(tick + 1);
            }
            var contracts = await runtime.ContractsAsync();
            // Contracts in replicate order, then country order, then signing order.
            var all = contracts.SelectMany(c => c).OrderBy(c => c.Replicate).ToImmutableArray();
            return recorder.Result(all);
        }
        finally
        {
            await runtime.EndRunAsync();
        }
    }

    /// <summary>Step 4: award rounds. A refused award falls to the tender's next choice; no choice left means no deal.</summary>
    internal async Task<ImmutableArray<TenderOutcome>[]> AwardAsync(RunContext ctx, int tick, ImmutableArray<Tender>[] tendersByCountry,
        FinancingLedger ledger)
    {
        var open = new List<OpenTender>();
        foreach (var tenders in tendersByCountry)
            foreach (var t in tenders) open.Add(new OpenTender(t));
        var outcomes = new List<TenderOutcome>[tendersByCountry.Length];
        for (var c = 0; c < outcomes.Length; c++) outcomes[c] = [];
        var byVendor = new List<OpenTender>[ctx.World.Vendors.Count];
        for (var v = 0; v < byVendor.Length; v++) byVendor[v] = [];
        while (true)
        {
            foreach (var t in open)
                if (t.Exhausted) outcomes[t.Tender.Country].Add(new TenderOutcome(t.Tender.Replicate, t.Tender.Seq, -1));
            open.RemoveAll(t => t.Exhausted);
            if (open.Count == 0) break;

            foreach (var list in byVendor) list.Clear();
            foreach (var t in open) byVendor[t.Tender.Ranked[t.Choice].Vendor].Add(t);
            var awards = new ImmutableArray<Award>[byVendor.Length];
            for (var v = 0; v < byVendor.Length; v++)
            {
                var round = ImmutableArray.CreateBuilder<Award>(byVendor[v].Count);
                foreach (var t in byVendor[v]) round.Add(t.Award());
                awards[v] = round.MoveToImmutable();
            }
            var accepted = await runtime.SettleAsync(tick, awards);
            for (var v = 0; v < byVendor.Length; v++)
                for (var i = 0; i < byVendor[v].Count; i++)
                {
                    var t = byVendor[v][i];
                    if (accepted[v][i])
                    {
                        var bid = t.Tender.Ranked[t.Choice];
                        if (bid.Financed) ledger.Spend(t.Tender.Replicate, bid.Financing, bid.SubsidyUsd);
                        outcomes[t.Tender.Country].Add(new TenderOutcome(t.Tender.Replicate, t.Tender.Seq, v));
                        t.Done = true;
                    }
                    else t.Choice++;
                }
            open.RemoveAll(t => t.Done);
        }
        // A country's tenders are numbered within each replicate, so (replicate, tender) orders its outcomes totally:
        // List.Sort gives the order OrderBy/ThenBy gave, without LINQ's buffers for each of ~200 countries a tick.
        var sorted = new ImmutableArray<TenderOutcome>[outcomes.Length];
        for (var c = 0; c < outcomes.Length; c++)
        {
            outcomes[c].Sort((x, y) => x.Replicate != y.Replicate ? x.Replicate.CompareTo(y.Replicate) : x.Seq.CompareTo(y.Seq));
            sorted[c] = [.. outcomes[c]];
        }
        return sorted;
    }

    private sealed class OpenTender(Tender tender)
    {
        public Tender Tender { get; } = tender;
        public int Choice { get; set; }
        public bool Done { get; set; }
        /// <summary>Every choice refused: no deal.</summary>
        public bool Exhausted => Choice >= Tender.Ranked.Length;
        public Award Award() => new Award(Tender.Replicate, Tender.Country, Tender.Seq, Tender.Ranked[Choice], Tender.Scope,
            Market.Award.PriorityOf(Tender.Kind));
    }
}
