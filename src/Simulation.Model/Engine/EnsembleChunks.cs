using System.Collections.Immutable;
using Simulation.Model.Market;
using Simulation.Model.Metrics;
using Simulation.Model.Output;
using Simulation.Model.Setup;

namespace Simulation.Model.Engine;

/// <summary>
/// Runs a big ensemble as consecutive chunks of replicates through one runtime and stitches the chunks into one
/// <see cref="EnsembleResult"/>, as a cluster stitches its batches. Replicates never interact and every draw is keyed by the
/// replicate's own index, so the result is byte-identical to one pass; but only one chunk's agents (their state and
/// contract ledgers, the bulk of a run's memory) are alive at a time, so peak memory stops growing with replicates
/// beyond a chunk's worth. Only the recorded series are kept for all replicates; the contracts too, unless a sink takes
/// them chunk by chunk (the run command writes them to its files as they come).
/// </summary>
public static class EnsembleChunks
{
    /// <summary>
    /// Replicates per chunk (assumption, measured with `run` under /usr/bin/time, README "bench"): enough that a tick's
    /// fixed cost (about 650 grain calls on the Orleans engine) is spread over many replicates; few enough that one
    /// chunk's agents and contracts (about 6,000 per replicate over the baseline's 33 years, each chunk's held twice
    /// while the run command writes it) stay within a few hundred MB. A streamed 1,000-replicate `run` of the baseline
    /// peaked at 1.30 GiB with 250 and 1.35 GiB with 100 (the chunk is not what keeps it above 1 GiB; with 500 and
    /// no streaming it was 2.77 GiB).
    /// </summary>
    public const int ReplicatesPerChunk = 250;

    /// <param name="replicatesPerChunk">Tests use small chunks to compare a chunked run with one pass.</param>
    /// <param name="sink">Takes each chunk as it finishes (and then the contracts are not kept).</param>
    public static async Task<EnsembleResult> RunAsync(IAgentRuntime runtime, RunPlan plan, IProgress<int>? ticksDone = null,
        CancellationToken cancel = default, int replicatesPerChunk = ReplicatesPerChunk, IChunkSink? sink = null)
    {
        var driver = new TickDriver(runtime);
        if (plan.Replicates <= replicatesPerChunk)
        {
            var whole = await driver.RunAsync(plan, ticksDone, cancel);
            if (sink is null) return whole;
            await sink.TakeAsync(0, whole, cancel);
            return whole.WithContracts([]);
        }
        var recorder = new RunRecorder(RunContext.For(plan));
        var ticks = recorder.Calendar.Count;
        var contracts = ImmutableArray.CreateBuilder<ContractRecord>();
        for (var first = 0; first < plan.Replicates; first += replicatesPerChunk)
        {
            var count = Math.Min(replicatesPerChunk, plan.Replicates - first);
            var done = first;
            // Progress in ticks of the whole ensemble: this chunk's ticks count for its share of the replicates.
            var progress = ticksDone is null ? null : new Inline(t => ticksDone.Report((int)(((long)done * ticks + (long)t * count) / plan.Replicates)));
            var chunk = await driver.RunAsync(plan.Batch(first, count), progress, cancel);
            recorder.Absorb(first, [.. Enumerable.Range(0, count).Select(chunk.Row)],
                [.. Enumerable.Range(0, chunk.Countries.YearEnds).Select(chunk.Countries.Counts)],
                [.. Enumerable.Range(0, count).Select(chunk.Groups.Row)]);
            if (sink is not null) await sink.TakeAsync(first, chunk, cancel);
            // A chunk numbers its replicates from 0, in replicate order: shifted, the chunks follow one another in order.
            else contracts.AddRange(chunk.Contracts.Select(c => c with { Replicate = c.Replicate + first }));
        }
        return recorder.Result(contracts.ToImmutable());
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post each report to the thread pool).</summary>
    private sealed class Inline(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
