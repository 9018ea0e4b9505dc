using System.Collections.Immutable;
using Simulation.Model.Policies;
using Simulation.Model.Scenarios;
using Simulation.Model.World;

namespace Simulation.Model.Engine;

/// <summary>
/// Everything an agent needs to know about its run, as plain data so it can be sent to a grain: the scenario's
/// parameters and horizon, the world with the scenario's vendor overrides applied, and the policies compiled against
/// them (<see cref="Policies"/>), so a silo in another process compiles nothing. A cluster runs an
/// ensemble in batches: a batch is the run of replicates FirstReplicate .. FirstReplicate + Replicates − 1, and its
/// agents draw the random streams of those replicates, so a batch gives exactly what those replicates give in one run.
/// </summary>
public sealed record RunSpec(
    Scenario Scenario,
    ImmutableArray<CountryProfile> Countries,
    ImmutableArray<VendorProfile> Vendors,
    ImmutableArray<HomeMarket> HomeMarkets,
    int Replicates,
    ulong Seed,
    int FirstReplicate = 0)
{
    /// <summary>
    /// The scenario's policies as the loader compiled them while validating (targets as index sets, windows as ticks):
    /// the engines and every silo build their <see cref="PolicyBook"/> from these, never from the scenario.
    /// </summary>
    public required ImmutableArray<Policy> Policies { get; init; }

    /// <summary>The batch of <paramref name="count"/> replicates starting at <paramref name="first"/> of this run.</summary>
    public RunSpec Batch(int first, int count) => this with { FirstReplicate = FirstReplicate + first, Replicates = count };

    /// <summary>The run of a scenario in a world; the scenario's vendor overrides apply to the world's vendors.</summary>
    public static RunSpec Create(Scenario scenario, WorldData world, int replicates, ulong seed) =>
        new(scenario, [.. world.Countries], [.. VendorOverride.ApplyAll(world.Vendors, scenario.Vendors)], [.. world.HomeMarkets.Values.OrderBy(h => h.Home, StringComparer.Ordinal)],
            replicates, seed)
        {
            Policies = [.. PolicyBooks.For(scenario, world, ScenarioTicks.CalendarOf(scenario)).All],
        };
}
