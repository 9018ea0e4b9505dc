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
    /// <summary>The run of a scenario in a world; the scenario's vendor overrides apply to the world's vendors.</summary>
    public static RunSpec Create(Scenario scenario, WorldData world, int replicates, ulong seed) =>
        new(scenario, [.. world.Countries], [.. VendorOverride.ApplyAll(world.Vendors, scenario.Vendors)], [.. world.HomeMarkets.Values.OrderBy(h => h.Home, StringComparer.Ordinal)],
            replicates, seed);
}
