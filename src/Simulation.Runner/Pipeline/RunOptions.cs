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
    string Detail = OutputDetail.Standard,
    Cluster.ClusterAddress? Cluster = null);

/// <summary>How much a run writes: the per-replicate tables as Parquet only, or also as (large) CSV files.</summary>
public static class OutputDetail
{
    public const string Standard = "standard";
    public const string Full = "full";
    public static readonly string[] Names = [Standard, Full];
}

/// <summary>An interrupt after some results were kept on purpose (a resumable sweep's finished points); says which.</summary>
public sealed class InterruptedWithResults(string kept, Exception inner) : OperationCanceledException(kept, inner);
