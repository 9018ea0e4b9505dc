using Simulation.Model.World;

namespace Simulation.Model.Policies;

/// <summary>
/// The rules in force at a tick: a pure function of the scenario's policies and the tick (model spec §3 step 1), so
/// every agent asks it directly and both engines see the same rules. Mechanics in docs/model.md §7.
/// </summary>
public sealed class PolicyBook
{
    public static readonly PolicyBook None = new([], 1.0 / 12);

    private readonly Policy[] _policies;
    private readonly Dictionary<PolicyType, Policy[]> _byType;
    private readonly double _dt;

    public PolicyBook(IReadOnlyList<Policy> policies, double dtYears)
    {
        _policies = [.. policies];
        _dt = dtYears;
        _byType = Enum.GetValues<PolicyType>().ToDictionary(t => t, t => _policies.Where(p => p.Type == t).ToArray());
        Financing = [.. _byType[PolicyType.Financing].OrderBy(p => p.FinancingIndex)];
    }

    public IReadOnlyList<Policy> All => _policies;
    /// <summary>Financing policies in ledger order.</summary>
    public IReadOnlyList<Policy> Financing { get; }

    /// <summary>The policies of a type (in force or not); an empty array for most types, so queries cost nothing.</summary>
    private Policy[] Of(PolicyType type) => _byType[type];

    /// <summary>May the country sign a new contract with the vendor for the capability at this tick?</summary>
    public bool MaySign(int country, int vendor, Capability k, int tick)
    {
        foreach (var p in _policies)
        {
            if (!p.InForce(tick) || !p.Vendors[vendor]) continue;
            var barred = p.Type switch
            {
                PolicyType.Sanction => p.MarketBan && p.Bound[country],
                PolicyType.ImportBan => p.Countries[country] && p.Covers(k),
                PolicyType.ExportControl => p.Countries[country],
                _ => false,
            };
            if (barred) return false;
        }
        return true;
    }

    /// <summary>May the country adopt or expand the capability at this tick (no technology ban or moratorium)?</summary>
    public bool MayAdopt(int country, Capability k, int tick)
    {
        foreach (var p in Of(PolicyType.TechnologyBan))
            if (p.InForce(tick) && p.Countries[country] && p.Covers(k)) return false;
        return true;
    }

    /// <summary>Is the vendor listed under a sanction that carries a reputation cost at this tick?</summary>
    public bool IsSanctioned(int vendor, int tick)
    {
        foreach (var p in Of(PolicyType.Sanction))
            if (p.InForce(tick) && p.Reputation && p.Vendors[vendor]) return true;
        return false;
    }

    /// <summary>
    /// Share of a vendor's embargo exposure still felt at this tick: 1 when the embargo starts, halving every
    /// half-life as domestic substitutes come in; 0 with no embargo. The vendor loses its US-component dependence
    /// times this share of quality and capacity.
    /// </summary>
    public double EmbargoLoss(int vendor, int tick)
    {
        var loss = 0.0;
        foreach (var p in Of(PolicyType.Sanction))
            if (p.InForce(tick) && p.ComponentEmbargo && p.Vendors[vendor])
                loss = Math.Max(loss, Math.Pow(0.5, (tick - p.FromTick) * _dt / p.HalfLifeYears));
        return loss;
    }

    /// <summary>The financing policy (and its discount) a vendor can use for this country, if any.</summary>
    public Policy? FinancingFor(int country, int vendor, int tick)
    {
        foreach (var p in Financing)
            if (p.InForce(tick) && p.Vendors[vendor] && p.Countries[country]) return p;
        return null;
    }

    /// <summary>The first financing policy in force for the country, whatever the vendor (soft loans as affordability).</summary>
    public Policy? FinancingFor(int country, int tick)
    {
        foreach (var p in Financing)
            if (p.InForce(tick) && p.Countries[country]) return p;
        return null;
    }

    public bool Localises(int country, int tick) => LocalisingPolicy(country, tick) != null;

    /// <summary>Price premium of keeping data at home (the largest in force).</summary>
    public double LocalisationPremium(int country, int tick)
    {
        var premium = 0.0;
        foreach (var p in Of(PolicyType.DataLocalization))
            if (p.InForce(tick) && p.Countries[country]) premium = Math.Max(premium, p.Premium);
        return premium;
    }

    private Policy? LocalisingPolicy(int country, int tick)
    {
        foreach (var p in Of(PolicyType.DataLocalization))
            if (p.InForce(tick) && p.Countries[country]) return p;
        return null;
    }

    /// <summary>Additive unrest and privacy shocks in force for the country at this tick.</summary>
    public (double Unrest, double Privacy) Shock(int country, int tick)
    {
        double unrest = 0, privacy = 0;
        foreach (var p in Of(PolicyType.Shock))
            if (p.InForce(tick) && p.Countries[country]) { unrest += p.Unrest; privacy += p.Privacy; }
        return (unrest, privacy);
    }

    /// <summary>
    /// Rip-and-replace: share of a contract's original scope that may still be installed at this tick — falling
    /// linearly from 1 at the ban's start to 0 after its ripAndReplaceYears. Removal pauses when the ban ends.
    /// </summary>
    public double RemainingShare(int country, int vendor, Capability k, int tick)
    {
        var share = 1.0;
        foreach (var p in Of(PolicyType.ImportBan))
            if (p.InForce(tick) && p.RipAndReplaceYears is { } years && p.Countries[country] && p.Vendors[vendor] && p.Covers(k))
                share = Math.Min(share, Math.Max(0, 1 - (tick - p.FromTick + 1) * _dt / years));
        return share;
    }

    /// <summary>Technology ban: share of the installed base switched off at this tick (only at the ban's first tick).</summary>
    public double Decommission(int country, Capability k, int tick)
    {
        var share = 0.0;
        foreach (var p in Of(PolicyType.TechnologyBan))
            if (p.FromTick == tick && p.Countries[country] && p.Covers(k))
                share = Math.Max(share, p.DecommissionShare);
        return share;
    }
}
