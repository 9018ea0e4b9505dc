namespace Simulation.Abstractions;

/// <summary>Grain keys: one activation per agent per run, so concurrent runs never share state.</summary>
public static class GrainKeys
{
    public static string Of(string run, string agentId) => $"{run}/{agentId}";

    public static string AgentId(string key) => key[(key.LastIndexOf('/') + 1)..];
}
