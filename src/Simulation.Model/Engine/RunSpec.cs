using System.Collections.Immutable;
using Simulation.Model.Scenarios;
using Simulation.Model.World;

namespace Simulation.Model.Engine;

/// <summary>Everything an agent needs to know about its run, as plain data so it can be sent to a grain.</summary>
public sealed record RunSpec(
    Scenario Scenario,
    ImmutableArray<CountryProfile> Countries,
    ImmutableArray<VendorProfile> Vendors,
    ImmutableArray<HomeMarket> HomeMarkets,
    int Replicates,
    ulong Seed)
{
    public static RunSpec Create(Scenario scenario, WorldData world, int replicates, ulong seed) =>
        new(scenario, [.. world.Countries], [.. world.Vendors], [.. world.HomeMarkets.Values.OrderBy(h => h.Home, StringComparer.Ordinal)],
            replicates, seed);
}
