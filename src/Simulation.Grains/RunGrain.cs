using Simulation.Abstractions;
using Simulation.Model.Setup;

namespace Simulation.Grains;

/// <summary>
/// What Country and Vendor grains share: one agent's ensemble (all replicates of a run), created at the run's start
/// and dropped at its end, after which the activation is let go.
/// </summary>
public abstract class RunGrain<TEnsemble> : Grain where TEnsemble : class
{
    private TEnsemble? _ensemble;

    protected TEnsemble Ensemble => _ensemble ?? throw new InvalidOperationException($"{this.GetPrimaryKeyString()} was not started");

    /// <summary>Builds the ensemble for the agent named by the grain key's last segment.</summary>
    protected Task Start(RunPlan plan, Func<RunContext, string, TEnsemble> create)
    {
        _ensemble = create(RunContext.For(plan), GrainKeys.AgentId(this.GetPrimaryKeyString()));
        return Task.CompletedTask;
    }

    protected Task End()
    {
        _ensemble = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
