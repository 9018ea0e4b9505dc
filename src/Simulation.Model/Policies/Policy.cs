using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Model.Policies;

public enum PolicyType { Sanction, ImportBan, TechnologyBan, ExportControl, Financing, DataLocalization, Shock }

/// <summary>A scenario policy compiled against the world: targets as index sets, window as ticks.</summary>
public sealed record Policy
{
    public static readonly IReadOnlyDictionary<string, PolicyType> TypeNames = new Dictionary<string, PolicyType>(StringComparer.Ordinal)
    {
        ["sanction"] = PolicyType.Sanction,
        ["importBan"] = PolicyType.ImportBan,
        ["technologyBan"] = PolicyType.TechnologyBan,
        ["exportControl"] = PolicyType.ExportControl,
        ["financing"] = PolicyType.Financing,
        ["dataLocalization"] = PolicyType.DataLocalization,
        ["shock"] = PolicyType.Shock,
    };

    public required string Id { get; init; }
    public required PolicyType Type { get; init; }
    public required YearMonth From { get; init; }
    public YearMonth? Until { get; init; }
    /// <summary>First tick in force and first tick no longer in force.</summary>
    public required int FromTick { get; init; }
    public required int UntilTick { get; init; }
    /// <summary>The countries it applies to: importers, destinations, eligible, localising or shocked countries.</summary>
    public required bool[] Countries { get; init; }
    /// <summary>The vendors it applies to: listed, banned, controlled or financed vendors.</summary>
    public required bool[] Vendors { get; init; }
    /// <summary>Capabilities covered (all true when the policy names none).</summary>
    public required bool[] Capabilities { get; init; }
    /// <summary>Sanction: imposer plus followers, the countries bound by its market ban.</summary>
    public bool[] Bound { get; init; } = [];
    public bool ComponentEmbargo { get; init; }
    public bool MarketBan { get; init; }
    public bool Reputation { get; init; }
    public double HalfLifeYears { get; init; }
    public double? RipAndReplaceYears { get; init; }
    public double DecommissionShare { get; init; }
    public double Discount { get; init; }
    public double BudgetUsdPerYear { get; init; }
    public double Premium { get; init; }
    public double Unrest { get; init; }
    public double Privacy { get; init; }
    /// <summary>Financing policies only: position among the scenario's financing policies (budget ledger index).</summary>
    public int FinancingIndex { get; init; } = -1;

    public bool InForce(int tick) => tick >= FromTick && tick < UntilTick;
    public bool Covers(Capability k) => Capabilities[(int)k];
}
