using ScottPlot;
using Simulation.Model.Metrics;
using Simulation.Runner.Results;

namespace Simulation.Runner.Plots;

/// <summary>A main outcome: its series, title and what is counted; unit and display scale come from the unit catalogue.</summary>
/// <param name="OfAllCountries">A count of the world's countries: its axis says of how many (the world data's, e.g. 196).</param>
public sealed record Outcome(string Metric, string Group, string Title, string Quantity, bool OfAllCountries = false)
{
    public string FileStem => $"{Metric}_{Group}".Replace(':', '_');
    public string Unit => MetricUnits.Of(Metric).Unit;
    public double Scale => UnitDisplay.Scale(Unit);
    public string ScreenUnit => UnitDisplay.Screen(Unit);
    public string DifferenceUnit => UnitDisplay.Difference(Unit);
    /// <summary>"Share of active contract value (%)"; a unit the quantity already names ("Countries (of 196)") is not repeated.</summary>
    public string YLabel(int countries)
    {
        var quantity = OfAllCountries ? $"{Quantity} (of {countries})" : Quantity;
        return quantity.Contains(ScreenUnit, StringComparison.OrdinalIgnoreCase) ? quantity : $"{quantity} ({ScreenUnit})";
    }

    public string DifferenceLabel => Quantity.Contains(ScreenUnit, StringComparison.OrdinalIgnoreCase)
        ? $"Difference ({DifferenceUnit})" : $"Difference in {Quantity.ToLowerInvariant()} ({DifferenceUnit})";

    /// <summary>The outcomes every run and comparison tabulates and every comparison plots.</summary>
    public static readonly IReadOnlyList<Outcome> Main =
    [
        new(MetricCatalog.CountriesAdopted, MetricCatalog.Any, "Countries using AI surveillance", "Countries", OfAllCountries: true),
        new(MetricCatalog.CountriesWithVendorOrigin, "CHN", "Countries with Chinese vendors", "Countries"),
        new(MetricCatalog.CountriesWithVendorOrigin, "USA", "Countries with US vendors", "Countries"),
        new(MetricCatalog.InstalledShareOrigin, "CHN", "Installed base from Chinese vendors", "Share of active contract value"),
        new(MetricCatalog.InstalledShareOrigin, "USA", "Installed base from US vendors", "Share of active contract value"),
        new(MetricCatalog.ForeignDataAccessShare, MetricCatalog.Any, "Installed base a foreign government may access", "Share of active contract value"),
    ];
}

/// <summary>Overlay plots (each scenario's median and band) and difference plots (each scenario minus the first).</summary>
public static class ComparePlots
{
    /// <summary>Scenario i always gets palette colour i, in every plot of the comparison.</summary>
    public static Color ScenarioColor(int i) => PlotStyle.PaletteColor(i);

    public static IReadOnlyList<string> Overlay(IReadOnlyList<ScenarioRun> runs, Outcome o, string directory)
    {
        var years = runs[0].Summary.Years;
        var plot = PlotStyle.Create(o.Title, string.Join(" vs ", runs.Select(r => r.Summary.Scenario)),
            PlotStyle.BandSubtitle(runs[0].Replicates) + ", same random streams in every scenario", o.YLabel(runs[0].Summary.CountryCount));
        var bands = runs.Select((r, i) => (r.Summary.Band(o.Metric, o.Group).Scaled(o.Scale), ScenarioColor(i), r.Summary.Scenario)).ToList();
        PlotStyle.AddBands(plot, years, bands);
        PlotStyle.Finish(plot, years, Policies(runs), bands.Max(b => b.Item1.P95.Max()), yCap: o.Unit == Units.Share ? 100 : runs[0].Summary.CountryCount);
        return PlotStyle.Save(plot, directory, "compare_" + o.FileStem);
    }

    public static IReadOnlyList<string> Difference(IReadOnlyList<ScenarioRun> runs, Outcome o, string directory)
    {
        var years = runs[0].Summary.Years;
        var plot = PlotStyle.Create($"Difference: {o.Title}", $"each scenario minus {runs[0].Summary.Scenario}",
            "mean of paired differences and 5–95 % range of the per-replicate differences", o.DifferenceLabel);
        var bands = runs.Skip(1).Select((r, i) => (PairedDifferences.Band(r.Result, runs[0].Result, o.Metric, o.Group).Scaled(o.Scale),
            ScenarioColor(i + 1), $"{r.Summary.Scenario} − {runs[0].Summary.Scenario}")).ToList();
        PlotStyle.AddBands(plot, years, bands);
        var lo = Math.Min(0, bands.Min(b => b.Item1.P05.Min()));
        var hi = Math.Max(0, bands.Max(b => b.Item1.P95.Max()));
        var zero = plot.Add.HorizontalLine(0, 1, Colors.Black);
        zero.ExcludeFromLegend = true;
        PlotStyle.Finish(plot, years, Policies(runs), hi);
        var (low, high) = PlotStyle.DifferenceRange(lo, hi, 0.05);
        plot.Axes.SetLimitsY(low, high); // differences can be negative: not from 0
        return PlotStyle.Save(plot, directory, "diff_" + o.FileStem);
    }

    private static IReadOnlyList<PolicyMarker> Policies(IReadOnlyList<ScenarioRun> runs) =>
        runs.SelectMany(r => r.Summary.Policies).DistinctBy(p => (p.Label, p.From, p.Until)).ToArray();

}
