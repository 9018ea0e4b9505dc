using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Simulation.Model.Output;
using Simulation.Model.Setup;

namespace Simulation.Runner.Results;

/// <summary>One row of deltas.csv: the mean paired difference of a series at a date, with its 95 % confidence interval.</summary>
/// <param name="CountryGroup">"world", or the country group (region, bloc, income, regime, scenario group) of the series.</param>
public sealed record DeltaRow(string Scenario, string Baseline, string Date, string CountryGroup, string Metric, string Group,
    double MeanDiff, double Ci95Low, double Ci95High, int Replicates)
{
    /// <summary>The interval excludes zero: a difference beyond what replicate noise explains.</summary>
    public bool Significant => Ci95Low > 0 || Ci95High < 0;
}

/// <summary>
/// Replicate-by-replicate differences between two runs of the same seed and horizon. Common random numbers make
/// replicate r of both runs share their random streams, so the difference is the policy's effect plus much less
/// noise than two independent ensembles would have. The 95 % interval of the mean difference uses Student's t.
/// </summary>
public static class PairedDifferences
{
    public static double[] Differences(EnsembleResult a, EnsembleResult b, string metric, string group, int tick)
    {
        var sa = a.Series.Get(metric, group).Index;
        var sb = b.Series.Get(metric, group).Index;
        return Enumerable.Range(0, a.Replicates).Select(r => a.Value(r, tick, sa) - b.Value(r, tick, sb)).ToArray();
    }

    /// <summary>Mean difference and its 95 % interval (zero-width when every replicate has the same difference).</summary>
    public static (double Mean, double Low, double High) MeanWithInterval(double[] d)
    {
        var mean = d.Mean();
        if (d.Length < 2) return (mean, mean, mean);
        var sd = d.StandardDeviation();
        var half = sd == 0 ? 0 : StudentT.InvCDF(0, 1, d.Length - 1, 0.975) * sd / Math.Sqrt(d.Length);
        return (mean, mean - half, mean + half);
    }

    /// <summary>Every series both runs have, at every year end: the world's, then each country group's headline series.</summary>
    public static IEnumerable<DeltaRow> AtYearEnds(string scenario, EnsembleResult a, string baseline, EnsembleResult b)
    {
        for (var y = 0; y < a.YearEnds.Count; y++)
        {
            var tick = a.YearEnds[y];
            var date = a.Dates[tick].ToString();
            foreach (var s in a.Series.All)
            {
                if (!b.Series.TryGet(s.Metric, s.Group, out _)) continue;
                var (mean, low, high) = MeanWithInterval(Differences(a, b, s.Metric, s.Group, tick));
                yield return new DeltaRow(scenario, baseline, date, CountryGroups.World, s.Metric, s.Group, mean, low, high, a.Replicates);
            }
            foreach (var (group, g) in a.Groups.Groups.Select((x, i) => (x, i)))
            {
                var gb = b.Groups.GroupIndex(group.Name);
                if (gb < 0) continue; // a scenario group only one of the two scenarios defines
                foreach (var s in a.Groups.Series)
                {
                    var sb = b.Groups.SeriesIndex(s.Metric, s.Group);
                    if (sb < 0) continue;
                    var d = Enumerable.Range(0, a.Replicates).Select(r => a.Groups.Value(r, y, g, s.Index) - b.Groups.Value(r, y, gb, sb)).ToArray();
                    var (mean, low, high) = MeanWithInterval(d);
                    yield return new DeltaRow(scenario, baseline, date, group.Name, s.Metric, s.Group, mean, low, high, a.Replicates);
                }
            }
        }
    }

    /// <summary>Per year end: mean of the paired differences of a group's series and their 5–95 % range.</summary>
    public static (double[] Mean, double[] P05, double[] P95) GroupBand(EnsembleResult a, EnsembleResult b, string countryGroup, string metric, string group)
    {
        var (ga, gb) = (a.Groups.GroupIndex(countryGroup), b.Groups.GroupIndex(countryGroup));
        var (sa, sb) = (a.Groups.SeriesIndex(metric, group), b.Groups.SeriesIndex(metric, group));
        var years = a.YearEnds.Count;
        var (mean, p05, p95) = (new double[years], new double[years], new double[years]);
        for (var y = 0; y < years; y++)
        {
            var d = Enumerable.Range(0, a.Replicates).Select(r => a.Groups.Value(r, y, ga, sa) - b.Groups.Value(r, y, gb, sb)).ToArray();
            (mean[y], p05[y], _, p95[y]) = Spread.Of(d);
        }
        return (mean, p05, p95);
    }

    /// <summary>Per tick: mean difference and the 5–95 % range of the per-replicate differences (a 90 % band).</summary>
    public static SeriesBand Band(EnsembleResult a, EnsembleResult b, string metric, string group)
    {
        var ticks = a.Dates.Count;
        var band = new SeriesBand(metric, group, new double[ticks], new double[ticks], new double[ticks], new double[ticks]);
        for (var t = 0; t < ticks; t++)
        {
            var d = Differences(a, b, metric, group, t);
            (band.Mean[t], band.P05[t], _, band.P95[t]) = Spread.Of(d);
            band.P50[t] = band.Mean[t]; // the difference plots draw the mean
        }
        return band;
    }

    public static void Write(string path, IEnumerable<DeltaRow> rows)
    {
        using var csv = new Csv(path, "scenario,baseline,date,country_group,metric,group,mean_diff,ci95_low,ci95_high,replicates");
        foreach (var r in rows)
        {
            csv.Field(r.Scenario).Field(r.Baseline).Field(r.Date).Field(r.CountryGroup).Field(r.Metric).Field(r.Group)
                .Field(r.MeanDiff).Field(r.Ci95Low).Field(r.Ci95High).Field(r.Replicates);
            csv.EndRow();
        }
    }
}
