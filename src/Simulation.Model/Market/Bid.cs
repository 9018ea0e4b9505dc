using System.Collections.Immutable;

namespace Simulation.Model.Market;

/// <summary>What a vendor puts on the table this tick, for one replicate (its offer sheet).</summary>
/// <param name="Quality">Quality per capability (index = Capability); 0 where the vendor does not offer it.</param>
/// <param name="CapacityLeft">New contracts the vendor can still sign this tick.</param>
/// <param name="AnnualCapacity">Contracts a year the vendor can sign now (after growth and any embargo).</param>
/// <param name="Available">False before market entry: the vendor bids on nothing.</param>
public sealed record VendorOffer(int Vendor, double Price, ImmutableArray<double> Quality, int CapacityLeft, double AnnualCapacity, bool Available)
{
    public bool Offers(World.Capability c) => Available && Quality[(int)c] > 0;
}

/// <summary>A vendor's bid as the country sees it: the contract it would sign.</summary>
/// <param name="Financing">Ledger index of the state financing behind the bid, or −1.</param>
/// <param name="SubsidyUsd">What that financing pays: discount × contract value.</param>
public sealed record Bid(int Vendor, double ValueUsd, bool DataAccess, int Financing = -1, double SubsidyUsd = 0)
{
    public bool Financed => Financing >= 0;
}
