using System.Collections.Immutable;
using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using Simulation.Abstractions;
using Simulation.Model.Engine;

namespace Simulation.Grains;

/// <summary>
/// Runs one batch of replicates with the ordinary <see cref="TickDriver"/> over this batch's own Country and Vendor
/// grains, which live on this silo (<see cref="BatchCountryGrain"/>), so the four phases of every tick are same-silo
/// calls (no serialization, no network, no directory lookup); only the spec and the result cross to the client.
/// </summary>
public sealed class BatchGrain(ILocalSiloDetails silo, ILogger<BatchGrain> log) : Grain, IBatchGrain
{
    Task<SiloAddress> IBatchGrain.WhereAsync() => Task.FromResult(silo.SiloAddress);

    async Task<Immutable<BatchResult>> IBatchGrain.RunAsync(Immutable<RunSpec> spec)
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var runtime = new OrleansRuntime(GrainFactory, runKey: this.GetPrimaryKeyString());
            var result = await new TickDriver(runtime).RunAsync(spec.Value);
            var recorder = result.Recorder;
            var first = spec.Value.FirstReplicate;
            log.LogInformation("batch {Key}: replicates {First}-{Last} of '{Scenario}' done in {Seconds:0.0} s", this.GetPrimaryKeyString(),
                first, first + spec.Value.Replicates - 1, spec.Value.Scenario.Name, clock.Elapsed.TotalSeconds);
            return new BatchResult(
                [.. Enumerable.Range(0, spec.Value.Replicates).Select(recorder.Row)],
                [.. Enumerable.Range(0, recorder.YearEndTicks.Length).Select(recorder.YearEndCounts)],
                [.. result.Contracts.Select(c => c with { Replicate = c.Replicate + first })]).AsImmutable();
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
