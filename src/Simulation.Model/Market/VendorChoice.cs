using System.Collections.Immutable;
using Simulation.Model.Setup;
using Simulation.Model.Parameters;
using Simulation.Model.Randomness;
using Simulation.Model.World;

namespace Simulation.Model.Market;

/// <summary>
/// Nested-logit vendor choice by vendor home state, with an outside option (model spec §2; docs/model.md "Vendor
/// choice"). A buyer first picks an origin, by the origin's inclusive value λ·ln Σ exp(V/λ) plus a Gumbel draw, then
/// a brand inside it, by V/λ plus a Gumbel draw; that is exactly the nested-logit probability, and a ninth brand of
/// one origin adds little to the origin's share. The ranking lists the origins preferred to no deal, best first, each
/// with its brands in order; if a brand cannot sign, the buyer chooses again among what is left, by the same draws.
/// </summary>
public static class VendorChoice
{
    /// <summary>
    /// What the country brings to a tender besides the offers, as data: its ties to each vendor (by vendor index) and
    /// which financing budgets still have money this year (by financing policy index). Spans, not callbacks, so a
    /// ranking reads only what it is given and a tender costs no allocation.
    /// </summary>
    public readonly ref struct Buyer(int country, CountryProfile profile, double privacy, double unrest,
        ReadOnlySpan<bool> incumbent, ReadOnlySpan<bool> related, ReadOnlySpan<bool> financingOpen)
    {
        public int Country { get; } = country;
        public CountryProfile Profile { get; } = profile;
        public double Privacy { get; } = privacy;
        public double Unrest { get; } = unrest;
        /// <summary>The vendor holds the contract being renewed or, for a new tender, a contract of the same capability.</summary>
        public ReadOnlySpan<bool> Incumbent { get; } = incumbent;
        /// <summary>The vendor holds any contract of the country's, whatever the capability.</summary>
        public ReadOnlySpan<bool> Related { get; } = related;
        public ReadOnlySpan<bool> FinancingOpen { get; } = financingOpen;
    }

    public static ImmutableArray<Bid> Rank(RunContext ctx, scoped in Buyer buyer, Capability k, double scope, int tick,
        ReadOnlySpan<VendorOffer> offers, ref StreamRng rng)
    {
        var p = ctx.P.Choice;
        var profile = buyer.Profile;
        var policies = ctx.Policies;
        var relativeIncome = profile.GdpPerCapitaUsd / ctx.P.Adoption.IncomeReferenceUsd;
        var means = Math.Pow(relativeIncome, p.MeansElasticity);
        var baseValue = scope * profile.Population * ctx.P.Contracts.CostPerPersonUsd[(int)k]
                        * Math.Pow(relativeIncome, ctx.P.Contracts.CostIncomeElasticity);
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

        // A scratch list of this thread, reused: Rank runs for every tender, and an agent's call never yields mid-way.
        // With bids made only for ranked brands it cut the Rank benchmark's allocation from 8.2 to 3.3 MB (README, bench).
        var brands = _brands ??= [];
        brands.Clear();
        foreach (var o in offers)
        {
            var noise = rng.NextGumbel();
            var v = o.Vendor;
            if (!o.Offers(k) || o.CapacityLeft <= 0 || !policies.MaySign(buyer.Country, v, k, tick)) continue;
            var vendor = ctx.World.Vendors[v];
            var financing = policies.FinancingFor(buyer.Country, v, tick);
            if (financing != null && !buyer.FinancingOpen[financing.FinancingIndex]) financing = null; // this year's budget is spent
            var discount = financing?.Discount ?? 0;
            var dataAccess = vendor.HomeCompelsDataAccess && vendor.Home != profile.Iso3 && !localises;
            var allied = ctx.AlliedWith[buyer.Country][v];
            // A treaty ally's reach into the data is not what a privacy-minded buyer fears (allies already share
            // intelligence; until Schrems II in 2020 EU law held US transfers adequate): the privacy penalty falls on
            // the vendors of non-allied home states only. Both fears scale with how much data the product exposes: a
            // platform the vendor operates (1) against cameras a local integrator installs (VENDORS.md, dataExposure).
            var privacyPenalty = allied ? 0 : p.DataAccess * buyer.Privacy;
            var price = o.Price * premium;
            var u = p.Price * Math.Log(price * (1 - discount) / means)
                    + p.Quality * o.Quality[(int)k]
                    + p.Alignment * ctx.AlignmentOf[buyer.Country][v]
                    + (allied ? p.Alliance : 0)
                    + p.Distance * ctx.LogDistanceOf[buyer.Country][v]
                    + (buyer.Incumbent[v] ? p.Incumbent : buyer.Related[v] ? p.Relationship : 0)
                    + (dataAccess ? vendor.DataExposure * (privacyPenalty + rivalry * ctx.RivalryOf[buyer.Country][v]) : 0)
                    + (ctx.AutocraticHome[v] ? unrestPull : 0)
                    + p.ChineseFinance * ctx.ChineseFinanceOf[buyer.Country][v]
                    + (policies.IsSanctioned(v, tick) ? p.Reputation * democracy : 0);
            var value = baseValue * price;
            brands.Add(new Brand(ctx.VendorHome[v], u / lambda + noise, u, v, value, dataAccess, financing?.FinancingIndex ?? -1, discount * value));
        }

        // The fallback order: the first choice, then the choice the buyer makes if that brand cannot sign, and so on.
        // Each step re-computes the origins' inclusive values without the brands already tried (same draws), so when a
        // named brand is full the buyer weighs its origin again by what that origin still offers (its fringe, 3.8).
        // Only the origin that lost a brand changes its inclusive value, so only that one is computed again (the same
        // sum in the same order: the values are those of computing all; it saves most of the Exp calls of a ranking).
        var ranked = ImmutableArray.CreateBuilder<Bid>(brands.Count);
        Span<double> nestUtility = stackalloc double[homes];
        for (var h = 0; h < homes; h++) nestUtility[h] = InclusiveValue(brands, h, lambda) + nestNoise[h];
        while (brands.Count > 0)
        {
            var bestHome = -1;
            for (var h = 0; h < homes; h++)
                if (nestUtility[h] > outside && (bestHome < 0 || nestUtility[h] > nestUtility[bestHome])) bestHome = h;
            if (bestHome < 0) break;
            var pick = -1;
            for (var i = 0; i < brands.Count; i++)
                if (brands[i].Home == bestHome && (pick < 0 || brands[i].Scaled > brands[pick].Scaled
                        || brands[i].Scaled == brands[pick].Scaled && brands[i].Vendor < brands[pick].Vendor))
                    pick = i;
            ranked.Add(brands[pick].ToBid());
            brands.RemoveAt(pick);
            nestUtility[bestHome] = InclusiveValue(brands, bestHome, lambda) + nestNoise[bestHome];
        }
        return ranked.ToImmutable();
    }

    [ThreadStatic] private static List<Brand>? _brands;

    /// <summary>An eligible offer: its origin, V/λ plus its draw, V, and the bid it makes (built only if it is ranked).</summary>
    private readonly record struct Brand(int Home, double Scaled, double V, int Vendor, double ValueUsd, bool DataAccess, int Financing, double SubsidyUsd)
    {
        public Bid ToBid() => new(Vendor, ValueUsd, DataAccess, Financing, SubsidyUsd);
    }

    /// <summary>Inclusive value of an origin, λ ln Σ exp(V/λ) over its brands, computed stably around its best brand; −∞ if it has none.</summary>
    private static double InclusiveValue(List<Brand> brands, int home, double lambda)
    {
        var best = double.NegativeInfinity;
        foreach (var b in brands) if (b.Home == home) best = Math.Max(best, b.V / lambda);
        if (double.IsNegativeInfinity(best)) return best;
        double sum = 0;
        foreach (var b in brands) if (b.Home == home) sum += Math.Exp(b.V / lambda - best);
        return lambda * (best + Math.Log(sum));
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
