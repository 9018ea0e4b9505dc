using System.Collections.Immutable;
using Orleans.Concurrency;
using Simulation.Abstractions;
using Simulation.Model.Agents;
using Simulation.Model.Engine;
using Simulation.Model.Market;
using Simulation.Model.Setup;

namespace Simulation.Grains;

/// <summary>
/// The agents as Orleans grains: one Country grain per country and one Vendor grain per vendor for each run, each
/// holding that agent's state in every replicate. One call per grain per phase, fanned out with Task.WhenAll over a
/// fixed (world) order, so results arrive in a fixed order whatever the scheduling. Grain keys start with
/// <paramref name="runKey"/> when given (a cluster batch's own key), else with a number unique in this process.
/// A batch's agents are the silo-local <see cref="BatchCountryGrain"/> and <see cref="BatchVendorGrain"/>.
/// </summary>
public sealed class OrleansRuntime(IGrainFactory grains, IAsyncDisposable? owned = null, string? runKey = null) : IAgentRuntime
{
    private readonly string _countryClass = (runKey is null ? typeof(CountryGrain) : typeof(BatchCountryGrain)).FullName!;
    private readonly string _vendorClass = (runKey is null ? typeof(VendorGrain) : typeof(BatchVendorGrain)).FullName!;
    private static int _runs;
    private ICountryGrain[] _countries = [];
    private IVendorGrain[] _vendors = [];

    public string Name => "orleans";

    public async Task StartRunAsync(RunPlan plan)
    {
        var run = runKey ?? $"run{Interlocked.Increment(ref _runs)}-{plan.Seed}";
        _countries = plan.Countries.Select(c => grains.GetGrain<ICountryGrain>(GrainKeys.Of(run, c.Iso3), _countryClass)).ToArray();
        _vendors = plan.Vendors.OrderBy(v => v.Id, StringComparer.Ordinal)
            .Select(v => grains.GetGrain<IVendorGrain>(GrainKeys.Of(run, v.Id), _vendorClass)).ToArray();
        var payload = plan.AsImmutable();
        await Task.WhenAll(_countries.Select(g => g.StartAsync(payload)).Concat(_vendors.Select(g => g.StartAsync(payload))));
    }

    public Task<ImmutableArray<VendorOffer>[]> OfferAsync(int tick) => All(_vendors, g => g.OfferAsync(tick));

    public Task<ImmutableArray<Tender>[]> DecideAsync(TickBoard board)
    {
        var payload = board.AsImmutable();
        return All(_countries, g => g.DecideAsync(payload));
    }

    public Task<ImmutableArray<bool>[]> SettleAsync(int tick, ImmutableArray<Award>[] awardsByVendor) =>
        All(_vendors, (g, i) => awardsByVendor[i].IsEmpty
            ? Task.FromResult(ImmutableArray<bool>.Empty.AsImmutable())
            : g.SettleAsync(tick, awardsByVendor[i].AsImmutable()));

    public Task<ImmutableArray<CountryReport>[]> ApplyAsync(int tick, ImmutableArray<Tender>[] tendersByCountry,
        ImmutableArray<TenderOutcome>[] outcomesByCountry) =>
        All(_countries, (g, i) => g.ApplyAsync(tick, tendersByCountry[i].AsImmutable(), outcomesByCountry[i].AsImmutable()));

    public Task<ImmutableArray<ContractRecord>[]> ContractsAsync() => All(_countries, g => g.ContractsAsync());

    public async Task EndRunAsync()
    {
        await Task.WhenAll(_countries.Select(g => g.EndAsync()).Concat(_vendors.Select(g => g.EndAsync())));
        _countries = [];
        _vendors = [];
    }

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static async Task<T[]> All<TGrain, T>(TGrain[] targets, Func<TGrain, int, Task<Immutable<T>>> call)
    {
        var results = await Task.WhenAll(targets.Select(call));
        return results.Select(r => r.Value).ToArray();
    }

    private static Task<T[]> All<TGrain, T>(TGrain[] targets, Func<TGrain, Task<Immutable<T>>> call) => All(targets, (g, _) => call(g));
}
