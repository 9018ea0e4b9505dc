using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
using Simulation.Abstractions;

namespace Simulation.Runner.Engines;

/// <summary>
/// Orleans running inside the runner: one or more silos on loopback with development clustering and a co-hosted
/// client. Ports are taken free from the OS so concurrent runs and test processes never collide.
/// </summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly List<IHost> _silos = [];

    private EmbeddedCluster() { }

    public IGrainFactory Grains { get; private set; } = null!;
    public int Silos => _silos.Count;

    public static async Task<EmbeddedCluster> StartAsync(int silos = 1, bool verbose = false, CancellationToken cancel = default)
    {
        var cluster = new EmbeddedCluster();
        try
        {
            await cluster.AddSilosAsync(silos, verbose, cancel);
        }
        catch
        {
            await cluster.DisposeAsync(); // interrupted during start-up: stop the silos already running
            throw;
        }
        cluster.Grains = cluster._silos[0].Services.GetRequiredService<IGrainFactory>();
        return cluster;
    }

    private async Task AddSilosAsync(int silos, bool verbose, CancellationToken cancel)
    {
        IPEndPoint? primary = null;
        string? clusterId = null;
        for (var i = 0; i < silos; i++)
        {
            var siloPort = FreePort();
            var gatewayPort = FreePort();
            var builder = Host.CreateApplicationBuilder();
            OrleansLogging.Configure(builder.Logging, verbose);
            var primaryEndpoint = primary;
            clusterId ??= $"run-{siloPort}";
            var thisCluster = clusterId;
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, primaryEndpoint, serviceId: "surveillance-sim", clusterId: thisCluster);
                silo.Services.AddSerializer(s => s.AddModelCodec());
                silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
            });
            // Ctrl+C belongs to the command (Cli/Interrupts.cs), not to the host's console lifetime.
            builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
            var host = builder.Build();
            _silos.Add(host);
            await host.StartAsync(cancel);
            cancel.ThrowIfCancellationRequested();
            primary ??= new IPEndPoint(IPAddress.Loopback, siloPort);
        }
    }

    /// <summary>A host lifetime that leaves signals alone: the command stops the silos when it is done or interrupted.</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _silos.Count - 1; i >= 0; i--)
        {
            try { await _silos[i].StopAsync(); }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException) { } // never fully started
            _silos[i].Dispose();
        }
        _silos.Clear();
    }
}
