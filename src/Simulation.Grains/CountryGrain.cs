using System.Collections.Immutable;
using Orleans.Concurrency;
using Simulation.Abstractions;
using Simulation.Model.Agents;
using Simulation.Model.Market;
using Simulation.Model.Setup;

namespace Simulation.Grains;

/// <summary>Thin adapter: a <see cref="CountryEnsemble"/> behind the grain interface.</summary>
public abstract class CountryGrainBase : RunGrain<CountryEnsemble>, ICountryGrain
{
    Task ICountryGrain.StartAsync(Immutable<RunPlan> plan) =>
        Start(plan.Value, (ctx, iso3) => new CountryEnsemble(ctx, ctx.World.CountryIndex[iso3]));

    Task<Immutable<ImmutableArray<Tender>>> ICountryGrain.DecideAsync(Immutable<TickBoard> board) =>
        Task.FromResult(Ensemble.Decide(board.Value).AsImmutable());

    Task<Immutable<ImmutableArray<CountryReport>>> ICountryGrain.ApplyAsync(int tick, Immutable<ImmutableArray<Tender>> tenders,
        Immutable<ImmutableArray<TenderOutcome>> outcomes) =>
        Task.FromResult(Ensemble.Apply(tick, tenders.Value, outcomes.Value).AsImmutable());

    Task<Immutable<ImmutableArray<ContractRecord>>> ICountryGrain.ContractsAsync() =>
        Task.FromResult(Ensemble.Contracts().AsImmutable());

    Task ICountryGrain.EndAsync() => End();
}

/// <summary>A country of a run driven from outside the silo (the embedded engine): placed by the cluster.</summary>
public sealed class CountryGrain : CountryGrainBase;

/// <summary>
/// A country of a cluster batch: activated on the batch's own silo and never registered in the cluster's grain
/// directory, so a tick needs no other silo, and losing another silo cannot disturb it (a directory-registered grain
/// failed its batch when the directory partition's owner was killed). Only its batch calls it, so with one local worker
/// there is exactly one activation per key; idle workers are not removed early, so its state lives until the batch ends.
/// </summary>
[StatelessWorker(1, removeIdleWorkers: false)]
public sealed class BatchCountryGrain : CountryGrainBase;
