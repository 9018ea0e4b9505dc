using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Simulation.Model.Setup;
using Simulation.Model.Market;
using Simulation.Model.World;

namespace Simulation.Model.Agents;

/// <summary>
/// One vendor in one replicate (model spec §2, Vendor). Quality follows a learning curve and price an experience
/// curve (Wright's law) in cumulative deployments, including its home market's build-out; capacity limits how many
/// contracts it can sign a year.
/// </summary>
public sealed class VendorAgent
{
    private readonly RunContext _ctx;
    private readonly VendorProfile _profile;
    private readonly int _vendor;
    private double _capacityBucket;
    /// <summary>Contracts a year added in response to awards refused for lack of capacity (the backlog).</summary>
    private double _addedCapacity;

    public VendorAgent(RunContext ctx, int vendor)
    {
        _ctx = ctx;
        _vendor = vendor;
        _profile = ctx.World.Vendors[vendor];
    }

    /// <summary>Cumulative experience E, coverage units: exported deployments plus weighted home-market build-out.</summary>
    public double Experience { get; private set; }
    public double AnnualCapacity { get; private set; }

    /// <summary>
    /// Phase 2, the command: move the vendor into the tick. Its capacity grows and the tick's share of it accrues, and
    /// its home market's build-out adds experience. Call exactly once per tick, in tick order, before <see cref="OfferSheet"/>.
    /// </summary>
    public void Advance(int tick)
    {
        if (tick < _ctx.EntryTick[_vendor]) return;
        var dt = _ctx.Calendar.Dt;
        var years = Math.Max(0, (tick - _ctx.EntryTick[_vendor]) * dt);
        AnnualCapacity = (_profile.CapacityPerYear * Math.Pow(1 + _ctx.P.Vendors.CapacityGrowth, years) + _addedCapacity) * (1 - EmbargoLoss(tick));
        _capacityBucket = Math.Min(AnnualCapacity, _capacityBucket + AnnualCapacity * dt);
        if (_ctx.P.Vendors.HomeMarketExperience && _ctx.World.HomeMarkets.TryGetValue(_profile.Home, out var home))
            Experience += _ctx.P.Vendors.HomeMarketWeight * _ctx.HomeMarketShare[_vendor]
                          * home.UnitsPerYear(_ctx.Calendar.DateOf(tick).DecimalYear) * dt;
    }

    /// <summary>A component embargo costs the vendor its dependence on the imposer's components, fading as substitutes arrive.</summary>
    private double EmbargoLoss(int tick) => _profile.UsComponentDependence * _ctx.Policies.EmbargoLoss(_vendor, tick);

    /// <summary>Phase 2, the query: the offer sheet at the tick from the vendor's present state. Changes nothing.</summary>
    public VendorOffer OfferSheet(int tick)
    {
        var entered = tick >= _ctx.EntryTick[_vendor];
        var loss = EmbargoLoss(tick);
        var quality = new double[Capabilities.Count];
        foreach (var k in Capabilities.All)
            quality[(int)k] = _profile.Quality.TryGetValue(k, out var q0) ? Quality(q0) * (1 - loss) : 0.0;
        return new VendorOffer(_vendor, Price(), ImmutableCollectionsMarshal.AsImmutableArray(quality),
            entered ? (int)Math.Floor(_capacityBucket) : 0, AnnualCapacity, entered);
    }

    /// <summary>1 − q = (1 − q0)(1 + E/E0)^(−λ): quality approaches 1 with experience.</summary>
    public double Quality(double q0) =>
        1 - (1 - q0) * Math.Pow(1 + Experience / _ctx.P.Vendors.ExperienceScale, -_ctx.P.Vendors.LearningElasticity);

    /// <summary>Wright's law: price × progress ratio per doubling of (1 + E/E0), never below the floor.</summary>
    public double Price()
    {
        var v = _ctx.P.Vendors;
        var factor = Math.Pow(1 + Experience / v.ExperienceScale, Math.Log2(v.ProgressRatio));
        return _profile.Price * Math.Max(v.PriceFloor, factor);
    }

    /// <summary>
    /// Phase 4: accept awards while capacity lasts: existing customers (renewals, expansions) first, then new
    /// adoptions, then replacements of banned equipment, each the most valuable first (ties by country, then tender); learn from what is signed. Each award refused for lack of capacity
    /// adds <see cref="Parameters.VendorParameters.CapacityResponse"/> contracts a year: supply follows the backlog.
    /// Returns one flag per award, in the order given.
    /// </summary>
    public ImmutableArray<bool> Settle(IReadOnlyList<Award> awards)
    {
        var accepted = new bool[awards.Count];
        // A sort of indices rather than LINQ's OrderBy chain (one per vendor, replicate and award round). Country and
        // tender number identify an award within a replicate, so the order is total and any sort gives the same one.
        var order = new int[awards.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var x = awards[a];
            var y = awards[b];
            var c = x.Priority.CompareTo(y.Priority);
            if (c == 0) c = y.Bid.ValueUsd.CompareTo(x.Bid.ValueUsd);
            if (c == 0) c = x.Country.CompareTo(y.Country);
            return c != 0 ? c : x.Seq.CompareTo(y.Seq);
        });
        foreach (var i in order)
        {
            if (_capacityBucket < 1)
            {
                _addedCapacity += _ctx.P.Vendors.CapacityResponse;
                continue;
            }
            _capacityBucket -= 1;
            if (!_profile.Fringe) Experience += awards[i].Scope;
            accepted[i] = true;
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(accepted);
    }
}
