using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Simulation.Abstractions;
using Simulation.Model.Engine;
using Simulation.Model.Setup;

namespace Simulation.Grains;

/// <summary>
/// Runs one batch of replicates with the ordinary <see cref="TickDriver"/> over this batch's own Country and Vendor
/// grains, which live on this silo (<see cref="BatchCountryGrain"/>), so the four phases of every tick are same-silo
/// calls (no serialization, no network, no directory lookup); only the plan and the result cross to the client.
/// The run goes on in the grain's own scheduler after <c>StartAsync</c> returns; polls are answered between its turns.
/// </summary>
public sealed class BatchGrain(ILocalSiloDetails silo, ILogger<BatchGrain> log) : Grain, IBatchGrain
{
    private Task<BatchResult>? _run;

    Task<SiloAddress> IBatchGrain.StartAsync(Immutable<RunPlan> plan)
    {
        _run ??= RunAsync(plan.Value);
        return Task.FromResult(silo.SiloAddress);
    }

    Task<Immutable<BatchPoll>> IBatchGrain.PollAsync()
    {
        var poll = _run switch
        {
            null => new BatchPoll(BatchState.Unknown),
            { IsCompletedSuccessfully: true } => new BatchPoll(BatchState.Done, _run.Result),
            { IsCompleted: true } => new BatchPoll(BatchState.Failed, Error: _run.Exception!.GetBaseException().Message,
                Transient: _run.Exception.GetBaseException() is OrleansException or TimeoutException),
            _ => new BatchPoll(BatchState.Running),
        };
        if (_run?.IsCompleted == true) DeactivateOnIdle();
        return Task.FromResult(poll.AsImmutable());
    }

    private async Task<BatchResult> RunAsync(RunPlan plan)
    {
        var clock = Stopwatch.StartNew();
        // Said when a batch starts (not only when it ends) so a user, or a test, sees which silo holds work in flight.
        log.LogInformation("batch {Key}: replicates {First}-{Last} of '{Scenario}' started", this.GetPrimaryKeyString(),
            plan.FirstReplicate, plan.FirstReplicate + plan.Replicates - 1, plan.Name);
        var runtime = new OrleansRuntime(GrainFactory, runKey: this.GetPrimaryKeyString());
        var result = await new TickDriver(runtime).RunAsync(plan);
        var first = plan.FirstReplicate;
        log.LogInformation("batch {Key}: replicates {First}-{Last} of '{Scenario}' done in {Seconds:0.0} s", this.GetPrimaryKeyString(),
            first, first + plan.Replicates - 1, plan.Name, clock.Elapsed.TotalSeconds);
        return new BatchResult(
            [.. Enumerable.Range(0, plan.Replicates).Select(result.Row)],
            [.. Enumerable.Range(0, result.Countries.YearEnds).Select(result.Countries.Counts)],
            [.. result.Contracts.Select(c => c with { Replicate = c.Replicate + first })],
            [.. Enumerable.Range(0, plan.Replicates).Select(result.Groups.Row)]);
    }
}
