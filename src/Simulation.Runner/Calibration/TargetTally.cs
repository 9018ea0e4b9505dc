using Simulation.Model.Output;
using Simulation.Model.Engine;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Runner.Calibration;

/// <summary>
/// A targets file measured chunk by chunk as an ensemble runs, for a run whose contracts are streamed to its files
/// and not kept (Results.RunTables): each chunk's per-replicate values are those replicates' values in one pass.
/// </summary>
/// <param name="world">The scenario's world, whose country profiles the targets' filters read.</param>
public sealed class TargetTally(TargetFile file, Calendar calendar, WorldData world) : IChunkSink
{
    private readonly Dictionary<Target, List<double>> _values = 
        file.Targets.ToDictionary<Target, Target, List<double>>(t => t, _ => [], ReferenceEqualityComparer.Instance);
    private readonly bool _measured = TargetMeasure.Measured(calendar, file);

    public Task TakeAsync(int first, EnsembleResult chunk, CancellationToken cancel)
    {
        if (_measured)
            foreach (var t in file.Targets) _values[t].AddRange(TargetMeasure.PerReplicate(chunk, world, t, file.Date));
        return Task.CompletedTask;
    }

    /// <summary>The checks, as <see cref="TargetMeasure.Check(EnsembleResult, WorldData, TargetFile)"/> gives them for the whole run.</summary>
    public IReadOnlyList<Results.TargetCheck> Checks() => _measured ? TargetMeasure.Check(file, t => [.. _values[t]]) : [];
}

/// <summary>Several sinks fed the same chunks, in order.</summary>
public sealed class ChunkSinks(params IChunkSink[] sinks) : IChunkSink
{
    public async Task TakeAsync(int first, EnsembleResult chunk, CancellationToken cancel)
    {
        foreach (var sink in sinks) await sink.TakeAsync(first, chunk, cancel);
    }
}
