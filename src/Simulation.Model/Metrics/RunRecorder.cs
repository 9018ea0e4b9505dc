using System.Collections.Immutable;
using Simulation.Model.Agents;
using Simulation.Model.Setup;
using Simulation.Model.Market;
using Simulation.Model.Output;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Model.Metrics;

/// <summary>
/// Data collection (Mesa's DataCollector role): turns each tick's country reports and offer sheets into the catalogue's
/// series for every replicate, and counts, at each year end, in how many replicates each country indicator holds.
/// Reports are read in country order and sums taken in that order, so results are bit-for-bit reproducible. A finished
/// run hands its arrays on as an <see cref="EnsembleResult"/> (<see cref="Result"/>); the results read only that.
/// </summary>
public sealed class RunRecorder
{
    private readonly RunContext _ctx;
    private readonly double[][] _values; // [replicate][tick * series + s]
    private readonly int[][] _yearEnd;   // [year-end index][country * indicators + i]

    public RunRecorder(RunContext ctx)
    {
        _ctx = ctx;
        Catalog = new MetricCatalog(ctx.World, [.. ctx.Policies.Financing.Select(p => p.Id)]);
        // Rows are made when first recorded: a run stitched from batches or chunks takes theirs in instead (Absorb).
        _values = new double[ctx.Replicates][];
        YearEndTicks = Enumerable.Range(0, ctx.Calendar.Count).Where(ctx.Calendar.IsYearEnd).ToArray();
        Indicators = [.. new[] { "adopted_any" }.Concat(Capabilities.Ids.Select(id => "adopted_" + id))
            .Concat(ctx.World.Homes.Select(h => "vendor_origin:" + h)).Concat(ctx.World.Vendors.Select(v => "vendor:" + v.Id))];
        _yearEnd = YearEndTicks.Select(_ => new int[ctx.World.Countries.Count * Indicators.Length]).ToArray();
        Groups = new GroupRecorder(ctx, YearEndTicks.Length);
        _signed = Catalog.Get(MetricCatalog.ContractsSigned, MetricCatalog.Any).Index;
        _signedValue = Catalog.Get(MetricCatalog.ContractValueUsd, MetricCatalog.Any).Index;
        _population = Catalog.Get(MetricCatalog.PopulationCovered, MetricCatalog.Any).Index;
        _foreign = Catalog.Get(MetricCatalog.ForeignDataAccessShare, MetricCatalog.Any).Index;
        _offered = [.. ctx.World.Vendors.Select(v => Capabilities.All.Where(v.Offers).Select(k => (int)k).ToArray())];
    }

    private readonly int _signed, _signedValue, _population, _foreign;
    /// <summary>Per vendor, the capabilities (indices, in order) it offers.</summary>
    private readonly int[][] _offered;

    /// <summary>
    /// The finished run as the results read it: it wraps this recorder's arrays (nothing is copied), with the
    /// catalogue's labels and units and the world's facts, and the run's <paramref name="contracts"/>.
    /// </summary>
    public EnsembleResult Result(ImmutableArray<ContractRecord> contracts)
    {
        for (var r = 0; r < _values.Length; r++) RowOf(r); // every replicate has its row, even one never recorded
        var world = _ctx.World;
        var series = new SeriesCatalog([.. Catalog.All.Select(s => Describe(s))]);
        return new EnsembleResult([.. Enumerable.Range(0, Calendar.Count).Select(Calendar.DateOf)], YearEndTicks, series, _values,
            Groups.Breakdown(Describe), new CountryIndicators([.. world.Countries.Select(c => c.Iso3)], Indicators, _yearEnd, Replicates),
            Facts(world), contracts);
    }

    private SeriesInfo Describe(Series s)
    {
        var info = MetricUnits.Of(s.Metric);
        return new SeriesInfo(s.Index, s.Metric, s.Group, SeriesLabels.Of(_ctx.World, s.Metric, s.Group), info.Unit, info.Description, info.Groups);
    }

    private static WorldFacts Facts(WorldData world) => new(world.Countries.Count,
        [.. Enumerable.Range(0, Regime.Count).Select(r => world.Countries.Count(c => c.Regime == r))],
        [.. Enumerable.Range(0, Regime.Count).Select(Regime.Label)],
        world.Homes, world.Homes.ToDictionary(h => h, h => world.Country(h).Name),
        [.. world.Vendors.Select(v => new VendorFacts(v.Id, v.Name, v.Home))]);

    public MetricCatalog Catalog { get; }
    /// <summary>The headline series by region, bloc, income group, regime and scenario group, at year ends.</summary>
    public GroupRecorder Groups { get; }
    public int[] YearEndTicks { get; }
    public string[] Indicators { get; }
    /// <summary>The dates of the recorded ticks.</summary>
    public Calendar Calendar => _ctx.Calendar;
    public int Replicates => _ctx.Replicates;

    private double[] RowOf(int replicate) => _values[replicate] ??= new double[_ctx.Calendar.Count * Catalog.Count];

    /// <summary>
    /// Takes in a batch run apart: its replicates become replicates <paramref name="first"/>.. of this run and its
    /// year-end counts are added. Counts are integers, so batches may arrive in any order and the result is exact.
    /// </summary>
    public void Absorb(int first, IReadOnlyList<double[]> rows, IReadOnlyList<int[]> yearEndCounts, IReadOnlyList<double[]> groupRows)
    {
        Groups.Absorb(first, groupRows);
        if (first < 0 || first + rows.Count > _values.Length || yearEndCounts.Count != _yearEnd.Length)
            throw new ArgumentException($"a batch of {rows.Count} replicates at {first} does not fit a run of {_values.Length}");
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != _ctx.Calendar.Count * Catalog.Count) throw new ArgumentException("a batch row has the wrong number of values");
            _values[first + i] = rows[i];
        }
        for (var y = 0; y < _yearEnd.Length; y++)
            for (var j = 0; j < _yearEnd[y].Length; j++) _yearEnd[y][j] += yearEndCounts[y][j];
    }

    public void Record(int tick, ImmutableArray<VendorOffer>[] offersByVendor, ImmutableArray<CountryReport>[] reportsByCountry,
        double[] financingSpent)
    {
        // Replicates are independent rows: computed in parallel, each summed in country order.
        Parallel.For(0, _ctx.Replicates, () => new bool[_ctx.World.Homes.Count],
            (r, _, hasHome) => { RecordRow(tick, r, offersByVendor, reportsByCountry, financingSpent, hasHome); return hasHome; }, _ => { });
        var yearEnd = Array.IndexOf(YearEndTicks, tick);
        if (yearEnd >= 0)
        {
            CountYearEnd(yearEnd, reportsByCountry);
            Groups.Record(yearEnd, reportsByCountry);
        }
    }

    private void RecordRow(int tick, int r, ImmutableArray<VendorOffer>[] offersByVendor, ImmutableArray<CountryReport>[] reportsByCountry,
        double[] financingSpent, bool[] hasHome)
    {
        var world = _ctx.World;
        var homes = world.Homes.Count;
        var row = RowOf(r).AsSpan(tick * Catalog.Count, Catalog.Count);
        Span<double> installedByHome = homes <= 256 ? stackalloc double[homes] : new double[homes];
        double installed = 0, foreign = 0;
        for (var c = 0; c < reportsByCountry.Length; c++)
        {
            var report = reportsByCountry[c][r];
            var profile = world.Countries[c];
            Array.Clear(hasHome);
            if (report.AdoptedMask != 0)
            {
                row[Catalog.AdoptedAny]++;
                row[Catalog.AdoptedByRegime + profile.Regime]++;
            }
            for (var k = 0; k < Capabilities.Count; k++)
                if (report.Adopted(k)) row[Catalog.AdoptedByCapability + k]++;
            foreach (var h in report.Holdings)
            {
                var home = _ctx.VendorHome[h.Vendor];
                hasHome[home] = true;
                row[Catalog.WithVendor + h.Vendor]++;
                installedByHome[home] += h.ActiveValueUsd;
                installed += h.ActiveValueUsd;
                foreign += h.ForeignAccessValueUsd;
            }
            for (var h = 0; h < homes; h++)
                if (hasHome[h])
                {
                    row[Catalog.WithOrigin + h]++;
                    if (profile.Bri) row[Catalog.BriWithOrigin + h]++;
                }
            row[_signed] += report.Signed;
            row[_signedValue] += report.SignedValueUsd;
            row[_population] += profile.Population * report.MaxCoverage();
        }
        for (var h = 0; h < homes; h++) row[Catalog.ShareOrigin + h] = installed > 0 ? installedByHome[h] / installed : 0;
        row[_foreign] = installed > 0 ? foreign / installed : 0;
        for (var v = 0; v < world.Vendors.Count; v++)
        {
            // Mean quality over the capabilities the vendor offers, summed in capability order (a loop rather than LINQ:
            // this runs for every vendor, replicate and tick).
            var offer = offersByVendor[v][r];
            double quality = 0;
            foreach (var k in _offered[v]) quality += offer.Quality[k];
            row[Catalog.Quality + v] = _offered[v].Length > 0 ? quality / _offered[v].Length : 0;
            row[Catalog.Capacity + v] = offer.AnnualCapacity;
        }
        var financing = _ctx.Policies.Financing.Count;
        for (var f = 0; f < financing; f++) row[Catalog.Financing + f] = financingSpent[r * financing + f];
    }

    /// <summary>At a year end: in how many replicates each country indicator holds.</summary>
    private void CountYearEnd(int yearEnd, ImmutableArray<CountryReport>[] reportsByCountry)
    {
        var homes = _ctx.World.Homes.Count;
        var hasHome = new bool[homes];
        for (var c = 0; c < reportsByCountry.Length; c++)
        {
            var indicators = _yearEnd[yearEnd].AsSpan(c * Indicators.Length, Indicators.Length);
            foreach (var report in reportsByCountry[c])
            {
                if (report.AdoptedMask != 0) indicators[0]++;
                for (var k = 0; k < Capabilities.Count; k++)
                    if (report.Adopted(k)) indicators[1 + k]++;
                Array.Clear(hasHome);
                foreach (var h in report.Holdings)
                {
                    hasHome[_ctx.VendorHome[h.Vendor]] = true;
                    indicators[1 + Capabilities.Count + homes + h.Vendor]++;
                }
                for (var h = 0; h < homes; h++)
                    if (hasHome[h]) indicators[1 + Capabilities.Count + h]++;
            }
        }
    }
}
