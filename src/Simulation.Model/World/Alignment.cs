namespace Simulation.Model.World;

/// <summary>
/// Geopolitical distance between a buyer and a vendor's home state, from sourced data (docs/model.md "Alignment"):
/// the gap between their UN General Assembly ideal points (Bailey, Strezhnev &amp; Voeten 2017; session 73, 2018–19),
/// scaled so that the USA–China gap is 1, and formal alliances, which close the gap.
/// </summary>
public static class Alignment
{
    /// <summary>
    /// US treaty allies outside NATO: ANZUS (AUS, NZL), the US–Japan (1960), US–Korea (1953) and US–Philippines (1951)
    /// treaties and the Manila Pact commitment to Thailand (US State Department, "U.S. Collective Defense Arrangements").
    /// </summary>
    public static readonly IReadOnlySet<string> UsTreatyAllies = new HashSet<string>(StringComparer.Ordinal)
        { "AUS", "NZL", "JPN", "KOR", "PHL", "THA" };

    /// <summary>Collective Security Treaty Organization members with Russia (2019): Armenia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan.</summary>
    public static readonly IReadOnlySet<string> Csto = new HashSet<string>(StringComparer.Ordinal)
        { "RUS", "ARM", "BLR", "KAZ", "KGZ", "TJK" };

    /// <summary>China's only treaty ally: the 1961 Sino–North Korean Treaty of Friendship.</summary>
    public static readonly IReadOnlySet<string> ChinaTreaty = new HashSet<string>(StringComparer.Ordinal) { "CHN", "PRK" };

    /// <summary>Whether buyer and home are bound by a defence treaty (NATO, EU mutual assistance, US, Russian or Chinese treaties).</summary>
    public static bool Allied(CountryProfile buyer, CountryProfile home)
    {
        if (buyer.Iso3 == home.Iso3) return true;
        if ((buyer.Nato && home.Nato) || (buyer.Eu && home.Eu)) return true;
        bool Pair(string a, IReadOnlySet<string> allies) =>
            (home.Iso3 == a && (allies.Contains(buyer.Iso3) || (a == "USA" && buyer.Nato)))
            || (buyer.Iso3 == a && (allies.Contains(home.Iso3) || (a == "USA" && home.Nato)));
        return Pair("USA", UsTreatyAllies) || (Csto.Contains(buyer.Iso3) && Csto.Contains(home.Iso3))
               || (ChinaTreaty.Contains(buyer.Iso3) && ChinaTreaty.Contains(home.Iso3));
    }

    /// <summary>|ideal point gap| / |USA − CHN gap|, capped at 1: 0 for the same voting bloc, 1 for the USA–China divide.</summary>
    public static double Distance(CountryProfile buyer, CountryProfile home, double usaChinaGap) =>
        usaChinaGap <= 0 ? 0 : Math.Min(1.0, Math.Abs(buyer.Covariates.UngaIdealPoint - home.Covariates.UngaIdealPoint) / usaChinaGap);

    /// <summary>Alignment −1..1: 1 − 2 × distance (a buyer votes like the home state → 1, across the USA–China divide → −1).</summary>
    public static double Of(CountryProfile buyer, CountryProfile home, double usaChinaGap) =>
        buyer.Iso3 == home.Iso3 ? 1.0 : 1 - 2 * Distance(buyer, home, usaChinaGap);

    /// <summary>The US-led treaty system: the USA, NATO, the EU and the US treaty allies.</summary>
    public static bool InUsBloc(CountryProfile c) => c.Iso3 == "USA" || c.Nato || c.Eu || UsTreatyAllies.Contains(c.Iso3);

    /// <summary>China, Russia and their treaty allies (the CSTO, North Korea).</summary>
    public static bool InChinaRussiaBloc(CountryProfile c) => Csto.Contains(c.Iso3) || ChinaTreaty.Contains(c.Iso3);

    /// <summary>
    /// Rivalry 0..1: the voting distance between a buyer and a home state in opposed treaty systems (the US-led one
    /// against China, Russia and their allies), else 0. A non-aligned buyer far from the USA in UN votes (Brazil,
    /// India) is not the USA's rival; a NATO member is China's. Scales the penalty for a rival's access to the data.
    /// </summary>
    public static double Rivalry(CountryProfile buyer, CountryProfile home, double usaChinaGap) =>
        (InUsBloc(buyer) && InChinaRussiaBloc(home)) || (InChinaRussiaBloc(buyer) && InUsBloc(home))
            ? Distance(buyer, home, usaChinaGap) : 0;

    /// <summary>The USA–China ideal-point gap of this world (the scale of distances), or 0 if either is missing.</summary>
    public static double UsaChinaGap(WorldData world) =>
        world.CountryIndex.ContainsKey("USA") && world.CountryIndex.ContainsKey("CHN")
            ? Math.Abs(world.Country("USA").Covariates.UngaIdealPoint - world.Country("CHN").Covariates.UngaIdealPoint)
            : 0;
}
