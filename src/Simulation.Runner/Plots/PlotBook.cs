using ScottPlot;
using Simulation.Runner.Results;

namespace Simulation.Runner.Plots;

/// <summary>Writes every plot of a run (PNG 1200×700 and SVG). File base names are part of the output contract.</summary>
public static class PlotBook
{
    public const string Adoption = "adoption";
    public const string AdoptionByRegime = "adoption_by_regime";
    public const string MarketShare = "market_share";
    public const string VendorReach = "vendor_reach";

    /// <summary>Writes all plots into <paramref name="directory"/> (created if missing); returns the file names (no directory).</summary>
    public static IReadOnlyList<string> WriteAll(EnsembleSummary summary, string directory)
    {
        var files = new List<string>();
        files.AddRange(PlotStyle.Save(AdoptionPlots.Adoption(summary), directory, Adoption));
        files.AddRange(PlotStyle.Save(AdoptionPlots.ByRegime(summary), directory, AdoptionByRegime));
        files.AddRange(PlotStyle.Save(MarketSharePlot.Create(summary), directory, MarketShare));
        files.AddRange(PlotStyle.Save(VendorReachPlot.Create(summary), directory, VendorReach));
        return files;
    }

    private static readonly Dictionary<string, string> HomeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CHN"] = "China", ["USA"] = "United States", ["JPN"] = "Japan",
        ["ISR"] = "Israel", ["RUS"] = "Russia", ["FRA"] = "France",
    };

    // Fixed palette slots so a home state has the same colour in every plot and run.
    private static readonly Dictionary<string, int> HomeSlots = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USA"] = 0, ["CHN"] = 1, ["FRA"] = 2, ["JPN"] = 3, ["ISR"] = 4, ["RUS"] = 5,
    };

    /// <summary>English short name of a vendor home state, or the ISO3 code itself if unknown.</summary>
    public static string HomeName(string iso3) => HomeNames.TryGetValue(iso3, out var name) ? name : iso3;

    /// <summary>
    /// Colour of a home state: fixed for the six known homes (CHN vermillion, USA blue, …); other codes get one of the
    /// remaining palette colours chosen by a deterministic hash of the code (stable across runs and processes).
    /// </summary>
    public static Color HomeColor(string iso3)
    {
        if (HomeSlots.TryGetValue(iso3, out var slot)) return PlotStyle.PaletteColor(slot);
        var hash = 17u;
        foreach (var c in iso3.ToUpperInvariant()) hash = unchecked(hash * 31 + c);
        return PlotStyle.PaletteColor(6 + (int)(hash % 3));
    }
}
