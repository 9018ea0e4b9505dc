using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Simulation.Model.Metrics;

namespace Simulation.Runner.Results;

/// <summary>One row of deltas.csv: the mean paired difference of a series at a date, with its 95 % confidence interval.</summary>
public sealed record DeltaRow(string Scenario, string Baseline, string Date, string Metric, string Group,
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
    public static double[] Differences(RunRecorder a, RunRecorder b, string metric, string group, int tick)
    {
        var sa = a.Catalog.Get(metric, group).Index;
        var sb = b.Catalog.Get(metric, group).Index;
        return Enumerable.Range(0, a.Context.Replicates).Select(r => a.Value(r, tick, sa) - b.Value(r, tick, sb)).ToArray();
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

    /// <summary>Every series both runs have, at every year end.</summary>
    public static IEnumerable<DeltaRow> AtYearEnds(string scenario, RunRecorder a, string baseline, RunRecorder b)
    {
        var calendar = a.Context.Calendar;
        foreach (var tick in a.YearEndTicks)
            foreach (var s in a.Catalog.All)
            {
                if (!b.Catalog.TryGet(s.Metric, s.Group, out _)) continue;
                var (mean, low, high) = MeanWithInterval(Differences(a, b, s.Metric, s.Group, tick));
                yield return new DeltaRow(scenario, baseline, calendar.DateOf(tick).ToString(), s.Metric, s.Group, mean, low, high, a.Context.Replicates);
            }
    }

    /// <summary>Per tick: mean difference and the 5–95 % range of the per-replicate differences (a 90 % band).</summary>
    public static SeriesBand Band(RunRecorder a, RunRecorder b, string metric, string group)
    {
        var ticks = a.Context.Calendar.Count;
        var band = new SeriesBand(metric, group, new double[ticks], new double[ticks], new double[ticks], new double[ticks]);
        for (var t = 0; t < ticks; t++)
        {
            var d = Differences(a, b, metric, group, t);
            band.Mean[t] = d.Mean();
            Array.Sort(d);
            band.P05[t] = SortedArrayStatistics.QuantileCustom(d, 0.05, QuantileDefinition.R8);
            band.P50[t] = band.Mean[t]; // the difference plots draw the mean
            band.P95[t] = SortedArrayStatistics.QuantileCustom(d, 0.95, QuantileDefinition.R8);
        }
        return band;
    }

    public static void Write(string path, IEnumerable<DeltaRow> rows)
    {
        using var csv = new Csv(path, "scenario,baseline,date,metric,group,mean_diff,ci95_low,ci95_high,replicates");
        foreach (var r in rows)
        {
            csv.Field(r.Scenario).Field(r.Baseline).Field(r.Date).Field(r.Metric).Field(r.Group)
                .Field(r.MeanDiff).Field(r.Ci95Low).Field(r.Ci95High).Field(r.Replicates);
            csv.EndRow();
        }
    }
}
