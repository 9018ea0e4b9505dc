using System.Collections.Immutable;
using Simulation.Model.Scenarios;
using Simulation.Model.World;

namespace Simulation.Model.Engine;

/// <summary>
/// Everything an agent needs to know about its run, as plain data so it can be sent to a grain. A cluster runs an
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
    /// <summary>The batch of <paramref name="count"/> replicates starting at <paramref name="first"/> of this run.</summary>
    public RunSpec Batch(int first, int count) => this with { FirstReplicate = FirstReplicate + first, Replicates = count };

    /// <summary>The run of a scenario in a world; the scenario's vendor overrides apply to the world's vendors.</summary>
    public static RunSpec Create(Scenario scenario, WorldData world, int replicates, ulong seed) =>
        new(scenario, [.. world.Countries], [.. VendorOverride.ApplyAll(world.Vendors, scenario.Vendors)], [.. world.HomeMarkets.Values.OrderBy(h => h.Home, StringComparer.Ordinal)],
            replicates, seed);
}
