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

    /// <summary>
    /// The largest coverage, as Enumerable.Max gives it (the first, then any greater one); a loop because LINQ boxes an
    /// ImmutableArray, and this runs for every country, replicate and tick.
    /// </summary>
    public double MaxCoverage()
    {
        var coverage = Coverage.AsSpan();
        var max = coverage[0];
        for (var k = 1; k < coverage.Length; k++)
            if (coverage[k] > max) max = coverage[k];
        return max;
    }
}
