using Simulation.Model.Output;

namespace Simulation.Model.Engine;

/// <summary>
/// Takes an ensemble's results chunk by chunk, in replicate order, as they finish (the run command streams them into
/// its Parquet files), so the contracts of a big ensemble are never all held at once. An ensemble run with a sink
/// hands its contracts to the sink only: the <see cref="EnsembleResult"/> it returns has none.
/// </summary>
public interface IChunkSink
{
    /// <param name="first">The chunk's first replicate in the ensemble.</param>
    /// <param name="chunk">The chunk's own run: its replicates, and its contracts' Replicate, are numbered from 0.</param>
    Task TakeAsync(int first, EnsembleResult chunk, CancellationToken cancel);
}
