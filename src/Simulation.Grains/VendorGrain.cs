using System.Collections.Immutable;
using Orleans.Concurrency;
using Simulation.Abstractions;
using Simulation.Model.Agents;
using Simulation.Model.Engine;
using Simulation.Model.Market;

namespace Simulation.Grains;

/// <summary>Thin adapter: a <see cref="VendorEnsemble"/> behind the grain interface.</summary>
public sealed class VendorGrain : Grain, IVendorGrain
{
    private VendorEnsemble? _ensemble;

    private VendorEnsemble Ensemble => _ensemble ?? throw new InvalidOperationException($"{this.GetPrimaryKeyString()} was not started");

    Task IVendorGrain.StartAsync(Immutable<RunSpec> spec)
    {
        var ctx = RunContexts.For(spec.Value);
        _ensemble = new VendorEnsemble(ctx, ctx.World.VendorIndex[GrainKeys.AgentId(this.GetPrimaryKeyString())]);
        return Task.CompletedTask;
    }

    Task<Immutable<ImmutableArray<VendorOffer>>> IVendorGrain.OfferAsync(int tick) =>
        Task.FromResult(Ensemble.Offer(tick).AsImmutable());

    Task<Immutable<ImmutableArray<bool>>> IVendorGrain.SettleAsync(int tick, Immutable<ImmutableArray<Award>> awards) =>
        Task.FromResult(Ensemble.Settle(awards.Value).AsImmutable());

    Task IVendorGrain.EndAsync()
    {
        _ensemble = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
