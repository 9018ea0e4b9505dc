using System.Collections.Immutable;
using Orleans.Concurrency;
using Simulation.Model.Engine;
using Simulation.Model.Market;

namespace Simulation.Abstractions;

/// <summary>
/// One batch of an ensemble's replicates on a cluster. Key: "{ensemble}/b{first}/a{attempt}". The batch drives the
/// tick protocol itself over Country and Vendor grains of its own, placed on its silo, so a tick never crosses the
/// network: only the batch's spec goes in and its recorded series come out.
/// </summary>
[Alias("surveillance.IBatchGrain")]
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>The silo this batch lives on (activates the batch where the caller's placement hint says).</summary>
    [Alias("Where")] Task<SiloAddress> WhereAsync();

    /// <summary>Runs the batch (the spec's FirstReplicate and Replicates say which replicates) to the end.</summary>
    [Alias("Run")] Task<Immutable<BatchResult>> RunAsync(Immutable<RunSpec> spec);
}

/// <summary>
/// What a batch sends back: each replicate's recorded series, the year-end counts over the batch, and its contracts
/// with replicate numbers of the whole ensemble.
/// </summary>
[GenerateSerializer, Immutable, Alias("surveillance.BatchResult")]
public sealed record BatchResult(
    [property: Id(0)] double[][] Rows,
    [property: Id(1)] int[][] YearEndCounts,
    [property: Id(2)] ImmutableArray<ContractRecord> Contracts);
