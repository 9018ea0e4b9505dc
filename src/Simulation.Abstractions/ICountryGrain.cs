using System.Collections.Immutable;
using Orleans.Concurrency;
using Simulation.Model.Agents;
using Simulation.Model.Market;
using Simulation.Model.Setup;

namespace Simulation.Abstractions;

/// <summary>
/// A country in one run, across all its replicates. Key: "{run}/{ISO3}". Called only by the tick driver, one call per
/// phase per tick; it never calls another grain. Payloads are immutable model records passed as <see cref="Immutable{T}"/>
/// so a same-silo call copies nothing.
/// </summary>
[Alias("surveillance.ICountryGrain")]
public interface ICountryGrain : IGrainWithStringKey
{
    /// <summary>Creates the country's agents for every replicate of the run.</summary>
    [Alias("Start")] Task StartAsync(Immutable<RunPlan> plan);

    /// <summary>Phase 3: the tenders the country calls this tick, with ranked bids.</summary>
    [Alias("Decide")] Task<Immutable<ImmutableArray<Tender>>> DecideAsync(Immutable<TickBoard> board);

    /// <summary>Phase 5: apply the outcomes of the tenders Decide returned (handed back) and report the country's state.</summary>
    [Alias("Apply")] Task<Immutable<ImmutableArray<CountryReport>>> ApplyAsync(int tick, Immutable<ImmutableArray<Tender>> tenders,
        Immutable<ImmutableArray<TenderOutcome>> outcomes);

    /// <summary>Every contract the country signed, in every replicate.</summary>
    [Alias("Contracts")] Task<Immutable<ImmutableArray<ContractRecord>>> ContractsAsync();

    /// <summary>Drops the run's state and lets the activation go.</summary>
    [Alias("End")] Task EndAsync();
}

/// <summary>A vendor in one run, across all its replicates. Key: "{run}/{vendor id}".</summary>
[Alias("surveillance.IVendorGrain")]
public interface IVendorGrain : IGrainWithStringKey
{
    [Alias("Start")] Task StartAsync(Immutable<RunPlan> plan);

    /// <summary>Phase 2: advance the vendor to this tick and return the offer sheet of every replicate.</summary>
    [Alias("Offer")] Task<Immutable<ImmutableArray<VendorOffer>>> OfferAsync(int tick);

    /// <summary>Phase 4: accept or refuse awards within capacity; one flag per award, in the order given.</summary>
    [Alias("Settle")] Task<Immutable<ImmutableArray<bool>>> SettleAsync(int tick, Immutable<ImmutableArray<Award>> awards);

    [Alias("End")] Task EndAsync();
}
