using System.Collections.Immutable;
using Simulation.Model.Engine;
using Simulation.Model.Randomness;
using Simulation.Model.Scenarios;
using Simulation.Model.World;

namespace Simulation.Model.Market;

/// <summary>
/// Nested-logit vendor choice by vendor home state, with an outside option (model spec §2; docs/model.md "Vendor
/// choice"). A buyer first picks an origin, by the origin's inclusive value λ·ln Σ exp(V/λ) plus a Gumbel draw, then
/// a brand inside it, by V/λ plus a Gumbel draw; that is exactly the nested-logit probability, and a ninth brand of
/// one origin adds little to the origin's share. The ranking lists the origins preferred to no deal, best first, each
/// with its brands in order, so a brand without capacity falls first to its own origin's next brand.
/// </summary>
public static class VendorChoice
{
    /// <summary>What the country brings to a tender besides the offers.</summary>
    public readonly record struct Buyer(int Country, CountryProfile Profile, double Privacy, double Unrest, Func<int, bool> IsIncumbent,
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
        var rivalry = p.Rivalry * Salience(p, ctx.Calendar.DateOf(tick).DecimalYear) * p.RivalryByCapability[(int)k];
        var unrestPull = profile.Regime == Regime.LiberalDemocracy ? 0 : p.UnrestAutocraticVendor * buyer.Unrest;
        var lambda = p.NestSimilarity;

        // Draws in a fixed order (outside option, one per origin, one per offer), eligible or not, so a ban on one
        // vendor leaves every other draw unchanged.
        var outside = p.Outside + rng.NextGumbel();
        var homes = ctx.World.Homes.Count;
        Span<double> nestNoise = stackalloc double[homes];
        for (var h = 0; h < homes; h++) nestNoise[h] = rng.NextGumbel();

        var brands = new List<(int Home, double Scaled, double V, Bid Bid)>();
        foreach (var o in offers)
        {
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
                    + (ctx.AlliedWith[buyer.Country][v] ? p.Alliance : 0)
                    + (buyer.IsIncumbent(v) ? p.Incumbent : buyer.IsRelated(v) ? p.Relationship : 0)
                    + (dataAccess ? p.DataAccess * buyer.Privacy + rivalry * ctx.RivalryOf[buyer.Country][v] : 0)
                    + (ctx.AutocraticHome[v] ? unrestPull : 0)
                    + p.ChineseFinance * ctx.ChineseFinanceOf[buyer.Country][v]
                    + (policies.IsSanctioned(v, tick) ? p.Reputation * democracy : 0);
            var value = baseValue * price;
            brands.Add((ctx.VendorHome[v], u / lambda + noise, u, new Bid(v, value, dataAccess, financing?.FinancingIndex ?? -1, discount * value)));
        }

        // Inclusive value of each origin: λ ln Σ exp(V/λ), computed stably around the origin's best brand.
        var nestUtility = new double[homes];
        for (var h = 0; h < homes; h++)
        {
            var best = double.NegativeInfinity;
            foreach (var b in brands) if (b.Home == h) best = Math.Max(best, b.V / lambda);
            if (double.IsNegativeInfinity(best)) { nestUtility[h] = double.NegativeInfinity; continue; }
            double sum = 0;
            foreach (var b in brands) if (b.Home == h) sum += Math.Exp(b.V / lambda - best);
            nestUtility[h] = lambda * (best + Math.Log(sum)) + nestNoise[h];
        }
        var order = Enumerable.Range(0, homes).Where(h => nestUtility[h] > outside)
            .OrderByDescending(h => nestUtility[h]).ThenBy(h => h);
        var ranked = ImmutableArray.CreateBuilder<Bid>();
        foreach (var h in order)
            ranked.AddRange(brands.Where(b => b.Home == h)
                .OrderByDescending(b => b.Scaled).ThenBy(b => b.Bid.Vendor).Select(b => b.Bid));
        return ranked.ToImmutable();
    }

    /// <summary>
    /// How much a rival's access to the data weighs at a date: <see cref="ChoiceParameters.SalienceBeforeDebate"/> until
    /// the security debates begin, rising linearly to 1 when they peak.
    /// </summary>
    public static double Salience(ChoiceParameters p, double year)
    {
        if (year <= p.SecurityDebateFrom) return p.SalienceBeforeDebate;
        if (year >= p.SecurityDebateTo) return 1;
        return p.SalienceBeforeDebate + (1 - p.SalienceBeforeDebate) * (year - p.SecurityDebateFrom) / (p.SecurityDebateTo - p.SecurityDebateFrom);
    }
}
