using MathNet.Numerics.Statistics;
using Simulation.Model.Output;
using Simulation.Model.Time;

namespace Simulation.Runner.Results;

/// <summary>Ensemble statistics of one series over time: mean, median and the 5–95 % band across replicates.</summary>
public sealed record SeriesBand(string Metric, string Group, double[] Mean, double[] P05, double[] P50, double[] P95)
{
    /// <summary>The band in other units, e.g. ×100 for percent.</summary>
    public SeriesBand Scaled(double k) => k == 1 ? this
        : this with { Mean = [.. Mean.Select(v => v * k)], P05 = [.. P05.Select(v => v * k)], P50 = [.. P50.Select(v => v * k)], P95 = [.. P95.Select(v => v * k)] };
}

/// <summary>
/// An observed value to mark on the plots of a hindcast, in the plot's units (a count, or a share in % of a group),
/// e.g. the 75 countries using AI surveillance in Carnegie's AI Global Surveillance Index of September 2019.
/// </summary>
public sealed record ObservedPoint(string Metric, string Group, YearMonth Date, double Value, string Source);

/// <summary>A policy window to mark on plots: a labelled line at its start (and at its end if it has one).</summary>
public sealed record PolicyMarker(string Label, YearMonth From, YearMonth? Until);

/// <summary>
/// Everything the plots and summary.csv need: per-tick ensemble statistics of every series, with the dates.
/// Quantiles use MathNet's R-8 estimator (Statistics.QuantileCustom, median-unbiased), the same everywhere.
/// </summary>
public sealed class EnsembleSummary
{
    private readonly Dictionary<(string, string), SeriesBand> _bands = [];

    public EnsembleSummary(string scenario, EnsembleResult result, IReadOnlyList<PolicyMarker> policies, IReadOnlyList<ObservedPoint>? observed = null)
    {
        Scenario = scenario;
        Policies = policies;
        Observed = observed ?? [];
        Dates = [.. result.Dates];
        Replicates = result.Replicates;
        Series = result.Series;
        var world = result.World;
        Homes = world.Homes;
        Vendors = world.Vendors.Select(v => v.Id).ToArray();
        VendorNames = world.Vendors.ToDictionary(v => v.Id, v => v.Name);
        VendorHome = world.Vendors.ToDictionary(v => v.Id, v => v.Home);
        HomeNames = world.HomeNames;
        CountryCount = world.CountryCount;
        RegimeSizes = world.RegimeSizes;
        RegimeLabels = world.RegimeLabels;
        var sample = new double[Replicates];
        foreach (var s in result.Series.All)
        {
            var band = new SeriesBand(s.Metric, s.Group, new double[Dates.Length], new double[Dates.Length], new double[Dates.Length], new double[Dates.Length]);
            for (var t = 0; t < Dates.Length; t++)
            {
                for (var r = 0; r < Replicates; r++) sample[r] = result.Value(r, t, s.Index);
                (band.Mean[t], band.P05[t], band.P50[t], band.P95[t]) = Spread.Of(sample);
            }
            _bands[(s.Metric, s.Group)] = band;
            Order.Add(band);
        }
    }

    public string Scenario { get; }
    public int Replicates { get; }
    public YearMonth[] Dates { get; }
    /// <summary>Decimal years of the ticks (x axis of every time plot).</summary>
    public double[] Years => Dates.Select(d => d.DecimalYear).ToArray();
    public IReadOnlyList<PolicyMarker> Policies { get; }
    /// <summary>Observed values to mark (hindcasts only; empty otherwise).</summary>
    public IReadOnlyList<ObservedPoint> Observed { get; }
    /// <summary>Countries in the world data (the top of every count-of-countries axis).</summary>
    public int CountryCount { get; }
    /// <summary>Vendor home states (ISO3) and vendor ids, sorted, with names and homes for legends.</summary>
    public IReadOnlyList<string> Homes { get; }
    public IReadOnlyList<string> Vendors { get; }
    public IReadOnlyDictionary<string, string> VendorNames { get; }
    public IReadOnlyDictionary<string, string> VendorHome { get; }
    /// <summary>Each home state's name in the world data ("CHN" → "China"), for legends.</summary>
    public IReadOnlyDictionary<string, string> HomeNames { get; }
    /// <summary>Number of countries in each V-Dem regime class, 0 (closed autocracy) to 3 (shares by regime divide by these).</summary>
    public IReadOnlyList<int> RegimeSizes { get; }
    /// <summary>Each regime class's name ("Closed autocracy").</summary>
    public IReadOnlyList<string> RegimeLabels { get; }
    /// <summary>The run's series with their labels and units.</summary>
    public SeriesCatalog Series { get; }
    /// <summary>All bands in catalogue order.</summary>
    public List<SeriesBand> Order { get; } = [];

    public SeriesBand Band(string metric, string group) => _bands[(metric, group)];
}
