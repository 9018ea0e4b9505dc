using System.Collections.Immutable;
using Simulation.Model.Engine;
using Simulation.Model.Randomness;
using Simulation.Model.World;

namespace Simulation.Model.Market;

/// <summary>
/// Multinomial-logit vendor choice with an outside option (model spec §2). Each eligible vendor's utility gets a
/// Gumbel draw from the country's own stream; ranking by utility + noise gives the logit choice probabilities for the
/// first choice and a consistent fallback order. Only bids preferred to the outside option (no deal) are kept.
/// </summary>
public static class VendorChoice
{
    /// <summary>What the country brings to a tender besides the offers.</summary>
    public readonly record struct Buyer(int Country, CountryProfile Profile, double Privacy, Func<int, bool> IsIncumbent,
        Func<int, bool> IsRelated, Func<int, bool> FinancingOpen);

    public static ImmutableArray<Bid> Rank(RunContext ctx, in Buyer buyer, Capability k, double scope, int tick,
        IReadOnlyList<VendorOffer> offers, ref StreamRng rng)
    {
        var p = ctx.P.Choice;
        var profile = buyer.Profile;
        var policies = ctx.Policies;
        var means = Math.Pow(profile.GdpPerCapitaUsd / 10_000.0, p.MeansElasticity);
        var baseValue = scope * profile.Population * ctx.P.Contracts.CostPerPersonUsd[(int)k]
                        * Math.Pow(profile.GdpPerCapitaUsd / 10_000.0, ctx.P.Contracts.CostIncomeElasticity);
        var localises = policies.Localises(buyer.Country, tick);
        var premium = 1 + policies.LocalisationPremium(buyer.Country, tick);
        var democracy = profile.Regime / 3.0;
        var outside = p.Outside + rng.NextGumbel();

        var scored = new List<(double U, Bid Bid)>();
        foreach (var o in offers)
        {
            // Every offer consumes one draw, eligible or not, so a ban on one vendor leaves the others' draws unchanged.
            var noise = rng.NextGumbel();
            var v = o.Vendor;
            if (!o.Offers(k) || o.CapacityLeft <= 0 || !policies.MaySign(buyer.Country, v, k, tick)) continue;
            var vendor = ctx.World.Vendors[v];
            var financing = policies.FinancingFor(buyer.Country, v, tick);
            if (financing != null && !buyer.FinancingOpen(financing.FinancingIndex)) financing = null; // this year's budget is spent
            var discount = financing?.Discount ?? 0;
            var dataAccess = vendor.HomeCompelsDataAccess && vendor.Home != profile.Iso3 && !localises;
            var price = o.Price * premium;
            var u = p.Price * Math.Log(price * (1 - discount) / means)
                    + p.Quality * o.Quality[(int)k]
                    + p.Alignment * ctx.AlignmentOf[buyer.Country][v]
                    + (buyer.IsIncumbent(v) ? p.Incumbent : buyer.IsRelated(v) ? p.Relationship : 0)
                    + (dataAccess ? p.DataAccess * buyer.Privacy : 0)
                    + (policies.IsSanctioned(v, tick) ? p.Reputation * democracy : 0)
                    + noise;
            var value = baseValue * price;
            if (u > outside) scored.Add((u, new Bid(v, value, dataAccess, financing?.FinancingIndex ?? -1, discount * value)));
        }
        scored.Sort((a, b) => b.U != a.U ? b.U.CompareTo(a.U) : a.Bid.Vendor.CompareTo(b.Bid.Vendor));
        return [.. scored.Select(s => s.Bid)];
    }
}
