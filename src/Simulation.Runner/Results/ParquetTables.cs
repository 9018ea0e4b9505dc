using Parquet;
using Parquet.Schema;
using Simulation.Model.Engine;

namespace Simulation.Runner.Results;

/// <summary>
/// The heavy per-replicate tables (every series at every tick, every contract) as Parquet: typed columns, strings
/// dictionary-encoded and Zstd-compressed, full double precision. pandas (`pd.read_parquet`), R (`arrow::read_parquet`)
/// and DuckDB read them directly. One row group per replicate keeps memory flat however many replicates a run has.
/// Rows run series by series, then date by date, so neighbouring values are one series over time and compress well.
/// </summary>
public static class ParquetTables
{
    private static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Zstd };

    static ParquetTables()
    {
        // Doubles split into byte streams compress far better than as they are (most of each file is doubles).
        Options.ColumnEncodingHints[Value.Name] = EncodingHint.ByteSplitStream;
        Options.ColumnEncodingHints[ValueUsd.Name] = EncodingHint.ByteSplitStream;
    }

    public static readonly DataField<string> Scenario = new("scenario");
    public static readonly DataField<int> Replicate = new("replicate");
    public static readonly DataField<string> Date = new("date");
    public static readonly DataField<string> Metric = new("metric");
    public static readonly DataField<string> Group = new("group");
    public static readonly DataField<double> Value = new("value");

    public static async Task WriteTimeseriesAsync(string path, string scenario, RunResult result)
    {
        var recorder = result.Recorder;
        var calendar = recorder.Calendar;
        var series = recorder.Catalog.All;
        var rows = calendar.Count * series.Count;
        var dates = Enumerable.Range(0, calendar.Count).Select(t => calendar.DateOf(t).ToString()).ToArray();
        // Columns other than replicate and value are the same in every replicate's row group.
        var scenarioColumn = Enumerable.Repeat(scenario, rows).ToArray();
        var dateColumn = new string[rows];
        var metricColumn = new string[rows];
        var groupColumn = new string[rows];
        foreach (var s in series)
            for (var t = 0; t < calendar.Count; t++)
            {
                var i = s.Index * calendar.Count + t;
                (dateColumn[i], metricColumn[i], groupColumn[i]) = (dates[t], s.Metric, s.Group);
            }
        var replicateColumn = new int[rows];
        var valueColumn = new double[rows];
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(Scenario, Replicate, Date, Metric, Group, Value), file, Options);
        for (var r = 0; r < recorder.Replicates; r++)
        {
            Array.Fill(replicateColumn, r);
            for (var t = 0; t < calendar.Count; t++)
                foreach (var s in series) valueColumn[s.Index * calendar.Count + t] = recorder.Value(r, t, s.Index);
            var bad = Array.FindIndex(valueColumn, v => !double.IsFinite(v)); // NaN or Infinity is a bug, never an output (as in Csv)
            if (bad >= 0)
                throw new NonFiniteOutputException(path, r * rows + bad + 1, "value", valueColumn[bad],
                    [scenario, $"replicate {r}", dateColumn[bad], metricColumn[bad], groupColumn[bad]]);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(Scenario, scenarioColumn);
            await group.WriteAsync(Replicate, (ReadOnlyMemory<int>)replicateColumn);
            await group.WriteAsync(Date, dateColumn);
            await group.WriteAsync(Metric, metricColumn);
            await group.WriteAsync(Group, groupColumn);
            await group.WriteAsync(Value, (ReadOnlyMemory<double>)valueColumn);
        }
    }

    public static readonly DataField<string> ContractId = new("id");
    public static readonly DataField<string> Signed = new("signed");
    public static readonly DataField<string> Country = new("country");
    public static readonly DataField<string> Vendor = new("vendor");
    public static readonly DataField<string> Capability = new("capability");
    public static readonly DataField<double> ValueUsd = new("value_usd");
    public static readonly DataField<int> DurationMonths = new("duration_months");
    public static readonly DataField<bool> Financed = new("financed");
    public static readonly DataField<bool> DataAccess = new("data_access");
    public static readonly DataField<string> Status = new("status");

    /// <summary>Every contract of every replicate, one row group per replicate (the same columns as contracts.csv).</summary>
    public static async Task WriteContractsAsync(string path, RunResult result)
    {
        await using var file = File.Create(path);
        var schema = new ParquetSchema(Replicate, ContractId, Signed, Country, Vendor, Capability, ValueUsd, DurationMonths, Financed, DataAccess, Status);
        await using var writer = await ParquetWriter.CreateAsync(schema, file, Options);
        var byReplicate = result.Contracts.GroupBy(c => c.Replicate).OrderBy(g => g.Key).Select(g => g.ToArray()).ToList();
        if (byReplicate.Count == 0) byReplicate.Add([]); // an empty table still has its columns
        foreach (var rows in byReplicate)
        {
            if (rows.FirstOrDefault(c => !double.IsFinite(c.ValueUsd)) is { } bad)
                throw new NonFiniteOutputException(path, Array.IndexOf(rows, bad) + 1, "value_usd", bad.ValueUsd,
                    [$"replicate {bad.Replicate}", bad.Id, bad.Country, bad.Vendor, bad.Capability]);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(Replicate, (ReadOnlyMemory<int>)rows.Select(c => c.Replicate).ToArray());
            await group.WriteAsync(ContractId, rows.Select(c => c.Id).ToArray());
            await group.WriteAsync(Signed, rows.Select(c => c.Signed).ToArray());
            await group.WriteAsync(Country, rows.Select(c => c.Country).ToArray());
            await group.WriteAsync(Vendor, rows.Select(c => c.Vendor).ToArray());
            await group.WriteAsync(Capability, rows.Select(c => c.Capability).ToArray());
            await group.WriteAsync(ValueUsd, (ReadOnlyMemory<double>)rows.Select(c => c.ValueUsd).ToArray());
            await group.WriteAsync(DurationMonths, (ReadOnlyMemory<int>)rows.Select(c => c.DurationMonths).ToArray());
            await group.WriteAsync(Financed, (ReadOnlyMemory<bool>)rows.Select(c => c.Financed).ToArray());
            await group.WriteAsync(DataAccess, (ReadOnlyMemory<bool>)rows.Select(c => c.DataAccess).ToArray());
            await group.WriteAsync(Status, rows.Select(c => c.Status).ToArray());
        }
    }
}
