using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Simulation.Abstractions;
using Simulation.Runner.Engines;

namespace Simulation.Runner.Cluster;

/// <summary>What `silo` was asked for: where membership lives, what this silo advertises, and the dashboard.</summary>
public sealed record SiloOptions(ClusterAddress Cluster, IPAddress Address, int SiloPort, int GatewayPort, int? DashboardPort, bool Verbose);

/// <summary>
/// One silo of a real cluster: Redis membership, explicit endpoints, and optionally the Orleans Dashboard on
/// 127.0.0.1 only (it has no authentication). The silo hosts batch, country and vendor grains; clients (`run
/// --cluster ...`) send it batches.
/// </summary>
public static class ClusterSilo
{
    public static async Task RunAsync(SiloOptions options, Action<string> ready, CancellationToken stop)
    {
        var redis = options.Cluster.RedisOptions("--redis");
        var siloPort = options.SiloPort == 0 ? FreePort(options.Address) : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? FreePort(options.Address) : options.GatewayPort;
        IHostApplicationBuilder builder = options.DashboardPort is { } dashboardPort ? WebBuilder(dashboardPort) : Host.CreateApplicationBuilder();
        OrleansLogging.Configure(builder.Logging, options.Verbose, alwaysShown: typeof(Grains.BatchGrain).FullName);
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
            silo.Configure<ClusterOptions>(o => { o.ClusterId = options.Cluster.ClusterId; o.ServiceId = ClusterAddress.ServiceId; });
            silo.ConfigureEndpoints(options.Address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.Services.AddSerializer(s => s.AddModelCodec());
            silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
            if (options.DashboardPort is not null) silo.AddDashboard(o => o.HideTrace = true);
        });
        using var host = Build(builder);
        try
        {
            await host.StartAsync(stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ArgumentException($"the silo could not join {options.Cluster} at {options.Address}:{siloPort} " +
                $"(gateway {gatewayPort}): {options.Cluster.Failure(e)}");
        }
        var dashboard = options.DashboardPort is { } p ? $"; dashboard at http://127.0.0.1:{p}/dashboard/" : "";
        ready($"silo {options.Address}:{siloPort} (gateway {gatewayPort}) joined {options.Cluster}{dashboard}. Ctrl+C leaves the cluster.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException) { }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(grace.Token);
    }

    private static WebApplicationBuilder WebBuilder(int port)
    {
        var web = WebApplication.CreateBuilder();
        web.WebHost.UseUrls($"http://127.0.0.1:{port}"); // loopback only: the dashboard has no authentication
        return web;
    }

    private static IHost Build(IHostApplicationBuilder builder)
    {
        if (builder is not WebApplicationBuilder web) return ((HostApplicationBuilder)builder).Build();
        var app = web.Build();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        return app;
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
