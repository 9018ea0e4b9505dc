using Simulation.Model.World;

namespace Simulation.Model.Market;

/// <summary>Active until its end; then renewed (same vendor), replaced (another vendor), expired, or terminated by a policy.</summary>
public enum ContractStatus { Active, Renewed, Replaced, Expired, Terminated }

/// <summary>A signed contract (model spec §2). Mutable only in its status and scope, which bans can cut.</summary>
/// <param name="number">The contract's number within its country and replicate (1, 2, … in signing order): its key.</param>
public sealed class Contract(int number, int replicate, int country, int vendor, Capability capability, int signedTick,
    int endTick, int durationMonths, double valueUsd, double scope, bool financed, bool dataAccess)
{
    public int Number { get; } = number;
    public int Replicate { get; } = replicate;
    public int Country { get; } = country;
    public int Vendor { get; } = vendor;
    public Capability Capability { get; } = capability;
    public int SignedTick { get; } = signedTick;
    /// <summary>First tick at which the contract is no longer in force (the renewal tender's tick).</summary>
    public int EndTick { get; } = endTick;
    public int DurationMonths { get; } = durationMonths;
    public double ValueUsd { get; } = valueUsd;
    /// <summary>Share of the population covered now; policies can cut it below the scope signed.</summary>
    public double Scope { get; set; } = scope;
    public double SignedScope { get; } = scope;
    /// <summary>Value of what is still installed: the contract value in proportion to the scope left.</summary>
    public double InstalledValueUsd => ValueUsd * Scope / SignedScope;
    public bool Financed { get; } = financed;
    /// <summary>Whether the vendor's home government may reach the data (no localisation, and home law compels access).</summary>
    public bool DataAccess { get; } = dataAccess;
    public ContractStatus Status { get; set; } = ContractStatus.Active;

    public ContractRecord ToRecord(string signed, string iso3, string vendorId) =>
        new(Replicate, Number, signed, iso3, vendorId, Capability.Id(), ValueUsd, DurationMonths, Financed, DataAccess,
            StatusNames[(int)Status]);

    /// <summary>The status column's words, made once rather than one per contract (memory).</summary>
    private static readonly string[] StatusNames = [.. Enum.GetNames<ContractStatus>().Select(n => n.ToLowerInvariant())];
}

/// <summary>
/// One row of contracts.csv. (Replicate, Country, Number) is the contract's key: Number counts the country's contracts
/// in the replicate in signing order, so the key needs no text that repeats the other columns.
/// </summary>
public sealed record ContractRecord(int Replicate, int Number, string Signed, string Country, string Vendor, string Capability,
    double ValueUsd, int DurationMonths, bool Financed, bool DataAccess, string Status);
