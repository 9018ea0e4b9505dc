namespace Simulation.Model.World;

/// <summary>
/// What a country's state brings to surveillance demand and to geopolitics (scenarios/world/covariates.csv, about
/// 2018; sources in SOURCES.md). Every value is filled: blanks in the sources are imputed by the rules of
/// <see cref="CovariatesLoader"/> and named in <see cref="Imputed"/>.
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
/// Reads covariates.csv beside countries.csv and attaches it to the profiles. Gap rules (docs/model.md, "Country
/// covariates"): military spending missing → GDP × the median SIPRI spending/GDP ratio of the countries that have both;
/// homicide missing → the median of the country's World Bank region; cities missing → 0 (only Kosovo, whose capital
/// is below 300,000); a non-member of the General Assembly takes a named proxy's ideal point; Chinese finance missing → 0
/// (no recorded finance). Without the file every cell is a gap.
/// </summary>
public static class CovariatesLoader
{
    /// <summary>
    /// States that do not vote in the UN General Assembly (assumption): Taiwan votes with no one, so it takes Japan's ideal
    /// point (a US-aligned East Asian democracy); Kosovo takes Albania's; Palestine the median of its region.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UngaProxy = new Dictionary<string, string>(StringComparer.Ordinal)
        { ["TWN"] = "JPN", ["XKX"] = "ALB" };

    public static IReadOnlyList<CountryProfile> Attach(IReadOnlyList<CountryProfile> countries, string? path)
    {
        var rows = new Dictionary<string, Raw>(StringComparer.Ordinal);
        if (path != null)
        {
            var table = CsvTable.Read(path);
            foreach (var r in table.Rows)
            {
                var iso3 = table.Get(r, "iso3");
                if (!countries.Any(c => c.Iso3 == iso3)) throw new InvalidDataException($"{path}: unknown country '{iso3}'");
                rows[iso3] = new Raw(table.GetDouble(r, "milex_usd"), table.GetDouble(r, "milex_rank"), table.GetDouble(r, "gdp_usd"),
                    table.GetDouble(r, "cities_300k"), table.GetDouble(r, "homicide_rate"), table.GetDouble(r, "unga_ideal_point"),
                    table.GetDouble(r, "cn_finance_2000_2017_usd2021"));
            }
        }
        Raw Of(CountryProfile c) => rows.TryGetValue(c.Iso3, out var raw) ? raw : Raw.Blank;
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

    private sealed record Raw(double? MilexUsd, double? MilexRank, double? GdpUsd, double? Cities, double? Homicide, double? Ideal, double? ChineseFinance)
    {
        public static readonly Raw Blank = new(null, null, null, null, null, null, null);
    }
}
