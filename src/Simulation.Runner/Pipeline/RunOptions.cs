namespace Simulation.Runner.Pipeline;

/// <summary>What the user asked for on the command line; null means "take it from the scenario".</summary>
public sealed record RunOptions(
    string ScenarioPath,
    int? Replicates = null,
    ulong? Seed = null,
    string? Out = null,
    string Engine = Engines.Engine.Orleans,
    int Silos = 1,
    bool Force = false,
    bool Verbose = false,
    Cluster.ClusterAddress? Cluster = null);
