using System.Collections.Immutable;
using Simulation.Model.Parameters;
using Simulation.Model.Policies;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Model.Setup;

/// <summary>
/// A validated run, as plain immutable data the engines take and a grain on another silo receives whole: the horizon,
/// the parameters, the policies compiled against world and horizon (targets as index sets, windows as ticks), the world
/// with the scenario's vendor overrides applied, the country groups results are broken down by, and the hash of the
/// scenario it came from; the policies' ids and windows are also the plots' markers. Only the scenario loader builds
/// one (compiling is validating), so no engine or silo compiles or checks anything from text. A cluster runs an
/// ensemble in batches: a batch is the run of replicates FirstReplicate .. FirstReplicate + Replicates − 1, and its
/// agents draw those replicates' random streams, so a batch gives exactly what those replicates give in one run.
/// </summary>
public sealed record RunPlan(
    string Name,
    string Hash,
    Calendar Calendar,
    ModelParameters Parameters,
    ImmutableArray<Policy> Policies,
    ImmutableArray<CountryProfile> Countries,
    ImmutableArray<VendorProfile> Vendors,
    ImmutableArray<HomeMarket> HomeMarkets,
    ImmutableArray<CountryGroup> Groups,
    int Replicates,
    ulong Seed,
    int FirstReplicate = 0)
{
    /// <summary>This plan run with <paramref name="replicates"/> replicates from <paramref name="seed"/> (the command line's choice).</summary>
    public RunPlan Runs(int replicates, ulong seed) => this with { Replicates = replicates, Seed = seed, FirstReplicate = 0 };

    /// <summary>The batch of <paramref name="count"/> replicates starting at <paramref name="first"/> of this run.</summary>
    public RunPlan Batch(int first, int count) => this with { FirstReplicate = FirstReplicate + first, Replicates = count };
}
