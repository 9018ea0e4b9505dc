using Simulation.Model.Output;
using Simulation.Model.Market;
using Simulation.Model.Time;

namespace Simulation.Runner.Results;

/// <summary>
/// Writes the output contract's CSV files (README "Output files"): summary and countries always; the per-replicate
/// timeseries and contracts only with --detail full (they are always in the Parquet files).
/// </summary>
public static class ResultWriter
{
    public const string TimeseriesHeader = "scenario,replicate,date,metric,group,value";

    public static void WriteTimeseries(string path, string scenario, EnsembleResult result)
    {
        using var csv = new Csv(path, TimeseriesHeader);
        AppendTimeseries(csv, scenario, 0, result);
    }

    /// <summary>The replicates of <paramref name="part"/> (numbered from 0) as replicates <paramref name="first"/>.. of the run.</summary>
    public static void AppendTimeseries(Csv csv, string scenario, int first, EnsembleResult part)
    {
        for (var r = 0; r < part.Replicates; r++)
            for (var t = 0; t < part.Dates.Count; t++)
            {
                var date = part.Dates[t].ToString();
                foreach (var s in part.Series.All)
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
    public static void WriteCountries(string path, string scenario, EnsembleResult result)
    {
        var countries = result.Countries;
        using var csv = new Csv(path, "scenario,year,iso3," + string.Join(",", countries.Names.Select(i => i.Replace(':', '_'))));
        for (var y = 0; y < result.YearEnds.Count; y++)
        {
            var year = result.Dates[result.YearEnds[y]].Year;
            for (var c = 0; c < countries.Iso3.Count; c++)
            {
                csv.Field(scenario).Field(year).Field(countries.Iso3[c]);
                for (var i = 0; i < countries.Names.Count; i++) csv.Field(countries.Probability(y, c, i));
                csv.EndRow();
            }
        }
    }

    public const string ContractsHeader = "replicate,number,signed,country,vendor,capability,value_usd,duration_months,financed,data_access,status";

    public static void WriteContracts(string path, EnsembleResult result)
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
    public static void WriteMetrics(string path, SeriesCatalog catalog)
    {
        using var csv = new Csv(path, "metric,group,unit,description");
        foreach (var s in catalog.All)
        {
            csv.Field(s.Metric).Field(s.Group).Field(s.Unit).Field(s.Description);
            csv.EndRow();
        }
    }

    /// <summary>
    /// groups.csv: the headline series by country group (regions, blocs, income groups, regimes, the scenario's groups)
    /// at every year end, as ensemble statistics like summary.csv.
    /// </summary>
    public static void WriteGroups(string path, string scenario, EnsembleResult result)
    {
        var groups = result.Groups;
        var replicates = result.Replicates;
        var sample = new double[replicates];
        using var csv = new Csv(path, "scenario,date,country_group,kind,metric,group,mean,p05,p50,p95,replicates");
        for (var y = 0; y < result.YearEnds.Count; y++)
            foreach (var (group, g) in groups.Groups.Select((x, i) => (x, i)))
                foreach (var s in groups.Series)
                {
                    for (var r = 0; r < replicates; r++) sample[r] = groups.Value(r, y, g, s.Index);
                    var spread = Spread.Of(sample);
                    csv.Field(scenario).Field(result.Dates[result.YearEnds[y]].ToString()).Field(group.Name).Field(group.Kind)
                        .Field(s.Metric).Field(s.Group).Field(spread.Mean).Field(spread.P05).Field(spread.P50).Field(spread.P95).Field(replicates);
                    csv.EndRow();
                }
    }
}
