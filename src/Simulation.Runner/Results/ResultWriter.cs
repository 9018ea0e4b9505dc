using MathNet.Numerics.Statistics;
using Simulation.Model.Engine;
using Simulation.Model.Market;
using Simulation.Model.Metrics;
using Simulation.Model.Time;
using Simulation.Scenarios;

namespace Simulation.Runner.Results;

/// <summary>
/// Writes the output contract's CSV files (README "Output files"): summary and countries always; the per-replicate
/// timeseries and contracts only with --detail full (they are always in the Parquet files).
/// </summary>
public static class ResultWriter
{
    public const string TimeseriesHeader = "scenario,replicate,date,metric,group,value";

    public static void WriteTimeseries(string path, string scenario, RunResult result)
    {
        using var csv = new Csv(path, TimeseriesHeader);
        AppendTimeseries(csv, scenario, 0, result.Recorder);
    }

    /// <summary>The replicates of <paramref name="part"/> (numbered from 0) as replicates <paramref name="first"/>.. of the run.</summary>
    public static void AppendTimeseries(Csv csv, string scenario, int first, RunRecorder part)
    {
        var calendar = part.Calendar;
        var catalog = part.Catalog;
        for (var r = 0; r < part.Replicates; r++)
            for (var t = 0; t < calendar.Count; t++)
            {
                var date = calendar.DateOf(t).ToString();
                foreach (var s in catalog.All)
                {
                    csv.Field(scenario).Field(first + r).Field(date).Field(s.Metric).Field(s.Group).Field(part.Value(r, t, s.Index));
                    csv.EndRow();
                }
            }
    }

    public static void WriteSummary(string path, EnsembleSummary summary)
    {
        using var csv = new Csv(path, "scenario,date,metric,group,mean,p05,p50,p95,replicates");
        for (var t = 0; t < summary.Dates.Length; t++)
        {
            var date = summary.Dates[t].ToString();
            foreach (var b in summary.Order)
            {
                csv.Field(summary.Scenario).Field(date).Field(b.Metric).Field(b.Group)
                    .Field(b.Mean[t]).Field(b.P05[t]).Field(b.P50[t]).Field(b.P95[t]).Field(summary.Replicates);
                csv.EndRow();
            }
        }
    }

    /// <summary>
    /// countries.csv, one row per country and year end (wide, so it joins the world file on iso3): for each indicator
    /// the share of replicates in which it held. Indicator columns use '_' where the catalogue has ':' (vendor_origin_CHN).
    /// </summary>
    public static void WriteCountries(string path, string scenario, RunResult result)
    {
        var recorder = result.Recorder;
        using var csv = new Csv(path, "scenario,year,iso3," + string.Join(",", recorder.Indicators.Select(i => i.Replace(':', '_'))));
        for (var y = 0; y < recorder.YearEndTicks.Length; y++)
        {
            var year = recorder.Calendar.DateOf(recorder.YearEndTicks[y]).Year;
            for (var c = 0; c < recorder.World.Countries.Count; c++)
            {
                csv.Field(scenario).Field(year).Field(recorder.World.Countries[c].Iso3);
                for (var i = 0; i < recorder.Indicators.Length; i++) csv.Field(recorder.Probability(y, c, i));
                csv.EndRow();
            }
        }
    }

    public const string ContractsHeader = "replicate,number,signed,country,vendor,capability,value_usd,duration_months,financed,data_access,status";

    public static void WriteContracts(string path, RunResult result)
    {
        using var csv = new Csv(path, ContractsHeader);
        AppendContracts(csv, 0, result.Contracts);
    }

    /// <summary>Contracts whose Replicate is numbered from 0, as replicates <paramref name="first"/>.. of the run.</summary>
    public static void AppendContracts(Csv csv, int first, IEnumerable<ContractRecord> contracts)
    {
        foreach (var c in contracts)
        {
            csv.Field(first + c.Replicate).Field(c.Number).Field(c.Signed).Field(c.Country).Field(c.Vendor).Field(c.Capability)
                .Field(c.ValueUsd).Field(c.DurationMonths).Field(c.Financed).Field(c.DataAccess).Field(c.Status);
            csv.EndRow();
        }
    }

    /// <summary>metrics.csv: every series the files hold, with its unit (from the one catalogue) and what it means.</summary>
    public static void WriteMetrics(string path, MetricCatalog catalog)
    {
        using var csv = new Csv(path, "metric,group,unit,description");
        foreach (var s in catalog.All)
        {
            var info = MetricUnits.Of(s.Metric);
            csv.Field(s.Metric).Field(s.Group).Field(info.Unit).Field(info.Description);
            csv.EndRow();
        }
    }

    /// <summary>
    /// groups.csv: the headline series by country group (regions, blocs, income groups, regimes, the scenario's groups)
    /// at every year end, as ensemble statistics like summary.csv.
    /// </summary>
    public static void WriteGroups(string path, string scenario, RunRecorder recorder)
    {
        var groups = recorder.Groups;
        var calendar = recorder.Calendar;
        var replicates = recorder.Replicates;
        var sample = new double[replicates];
        using var csv = new Csv(path, "scenario,date,country_group,kind,metric,group,mean,p05,p50,p95,replicates");
        for (var y = 0; y < recorder.YearEndTicks.Length; y++)
            foreach (var (group, g) in groups.Groups.Select((x, i) => (x, i)))
                foreach (var s in groups.Series)
                {
                    for (var r = 0; r < replicates; r++) sample[r] = groups.Value(r, y, g, s.Index);
                    var mean = sample.Mean();
                    Array.Sort(sample);
                    csv.Field(scenario).Field(calendar.DateOf(recorder.YearEndTicks[y]).ToString()).Field(group.Name).Field(group.Kind)
                        .Field(s.Metric).Field(s.Group).Field(mean)
                        .Field(SortedArrayStatistics.QuantileCustom(sample, 0.05, QuantileDefinition.R8))
                        .Field(SortedArrayStatistics.QuantileCustom(sample, 0.50, QuantileDefinition.R8))
                        .Field(SortedArrayStatistics.QuantileCustom(sample, 0.95, QuantileDefinition.R8)).Field(replicates);
                    csv.EndRow();
                }
    }
}
