using System.Collections.Immutable;
using Orleans.Concurrency;
using Simulation.Model.Market;
using Simulation.Model.Setup;

namespace Simulation.Abstractions;

/// <summary>
/// One batch of an ensemble's replicates on a cluster. Key: "{ensemble}/b{first}/a{attempt}". The batch drives the
/// tick protocol itself over Country and Vendor grains of its own on its silo, so a tick never crosses the network:
/// only the batch's plan goes in and its recorded series come out. The client starts it, then polls it with short
/// calls, so a lost silo or a lost gateway shows up within a poll instead of a call that never returns.
/// </summary>
[Alias("surveillance.IBatchGrain")]
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Starts the batch (once; a repeated start is ignored) and says which silo runs it.</summary>
    [Alias("Start")] Task<SiloAddress> StartAsync(Immutable<RunPlan> plan);

    /// <summary>Where the batch is: running, done (with its result), failed, or unknown to this activation.</summary>
    [Alias("Poll")] Task<Immutable<BatchPoll>> PollAsync();
}

public enum BatchState { Unknown, Running, Done, Failed }

/// <summary>
/// A poll's answer. Unknown means the activation that ran the batch is gone (its silo was lost). A failure is
/// <see cref="Transient"/> when the cluster failed (a message to a lost silo), not the model: worth running again.
/// </summary>
[GenerateSerializer, Immutable, Alias("surveillance.BatchPoll")]
public sealed record BatchPoll([property: Id(0)] BatchState State, [property: Id(1)] BatchResult? Result = null, [property: Id(2)] string? Error = null,
    [property: Id(3)] bool Transient = false);

/// <summary>
/// What a batch sends back: each replicate's recorded series, the year-end counts over the batch, its contracts
/// with replicate numbers of the whole ensemble, and each replicate's series by country group.
/// </summary>
[GenerateSerializer, Immutable, Alias("surveillance.BatchResult")]
public sealed record BatchResult(
    [property: Id(0)] double[][] Rows,
    [property: Id(1)] int[][] YearEndCounts,
    [property: Id(2)] ImmutableArray<ContractRecord> Contracts,
    [property: Id(3)] double[][] GroupRows);
