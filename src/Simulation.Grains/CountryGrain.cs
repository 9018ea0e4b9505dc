using System.Collections.Immutable;
using Orleans.Concurrency;
using Simulation.Abstractions;
using Simulation.Model.Agents;
using Simulation.Model.Engine;
using Simulation.Model.Market;

namespace Simulation.Grains;

/// <summary>Thin adapter: a <see cref="CountryEnsemble"/> behind the grain interface.</summary>
public sealed class CountryGrain : Grain, ICountryGrain
{
    private CountryEnsemble? _ensemble;

    private CountryEnsemble Ensemble => _ensemble ?? throw new InvalidOperationException($"{this.GetPrimaryKeyString()} was not started");

    Task ICountryGrain.StartAsync(Immutable<RunSpec> spec)
    {
        var ctx = RunContexts.For(spec.Value);
        _ensemble = new CountryEnsemble(ctx, ctx.World.CountryIndex[GrainKeys.AgentId(this.GetPrimaryKeyString())]);
        return Task.CompletedTask;
    }

    Task<Immutable<ImmutableArray<Tender>>> ICountryGrain.DecideAsync(Immutable<TickBoard> board) =>
        Task.FromResult(Ensemble.Decide(board.Value).AsImmutable());

    Task<Immutable<ImmutableArray<CountryReport>>> ICountryGrain.ApplyAsync(int tick, Immutable<ImmutableArray<TenderOutcome>> outcomes) =>
        Task.FromResult(Ensemble.Apply(tick, outcomes.Value).AsImmutable());

    Task<Immutable<ImmutableArray<ContractRecord>>> ICountryGrain.ContractsAsync() =>
        Task.FromResult(Ensemble.Contracts().AsImmutable());

    Task ICountryGrain.EndAsync()
    {
        _ensemble = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
