using Simulation.Model.Output;
using Simulation.Model.Setup;

namespace Simulation.Runner.Results;

/// <summary>
/// What the reports quote of the scenario file a run came from: where it is, its description, the country groups its
/// comparison tables lead with (its report's groups, then its policies' target countries) and the resolved scenario
/// as the output folder keeps it. The pipeline that loaded the scenario fills it in, so results, plots and reports
/// never read the scenario file's types.
/// </summary>
public sealed record ScenarioSource(string Path, string Description, IReadOnlyList<string> LeadGroups, string ResolvedJson);

/// <summary>
/// One scenario's finished ensemble: what every writer, plot and report reads. The plan says what was run (name,
/// hash, horizon, policies), the result what came out.
/// </summary>
public sealed record ScenarioRun(RunPlan Plan, ScenarioSource Source, EnsembleResult Result, EnsembleSummary Summary, ulong Seed, int Replicates, double WallSeconds)
{
    /// <summary>The published targets checked as the run went, for a run whose contracts were streamed to its files (not kept).</summary>
    public IReadOnlyList<TargetCheck>? Checks { get; init; }
}
