using Simulation.Model.Output;
using Simulation.Model.Engine;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Runner.Pipeline;

/// <summary>One scenario's finished ensemble: what every writer, plot and report reads.</summary>
public sealed record ScenarioRun(LoadedScenario Scenario, EnsembleResult Result, EnsembleSummary Summary, ulong Seed, int Replicates, double WallSeconds)
{
    /// <summary>The published targets checked as the run went, for a run whose contracts were streamed to its files (not kept).</summary>
    public IReadOnlyList<TargetCheck>? Checks { get; init; }
}
