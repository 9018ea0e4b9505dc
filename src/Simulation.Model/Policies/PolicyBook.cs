using Simulation.Model.World;

namespace Simulation.Model.Policies;

/// <summary>
/// The rules in force at a tick: a pure function of the scenario's policies and the tick (model spec §3 step 1), so
/// every agent can ask it directly and both engines see the same rules. With no policies every answer is neutral.
/// </summary>
public sealed class PolicyBook
{
    public static readonly PolicyBook None = new();

    /// <summary>May the country sign a new contract with the vendor for the capability at this tick?</summary>
    public bool MaySign(int country, int vendor, Capability capability, int tick) => true;

    /// <summary>May the country adopt or expand the capability at this tick?</summary>
    public bool MayAdopt(int country, Capability capability, int tick) => true;

    /// <summary>Is the vendor listed under a sanction at this tick (reputation cost in democracies)?</summary>
    public bool IsSanctioned(int vendor, int tick) => false;

    /// <summary>Share of the vendor's quality and capacity lost to a component embargo at this tick.</summary>
    public double EmbargoLoss(int vendor, int tick) => 0.0;

    /// <summary>Price discount the vendor can offer the country through state financing at this tick.</summary>
    public double FinancingDiscount(int country, int vendor, int tick) => 0.0;

    /// <summary>Does the country require its data held at home (no foreign access, price premium)?</summary>
    public double LocalisationPremium(int country, int tick) => 0.0;
    public bool Localises(int country, int tick) => false;

    /// <summary>Additive unrest and privacy shocks in force for the country at this tick.</summary>
    public (double Unrest, double Privacy) Shock(int country, int tick) => (0.0, 0.0);
}
