namespace Simulation.Model.World;

/// <summary>
/// Geopolitical alignment of a country with a vendor's home state, −1..1 (assumption; docs/model.md "Alignment").
/// The world data has no voting or alliance scores, so alignment is built from bloc membership and regime:
/// Western blocs (NATO, EU, Five Eyes, close US allies) lean to Western vendors, BRI members and autocracies to Chinese
/// and Russian vendors.
/// </summary>
public static class Alignment
{
    /// <summary>Five Eyes and close US allies outside NATO/EU (treaty allies and major non-NATO allies with deep security ties).</summary>
    public static readonly IReadOnlySet<string> WesternPartners = new HashSet<string>(StringComparer.Ordinal)
        { "AUS", "NZL", "JPN", "KOR", "ISR", "TWN" };

    public static readonly IReadOnlySet<string> EasternHomes = new HashSet<string>(StringComparer.Ordinal) { "CHN", "RUS" };

    public static bool IsWestern(CountryProfile c) => c.Nato || c.Eu || WesternPartners.Contains(c.Iso3);

    public static double Of(CountryProfile country, string home)
    {
        if (country.Iso3 == home) return 1.0;
        var western = IsWestern(country) ? 1.0 : 0.0;
        double a = home switch
        {
            "CHN" => 0.5 * (country.Bri ? 1 : 0) + 0.4 * country.Autocracy - 0.8 * western,
            "RUS" => 0.3 * (country.Region == "Europe & Central Asia" ? 1 : 0) + 0.5 * country.Autocracy - 0.8 * western,
            _ => 0.6 * western + 0.4 * (1 - country.Autocracy) - 0.2,
        };
        return Math.Clamp(a, -1.0, 1.0);
    }
}
