using System.CommandLine;
using System.Net;
using Simulation.Runner.Cluster;

namespace Simulation.Runner.Cli;

/// <summary>silo --redis HOST:PORT: host one silo of a cluster until Ctrl+C.</summary>
public static class SiloCommand
{
    public static Command Create()
    {
        var redis = new Option<string>("--redis") { Description = "Redis connection string of the cluster's membership, e.g. 127.0.0.1:6379", Required = true };
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster id (clients name the same)", DefaultValueFactory = _ => ClusterAddress.DefaultClusterId };
        var address = new Option<string>("--address")
        {
            Description = "Address this silo listens on and advertises. Default 127.0.0.1 (this machine only); another " +
                "address lets other machines reach the silo and gateway ports, which have no authentication",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = NumberOptions.Port("--port", 11111, "Silo-to-silo port (0 = any free port)");
        var gateway = NumberOptions.Port("--gateway-port", 30000, "Port clients connect to (0 = any free port)");
        var dashboard = new Option<bool>("--dashboard") { Description = "Serve the Orleans Dashboard on http://127.0.0.1:<dashboard-port>/dashboard/" };
        var dashboardPort = NumberOptions.Port("--dashboard-port", 8080, "Dashboard port (loopback only)");
        address.Validators.Add(r => { if (!IPAddress.TryParse(r.GetValueOrDefault<string>(), out _)) r.AddError("--address must be an IP address, e.g. 127.0.0.1"); });
        var command = new Command("silo", "Host one silo of a cluster (Redis membership) that runs ensembles sent with --cluster")
        {
            redis, clusterId, address, port, gateway, dashboard, dashboardPort, RunCommand.Verbose,
        };
        command.SetAction((parse, cancel) => Guard.RunAsync(async () =>
        {
            var options = new SiloOptions(new ClusterAddress(parse.GetValue(redis)!, parse.GetValue(clusterId)!),
                IPAddress.Parse(parse.GetValue(address)!), parse.GetValue(port), parse.GetValue(gateway),
                parse.GetValue(dashboard) ? parse.GetValue(dashboardPort) : null, parse.GetValue(RunCommand.Verbose));
            await ClusterSilo.RunAsync(options, Console.WriteLine, cancel);
            Console.WriteLine("silo left the cluster");
            return ExitCodes.Ok;
        }, parse.GetValue(RunCommand.Verbose)));
        return command;
    }
}
