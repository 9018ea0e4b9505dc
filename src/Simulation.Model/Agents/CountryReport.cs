using System.Collections.Immutable;

namespace Simulation.Model.Agents;

/// <summary>A vendor's installed base in a country: the value of its active contracts there.</summary>
/// <param name="ForeignAccessValueUsd">Part of it whose data a foreign government may reach.</param>
public sealed record Holding(int Vendor, double ActiveValueUsd, double ForeignAccessValueUsd);

/// <summary>What a country reports after a tick, for one replicate: the data-collection view of its state.</summary>
/// <param name="AdoptedMask">Bit k set when capability k is in use (has an active contract).</param>
/// <param name="Coverage">Share of the population covered, per capability.</param>
public sealed record CountryReport(int Replicate, int Country, int AdoptedMask, ImmutableArray<double> Coverage,
    ImmutableArray<Holding> Holdings, int Signed, double SignedValueUsd)
{
    public bool Adopted(int capability) => (AdoptedMask & (1 << capability)) != 0;
}
