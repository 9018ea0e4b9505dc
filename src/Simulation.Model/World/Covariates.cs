namespace Simulation.Model.World;

/// <summary>
/// What a country's state brings to surveillance demand and to geopolitics (scenarios/world/covariates.csv, about
/// 2018; sources in SOURCES.md). Every value is filled: blanks in the sources are imputed by the rules of
/// <see cref="CovariateDerivation"/> and named in <see cref="Imputed"/>.
/// </summary>
/// <param name="MilitarySpendingUsd">SIPRI military expenditure, current USD.</param>
/// <param name="MilitaryRank">SIPRI rank by spending (1 = largest), or 0 where SIPRI has no figure.</param>
/// <param name="Cities300k">Urban agglomerations of 300,000 or more (UN WUP 2018): the procurement units of safe-city deals.</param>
/// <param name="HomicideRate">Intentional homicides per 100,000 (UNODC via WDI).</param>
/// <param name="UngaIdealPoint">Bailey–Strezhnev–Voeten ideal point, UNGA session 73 (higher = closer to the US-led order).</param>
/// <param name="ChineseFinanceUsd">Chinese official finance committed 2000–2017 (AidData GCDF 3.0, constant 2021 USD).</param>
public sealed record CountryCovariates(double MilitarySpendingUsd, int MilitaryRank, double Cities300k, double HomicideRate,
    double UngaIdealPoint, double ChineseFinanceUsd, IReadOnlyList<string> Imputed)
{
    /// <summary>Used only before covariates are attached (a profile built by hand).</summary>
    public static readonly CountryCovariates None = new(0, 0, 0, 0, 0, 0, []);
}

/// <summary>
/// Derives each country's covariates from the raw rows of covariates.csv (read by the world loader) and attaches them
/// to the profiles. Gap rules (docs/model.md, "Country
/// covariates"): military spending missing → GDP × the median SIPRI spending/GDP ratio of the countries that have both;
/// homicide missing → the median of the country's World Bank region; cities missing → 0 (only Kosovo, whose capital
/// is below 300,000); a non-member of the General Assembly takes a named proxy's ideal point; Chinese finance missing → 0
/// (no recorded finance). Without the file every cell is a gap.
/// </summary>
public static class CovariateDerivation
{
    /// <summary>
    /// States that do not vote in the UN General Assembly (assumption): Taiwan votes with no one, so it takes Japan's ideal
    /// point (a US-aligned East Asian democracy); Kosovo takes Albania's; Palestine the median of its region.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UngaProxy = new Dictionary<string, string>(StringComparer.Ordinal)
        { ["TWN"] = "JPN", ["XKX"] = "ALB" };

    /// <summary>The countries with their covariates derived from the raw rows by ISO3 (a country without a row gets the gap-filling rules).</summary>
    public static IReadOnlyList<CountryProfile> Attach(IReadOnlyList<CountryProfile> countries, IReadOnlyDictionary<string, CovariateRow> rows)
    {
        CovariateRow Of(CountryProfile c) => rows.TryGetValue(c.Iso3, out var raw) ? raw : CovariateRow.Blank;
        double Gdp(CountryProfile c) => Of(c).GdpUsd ?? c.GdpPerCapitaUsd * c.Population;

        var ratios = countries.Where(c => Of(c) is { MilexUsd: > 0, GdpUsd: > 0 }).Select(c => Of(c).MilexUsd!.Value / Of(c).GdpUsd!.Value).ToArray();
        var milexRatio = ratios.Length > 0 ? MathNet.Numerics.Statistics.Statistics.Median(ratios) : 0.015;
        var homicideByRegion = countries.GroupBy(c => c.Region).ToDictionary(g => g.Key, g =>
        {
            var known = g.Select(c => Of(c).Homicide).Where(h => h.HasValue).Select(h => h!.Value).ToArray();
            return known.Length > 0 ? MathNet.Numerics.Statistics.Statistics.Median(known) : 6.0;
        });
        var idealByRegion = countries.GroupBy(c => c.Region).ToDictionary(g => g.Key, g =>
        {
            var known = g.Select(c => Of(c).Ideal).Where(h => h.HasValue).Select(h => h!.Value).ToArray();
            return known.Length > 0 ? MathNet.Numerics.Statistics.Statistics.Median(known) : 0.0;
        });

        return countries.Select(c =>
        {
            var raw = Of(c);
            var imputed = new List<string>();
            T Fill<T>(T? value, T fallback, string note) where T : struct
            {
                if (value.HasValue) return value.Value;
                imputed.Add(note);
                return fallback;
            }
            // SIPRI's 0 for states without armed forces (CRI, ISL, PAN) is not a zero security budget: imputed like a gap.
            var milex = Fill(raw.MilexUsd > 0 ? raw.MilexUsd : null, Gdp(c) * milexRatio,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"military spending = GDP × median SIPRI share {milexRatio:P2}"));
            var cities = Fill(raw.Cities, 0, "cities of 300k+ = 0");
            var homicide = Fill(raw.Homicide, homicideByRegion[c.Region], "homicide rate = median of its region");
            double ideal;
            if (raw.Ideal is { } voted) ideal = voted;
            else if (UngaProxy.TryGetValue(c.Iso3, out var proxy) && rows.TryGetValue(proxy, out var p) && p.Ideal is { } proxied)
            {
                ideal = proxied;
                imputed.Add($"UNGA ideal point of {proxy}");
            }
            else ideal = Fill<double>(null, idealByRegion[c.Region], "UNGA ideal point = median of its region");
            var finance = Fill(raw.ChineseFinance, 0, "Chinese finance 2000–2017 = 0 (none recorded)");
            return c with
            {
                Covariates = new CountryCovariates(milex, (int)(raw.MilexRank ?? 0), cities, homicide, ideal, finance, imputed),
            };
        }).ToArray();
    }

}

/// <summary>A country's raw covariates as the covariates file gives them (null where it has no value).</summary>
public sealed record CovariateRow(double? MilexUsd, double? MilexRank, double? GdpUsd, double? Cities, double? Homicide, double? Ideal, double? ChineseFinance)
{
    public static readonly CovariateRow Blank = new(null, null, null, null, null, null, null);
}
