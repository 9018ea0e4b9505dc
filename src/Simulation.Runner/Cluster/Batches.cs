namespace Simulation.Runner.Cluster;

/// <summary>A batch: <see cref="Count"/> replicates starting at <see cref="First"/>; <see cref="Index"/> orders batches.</summary>
public sealed record Batch(int Index, int First, int Count);

/// <summary>How an ensemble is cut into batches. The cut never changes results (replicates are independent).</summary>
public static class Batches
{
    /// <summary>
    /// Replicates per batch (assumption, docs/model.md "Engines"): small enough that a lost silo costs little work and
    /// every silo gets several batches; large enough that a tick's ~650 same-silo grain calls are spread over many
    /// replicates.
    /// </summary>
    public const int ReplicatesPerBatch = 25;

    public static int Count(int replicates) => (replicates + ReplicatesPerBatch - 1) / ReplicatesPerBatch;

    public static Batch[] Of(int replicates) =>
        [.. Enumerable.Range(0, Count(replicates)).Select(i =>
            new Batch(i, i * ReplicatesPerBatch, Math.Min(ReplicatesPerBatch, replicates - i * ReplicatesPerBatch)))];
}
