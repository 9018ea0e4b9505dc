using System.Collections.Immutable;
using Orleans.Concurrency;
using Simulation.Abstractions;
using Simulation.Model.Agents;
using Simulation.Model.Market;
using Simulation.Model.Setup;

namespace Simulation.Grains;

/// <summary>Thin adapter: a <see cref="VendorEnsemble"/> behind the grain interface.</summary>
public abstract class VendorGrainBase : RunGrain<VendorEnsemble>, IVendorGrain
{
    Task IVendorGrain.StartAsync(Immutable<RunPlan> plan) =>
        Start(plan.Value, (ctx, id) => new VendorEnsemble(ctx, ctx.World.VendorIndex[id]));

    Task<Immutable<ImmutableArray<VendorOffer>>> IVendorGrain.OfferAsync(int tick) =>
        Task.FromResult(Ensemble.Open(tick).AsImmutable());

    Task<Immutable<ImmutableArray<bool>>> IVendorGrain.SettleAsync(int tick, Immutable<ImmutableArray<Award>> awards) =>
        Task.FromResult(Ensemble.Settle(awards.Value).AsImmutable());

    Task IVendorGrain.EndAsync() => End();
}

/// <summary>A vendor of a run driven from outside the silo (the embedded engine): placed by the cluster.</summary>
public sealed class VendorGrain : VendorGrainBase;

/// <summary>A vendor of a cluster batch: local to the batch's silo, outside the grain directory (see <see cref="BatchCountryGrain"/>).</summary>
[StatelessWorker(1, removeIdleWorkers: false)]
public sealed class BatchVendorGrain : VendorGrainBase;
