using System.Collections.Immutable;
using Simulation.Model.Agents;
using Simulation.Model.Setup;
using Simulation.Model.Output;

namespace Simulation.Model.Metrics;

/// <summary>
/// The headline series by country group (regions, blocs, income, regime, the scenario's groups), per replicate at every
/// year end: countries adopting, countries with vendors of each home state, population covered, installed shares by
/// home state and the foreign-data-access share. Counts and people are sums over a group's members; shares are the
/// group's summed numerator over its summed denominator (0 when nothing is installed), as for the world.
/// A metric added to the catalogue joins the breakdown by a line in <see cref="Measure"/>.
/// </summary>
public sealed class GroupRecorder
{
    private readonly RunContext _ctx;
    private readonly double[][] _values; // [replicate][yearEnd * groups * series + group * series + s]
    private readonly int _homes;
    private readonly int _width;

    public GroupRecorder(RunContext ctx, int yearEnds)
    {
        _ctx = ctx;
        _homes = ctx.World.Homes.Count;
        Groups = ctx.Plan.Groups;
        var series = new List<Series>();
        void Add(string metric, string group) => series.Add(new Series(series.Count, metric, group));
        Add(MetricCatalog.CountriesAdopted, MetricCatalog.Any);
        foreach (var h in ctx.World.Homes) Add(MetricCatalog.CountriesWithVendorOrigin, h);
        Add(MetricCatalog.PopulationCovered, MetricCatalog.Any);
        foreach (var h in ctx.World.Homes) Add(MetricCatalog.InstalledShareOrigin, h);
        Add(MetricCatalog.ForeignDataAccessShare, MetricCatalog.Any);
        Series = series;
        _width = yearEnds * Groups.Count * Series.Count;
        _values = new double[ctx.Replicates][]; // made when first recorded, or taken in from a batch (as in RunRecorder)
    }

    public IReadOnlyList<CountryGroup> Groups { get; }
    /// <summary>The headline series every group has (same metric and group names as the world's series).</summary>
    public IReadOnlyList<Series> Series { get; }

    private double[] RowOf(int replicate) => _values[replicate] ??= new double[_width];

    /// <summary>Takes in a batch's replicates as replicates <paramref name="first"/>.. of this run.</summary>
    internal void Absorb(int first, IReadOnlyList<double[]> rows)
    {
        if (first < 0 || first + rows.Count > _values.Length)
            throw new ArgumentException($"a batch of {rows.Count} group rows at {first} does not fit a run of {_values.Length}");
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != _width) throw new ArgumentException("a batch's group row has the wrong number of values");
            _values[first + i] = rows[i];
        }
    }

    /// <summary>The breakdown as the results read it: wraps this recorder's rows, each series described by <paramref name="describe"/>.</summary>
    internal GroupBreakdown Breakdown(Func<Series, SeriesInfo> describe)
    {
        for (var r = 0; r < _values.Length; r++) RowOf(r);
        return new GroupBreakdown([.. Groups.Select(g => new BreakdownGroup(g.Name, g.Kind, g.Label, g.Members.Length))],
            [.. Series.Select(describe)], _values);
    }

    /// <summary>Records every replicate at a year end; members are summed in country order (reproducible sums).</summary>
    internal void Record(int yearEnd, ImmutableArray<CountryReport>[] reportsByCountry) =>
        Parallel.For(0, _ctx.Replicates, r =>
        {
            // Per country: adopted, has home h (homes), population covered, installed by home h (homes), installed, foreign.
            var width = 2 * _homes + 4;
            var measures = new double[reportsByCountry.Length * width];
            for (var c = 0; c < reportsByCountry.Length; c++) Measure(reportsByCountry[c][r], measures.AsSpan(c * width, width));
            Span<double> sums = width <= 256 ? stackalloc double[width] : new double[width];
            for (var g = 0; g < Groups.Count; g++)
            {
                var group = Groups[g];
                sums.Clear();
                foreach (var c in group.Members)
                    for (var k = 0; k < width; k++) sums[k] += measures[c * width + k];
                var row = RowOf(r).AsSpan((yearEnd * Groups.Count + g) * Series.Count, Series.Count);
                var installed = sums[2 + 2 * _homes];
                row[0] = sums[0];
                for (var h = 0; h < _homes; h++) row[1 + h] = sums[1 + h];
                row[1 + _homes] = sums[1 + _homes];
                for (var h = 0; h < _homes; h++) row[2 + _homes + h] = installed > 0 ? sums[2 + _homes + h] / installed : 0;
                row[2 + 2 * _homes] = installed > 0 ? sums[3 + 2 * _homes] / installed : 0;
            }
        });

    /// <summary>One country's contributions, laid out as the comment in <see cref="Record"/> says.</summary>
    private void Measure(CountryReport report, Span<double> m)
    {
        m[0] = report.AdoptedMask != 0 ? 1 : 0;
        foreach (var holding in report.Holdings)
        {
            var home = _ctx.VendorHome[holding.Vendor];
            m[1 + home] = 1;
            m[2 + _homes + home] += holding.ActiveValueUsd;
            m[2 + 2 * _homes] += holding.ActiveValueUsd;
            m[3 + 2 * _homes] += holding.ForeignAccessValueUsd;
        }
        m[1 + _homes] = _ctx.World.Countries[report.Country].Population * report.MaxCoverage();
    }
}
