using System.Collections.Immutable;
using Orleans.Concurrency;
using Orleans.Runtime.Placement;
using Simulation.Abstractions;
using Simulation.Model.Engine;

namespace Simulation.Grains;

/// <summary>
/// Runs one batch of replicates with the ordinary <see cref="TickDriver"/> over this batch's own Country and Vendor
/// grains. Every agent grain is created with a placement hint naming this silo, so the four phases of every tick are
/// same-silo calls (no serialization, no network); only the result crosses to the client.
/// </summary>
public sealed class BatchGrain(ILocalSiloDetails silo) : Grain, IBatchGrain
{
    Task<SiloAddress> IBatchGrain.WhereAsync() => Task.FromResult(silo.SiloAddress);

    async Task<Immutable<BatchResult>> IBatchGrain.RunAsync(Immutable<RunSpec> spec)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
        try
        {
            var runtime = new OrleansRuntime(GrainFactory, runKey: this.GetPrimaryKeyString());
            var result = await new TickDriver(runtime).RunAsync(spec.Value);
            var recorder = result.Recorder;
            var first = spec.Value.FirstReplicate;
            return new BatchResult(
                [.. Enumerable.Range(0, spec.Value.Replicates).Select(recorder.Row)],
                [.. Enumerable.Range(0, recorder.YearEndTicks.Length).Select(recorder.YearEndCounts)],
                [.. result.Contracts.Select(c => c with { Replicate = c.Replicate + first })]).AsImmutable();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            DeactivateOnIdle();
        }
    }
}
