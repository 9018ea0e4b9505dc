using System.IO.Compression;
using Parquet;
using Parquet.Schema;
using Simulation.Model.Output;
using Simulation.Model.Market;
using Simulation.Model.Setup;

namespace Simulation.Runner.Results;

/// <summary>
/// The heavy per-replicate tables (every series at every tick, every contract) as Parquet: typed columns, strings
/// dictionary-encoded and Zstd-compressed, full double precision. pandas (`pd.read_parquet`), R (`arrow::read_parquet`)
/// and DuckDB read them directly. One row group per replicate, appended as replicates finish (<see cref="RunTables"/>),
/// keeps memory flat however many replicates a run has, and makes the file the same bytes however the run was cut.
/// </summary>
public static class ParquetTables
{
    /// <summary>
    /// Zstd at its standard level: the smallest level (btultra2) took three times as long for 10 % less (measured with
    /// `bench`, README), and since contracts have a compact key the default run stays within its 25 MB at this level.
    /// </summary>
    private static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Optimal };

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

    public static readonly DataField<int> Number = new("number");
    public static readonly DataField<string> Signed = new("signed");
    public static readonly DataField<string> Country = new("country");
    public static readonly DataField<string> Vendor = new("vendor");
    public static readonly DataField<string> Capability = new("capability");
    public static readonly DataField<double> ValueUsd = new("value_usd");
    public static readonly DataField<int> DurationMonths = new("duration_months");
    public static readonly DataField<bool> Financed = new("financed");
    public static readonly DataField<bool> DataAccess = new("data_access");
    public static readonly DataField<string> Status = new("status");

    /// <summary>timeseries.parquet of a finished run in one go (the same bytes as appended chunk by chunk).</summary>
    public static async Task WriteTimeseriesAsync(string path, string scenario, EnsembleResult result)
    {
        await using var table = await TimeseriesFile.CreateAsync(path, scenario, result);
        await table.AppendAsync(0, result);
    }

    /// <summary>contracts.parquet of a finished run in one go (the same bytes as appended chunk by chunk).</summary>
    public static async Task WriteContractsAsync(string path, EnsembleResult result)
    {
        await using var table = await ContractsFile.CreateAsync(path);
        await table.AppendAsync(0, result.Contracts);
    }

    /// <summary>
    /// timeseries.parquet, appended replicate by replicate. Rows run series by series, then date by date, so
    /// neighbouring values are one series over time and compress well.
    /// </summary>
    public sealed class TimeseriesFile : IAsyncDisposable
    {
        private readonly string _path;
        private readonly FileStream _file;
        private readonly ParquetWriter _writer;
        private readonly string[] _scenario, _date, _metric, _group; // the same in every replicate's row group
        private readonly int[] _replicate;
        private readonly double[] _value;

        private TimeseriesFile(string path, FileStream file, ParquetWriter writer, string scenario, EnsembleResult shape)
        {
            (_path, _file, _writer) = (path, file, writer);
            var ticks = shape.Dates.Count;
            var rows = ticks * shape.Series.Count;
            var dates = shape.Dates.Select(d => d.ToString()).ToArray();
            _scenario = Enumerable.Repeat(scenario, rows).ToArray();
            (_date, _metric, _group) = (new string[rows], new string[rows], new string[rows]);
            foreach (var s in shape.Series.All)
                for (var t = 0; t < ticks; t++)
                {
                    var i = s.Index * ticks + t;
                    (_date[i], _metric[i], _group[i]) = (dates[t], s.Metric, s.Group);
                }
            (_replicate, _value) = (new int[rows], new double[rows]);
        }

        /// <param name="shape">A result of the run (any chunk's): its dates and catalogue.</param>
        public static async Task<TimeseriesFile> CreateAsync(string path, string scenario, EnsembleResult shape)
        {
            var file = File.Create(path);
            var writer = await ParquetWriter.CreateAsync(new ParquetSchema(Scenario, Replicate, Date, Metric, Group, Value), file, Options);
            return new TimeseriesFile(path, file, writer, scenario, shape);
        }

        /// <summary>The replicates of <paramref name="part"/> (numbered from 0) as replicates <paramref name="first"/>.. of the run.</summary>
        public async Task AppendAsync(int first, EnsembleResult part)
        {
            var ticks = part.Dates.Count;
            var series = part.Series.Count;
            for (var r = 0; r < part.Replicates; r++)
            {
                var replicate = first + r;
                Array.Fill(_replicate, replicate);
                var row = part.Row(r); // tick-major: ticks × catalogue
                for (var t = 0; t < ticks; t++)
                    for (var s = 0; s < series; s++) _value[s * ticks + t] = row[t * series + s];
                var bad = Array.FindIndex(_value, v => !double.IsFinite(v)); // NaN or Infinity is a bug, never an output (as in Csv)
                if (bad >= 0)
                    throw new NonFiniteOutputException(_path, replicate * _value.Length + bad + 1, "value", _value[bad],
                        [_scenario[0], $"replicate {replicate}", _date[bad], _metric[bad], _group[bad]]);
                using var group = _writer.CreateRowGroup();
                await group.WriteAsync(Scenario, _scenario);
                await group.WriteAsync(Replicate, (ReadOnlyMemory<int>)_replicate);
                await group.WriteAsync(Date, _date);
                await group.WriteAsync(Metric, _metric);
                await group.WriteAsync(Group, _group);
                await group.WriteAsync(Value, (ReadOnlyMemory<double>)_value);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _writer.DisposeAsync();
            await _file.DisposeAsync();
        }
    }

    /// <summary>
    /// contracts.parquet (the same columns as contracts.csv), appended replicate by replicate: one row group per
    /// replicate, rows in country order, then signing order.
    /// </summary>
    public sealed class ContractsFile : IAsyncDisposable
    {
        private readonly string _path;
        private readonly FileStream _file;
        private readonly ParquetWriter _writer;
        private bool _any;

        private ContractsFile(string path, FileStream file, ParquetWriter writer) => (_path, _file, _writer) = (path, file, writer);

        public static async Task<ContractsFile> CreateAsync(string path)
        {
            var file = File.Create(path);
            var schema = new ParquetSchema(Replicate, Number, Signed, Country, Vendor, Capability, ValueUsd, DurationMonths, Financed, DataAccess, Status);
            return new ContractsFile(path, file, await ParquetWriter.CreateAsync(schema, file, Options));
        }

        /// <summary>Contracts in replicate order, their Replicate numbered from 0, as replicates <paramref name="first"/>.. of the run.</summary>
        public async Task AppendAsync(int first, IReadOnlyList<ContractRecord> contracts)
        {
            for (var start = 0; start < contracts.Count;)
            {
                var end = start;
                while (end < contracts.Count && contracts[end].Replicate == contracts[start].Replicate) end++;
                await WriteGroupAsync(first + contracts[start].Replicate, [.. contracts.Skip(start).Take(end - start)]);
                start = end;
            }
        }

        private async Task WriteGroupAsync(int replicate, ContractRecord[] rows)
        {
            if (rows.FirstOrDefault(c => !double.IsFinite(c.ValueUsd)) is { } bad)
                throw new NonFiniteOutputException(_path, Array.IndexOf(rows, bad) + 1, "value_usd", bad.ValueUsd,
                    [$"replicate {replicate}", bad.Country, $"contract {bad.Number}", bad.Vendor, bad.Capability]);
            _any = true;
            using var group = _writer.CreateRowGroup();
            await group.WriteAsync(Replicate, (ReadOnlyMemory<int>)Enumerable.Repeat(replicate, rows.Length).ToArray());
            await group.WriteAsync(Number, (ReadOnlyMemory<int>)rows.Select(c => c.Number).ToArray());
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

        public async ValueTask DisposeAsync()
        {
            if (!_any) await WriteGroupAsync(0, []); // an empty table still has its columns
            await _writer.DisposeAsync();
            await _file.DisposeAsync();
        }
    }
}
