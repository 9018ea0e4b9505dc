using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Simulation.Model.Setup;
using Simulation.Runner.Engines;
using Orleans.Configuration;
using Orleans.Serialization;
using Simulation.Abstractions;
using Simulation.Model.Engine;
using Simulation.Model.Market;
using Simulation.Model.Metrics;
using Simulation.Model.Output;

namespace Simulation.Runner.Cluster;

/// <summary>
/// The runner as an external Orleans client of a cluster found through Redis membership: it cuts an ensemble into
/// batches of replicates, lets a <see cref="BatchDispatcher"/> spread them over the silos, and stitches the batches
/// back into one <see cref="EnsembleResult"/>, identical to what one process would have computed.
/// </summary>
public sealed class ClusterEnsemble : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IClusterClient _client;
    private readonly bool _verbose;

    private ClusterEnsemble(IHost host, bool verbose)
    {
        _host = host;
        _client = host.Services.GetRequiredService<IClusterClient>();
        _verbose = verbose;
    }

    public ClusterAddress Address { get; private init; } = null!;

    /// <summary>
    /// How long to wait for a gateway once Redis answered. Generous: on a 2-core machine shared with other work, a
    /// client took over 30 s to reach silos that had joined. An unreachable Redis fails at once, not after this.
    /// </summary>
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromMinutes(2);

    public static async Task<ClusterEnsemble> ConnectAsync(ClusterAddress address, bool verbose, CancellationToken cancel = default)
    {
        var redis = address.RedisOptions("--cluster");
        var builder = Host.CreateApplicationBuilder();
        OrleansLogging.Configure(builder.Logging, verbose);
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = redis);
            client.Configure<ClusterOptions>(o => { o.ClusterId = address.ClusterId; o.ServiceId = ClusterAddress.ServiceId; });
            // A whole batch is one call: allow it as long as a batch can take on a loaded machine.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromHours(2));
            // Learn soon of silos that join or leave.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            client.Services.AddSerializer(s => s.AddModelCodec());
        });
        var host = builder.Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(ConnectLimit);
            await host.StartAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            host.Dispose();
            throw new ArgumentException($"cannot join {address}: {Reason(e, address)}. Start Redis and at least one silo " +
                $"(`silo --redis {address.Redis} --cluster-id {address.ClusterId}`) first; nothing was run");
        }
        return new ClusterEnsemble(host, verbose) { Address = address };
    }

    private static string Reason(Exception e, ClusterAddress address) =>
        e is OperationCanceledException ? $"no silo answered within {ConnectLimit.TotalSeconds:0} s" : address.Failure(e);

    /// <summary>Runs the ensemble on the cluster. Progress is in ticks of the whole ensemble, as batches finish.</summary>
    /// <param name="sink">Takes the batches in replicate order as they become contiguous (and then the contracts are not kept).</param>
    public async Task<EnsembleResult> RunAsync(RunPlan plan, IProgress<int>? progress = null, CancellationToken cancel = default, IChunkSink? sink = null)
    {
        var ctx = RunContext.For(plan);
        var recorder = new RunRecorder(ctx);
        var contracts = new ImmutableArray<ContractRecord>[Batches.Count(plan.Replicates)];
        var done = 0;
        // Batches finish in any order; the sink takes them in order, the next one as soon as all before it are in.
        var waiting = new SortedDictionary<int, (Batch Batch, BatchResult Result)>();
        var next = 0;
        var taking = Task.CompletedTask;
        var dispatcher = new BatchDispatcher(_client, Console.Error);
        await dispatcher.RunAsync(plan, (batch, result) =>
        {
            recorder.Absorb(batch.First, result.Rows, result.YearEndCounts, result.GroupRows);
            if (sink is null) contracts[batch.Index] = result.Contracts;
            else
            {
                waiting[batch.Index] = (batch, result);
                for (; waiting.Remove(next, out var ready); next++) taking = TakeAfterAsync(taking, sink, plan, ready.Batch, ready.Result, cancel);
            }
            done += batch.Count;
            progress?.Report(ctx.Calendar.Count * done / plan.Replicates);
        }, cancel);
        await taking;
        return recorder.Result([.. contracts.Where(c => !c.IsDefault).SelectMany(c => c)]);
    }

    /// <summary>A batch as the chunk a sink takes: its own run, replicates numbered from 0.</summary>
    private static async Task TakeAfterAsync(Task before, IChunkSink sink, RunPlan plan, Batch batch, BatchResult result, CancellationToken cancel)
    {
        await before;
        var part = new RunRecorder(RunContext.For(plan.Batch(batch.First, batch.Count)));
        part.Absorb(0, result.Rows, result.YearEndCounts, result.GroupRows);
        await sink.TakeAsync(batch.First, part.Result([.. result.Contracts.Select(c => c with { Replicate = c.Replicate - batch.First })]), cancel);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException) { }
        _host.Dispose();
    }
}
