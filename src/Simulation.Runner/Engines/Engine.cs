using Simulation.Grains;
using Simulation.Model.Engine;

namespace Simulation.Runner.Engines;

/// <summary>The engines a user can choose with --engine.</summary>
public static class Engine
{
    public const string Orleans = "orleans";
    public const string InProcess = "inprocess";
    public static readonly string[] Names = [Orleans, InProcess];

    public static async Task<IAgentRuntime> CreateAsync(string name, int silos = 1, bool verbose = false, CancellationToken cancel = default)
    {
        if (name == InProcess) return new InProcessRuntime();
        var cluster = await EmbeddedCluster.StartAsync(silos, verbose, cancel);
        return new OrleansRuntime(cluster.Grains, cluster);
    }
}
