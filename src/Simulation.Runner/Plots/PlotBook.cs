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

    // Fixed palette slots so a home state has the same colour in every plot and run.
    private static readonly Dictionary<string, int> HomeSlots = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USA"] = 0, ["CHN"] = 1, ["FRA"] = 2, ["JPN"] = 3, ["ISR"] = 4, ["RUS"] = 5,
    };

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
