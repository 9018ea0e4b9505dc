using System.Collections.Immutable;
using Simulation.Model.World;

namespace Simulation.Model.Agents;

/// <summary>
/// How many members of each peer group had adopted each capability at the end of the previous tick, per replicate:
/// the only view of other countries a country gets (grains never call each other).
/// </summary>
public sealed record PeerCounts(int Groups, ImmutableArray<int> Counts)
{
    public int Adopted(int replicate, int group, Capability k) => Counts[(replicate * Groups + group) * Capabilities.Count + (int)k];

    public static PeerCounts Empty(int replicates, int groups) => new(groups, [.. new int[replicates * groups * Capabilities.Count]]);

    /// <summary>Counts from the countries' reports of the last tick (reports in any order).</summary>
    public static PeerCounts From(WorldData world, int replicates, IEnumerable<CountryReport> reports)
    {
        var groups = world.PeerGroupNames.Count;
        var counts = new int[replicates * groups * Capabilities.Count];
        foreach (var r in reports)
            foreach (var g in world.PeerGroupsOf[r.Country])
                for (var k = 0; k < Capabilities.Count; k++)
                    if (r.Adopted(k)) counts[(r.Replicate * groups + g) * Capabilities.Count + k]++;
        return new PeerCounts(groups, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(counts));
    }
}
