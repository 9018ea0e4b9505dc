using System.Collections.Immutable;
using Simulation.Model.World;

namespace Simulation.Model.Market;

/// <summary>Why a tender is called: first adoption, expansion towards the coverage target, renewal of an ending
/// contract, or replacement of equipment removed by a rip-and-replace ban.</summary>
public enum TenderKind { Adoption, Expansion, Renewal, Replacement }

/// <summary>
/// A country's call for bids and its ranked choice: the bids it prefers to the outside option, best first. If the
/// first vendor has no capacity left the award falls to the next (model spec §3 step 4).
/// </summary>
/// <param name="Seq">Position of the tender among the country's tenders of this tick.</param>
/// <param name="Scope">Share of the country's population the contract covers.</param>
/// <param name="Renews">Number of the country's contract this tender renews, if any.</param>
public sealed record Tender(int Replicate, int Country, int Seq, Capability Capability, TenderKind Kind, double Scope,
    int? Renews, ImmutableArray<Bid> Ranked);

/// <summary>A tender's current first choice, sent to that vendor to accept or refuse.</summary>
/// <param name="Priority">Order in which a vendor serves awards: 0 existing customers (renewal, expansion), 1 new
/// adoptions, 2 replacements of equipment a ban removed (scheduled work that can wait a tick).</param>
public sealed record Award(int Replicate, int Country, int Seq, Bid Bid, double Scope, int Priority = 1)
{
    public static int PriorityOf(TenderKind kind) => kind switch
    {
        TenderKind.Renewal or TenderKind.Expansion => 0,
        TenderKind.Adoption => 1,
        _ => 2,
    };
}

/// <summary>How a tender ended this tick: signed with a vendor, or no deal (Vendor = −1).</summary>
public sealed record TenderOutcome(int Replicate, int Seq, int Vendor)
{
    public bool Signed => Vendor >= 0;
}
