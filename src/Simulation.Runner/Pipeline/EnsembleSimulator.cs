using Simulation.Model.Output;
using Simulation.Model.Engine;
using Simulation.Model.Setup;
using Simulation.Runner.Cluster;
using Simulation.Runner.Engines;

namespace Simulation.Runner.Pipeline;

/// <summary>
/// Where a design's many ensembles run: one engine on this machine, or the silos of a cluster (--cluster), set up once
/// for all points rather than once per point (joining a cluster can take half a minute on a loaded machine).
/// </summary>
public sealed class EnsembleSimulator : IAsyncDisposable
{
    private readonly IAgentRuntime? _runtime;
    private readonly ClusterEnsemble? _cluster;

    private EnsembleSimulator(IAgentRuntime? runtime, ClusterEnsemble? cluster) => (_runtime, _cluster) = (runtime, cluster);

    public static async Task<EnsembleSimulator> CreateAsync(RunOptions options, CancellationToken cancel = default) =>
        options.Cluster is { } address
            ? new(null, await ClusterEnsemble.ConnectAsync(address, options.Verbose, cancel))
            : new(await Engine.CreateAsync(options.Engine, options.Silos, options.Verbose, cancel), null);

    /// <summary>Runs one ensemble; the same result on either (the cluster stitches its batches back in replicate order).</summary>
    /// <param name="sink">Takes the ensemble chunk by chunk, in replicate order (then the result keeps no contracts).</param>
    public Task<EnsembleResult> RunAsync(RunPlan plan, IProgress<int> progress, CancellationToken cancel, IChunkSink? sink = null) =>
        _cluster is { } cluster ? cluster.RunAsync(plan, progress, cancel, sink)
            : EnsembleChunks.RunAsync(_runtime!, plan, progress, cancel, sink: sink);

    public async ValueTask DisposeAsync()
    {
        if (_cluster != null) await _cluster.DisposeAsync();
        if (_runtime != null) await _runtime.DisposeAsync();
    }
}
