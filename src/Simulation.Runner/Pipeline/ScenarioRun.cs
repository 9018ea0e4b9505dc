using Simulation.Model.Engine;
using Simulation.Model.Scenarios;
using Simulation.Runner.Results;

namespace Simulation.Runner.Pipeline;

/// <summary>One scenario's finished ensemble: what every writer, plot and report reads.</summary>
public sealed record ScenarioRun(LoadedScenario Scenario, RunResult Result, EnsembleSummary Summary, ulong Seed, int Replicates, double WallSeconds);
