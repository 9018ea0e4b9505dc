using Parquet;

namespace Simulation.Tests;

/// <summary>A Parquet file read back column by column with Parquet.Net's own reader, as a reader in another tool would.</summary>
public sealed class ParquetReadBack
{
    private readonly Dictionary<string, List<object>> _columns = [];

    public int Rows { get; private set; }
    public IReadOnlyList<string> Columns { get; private set; } = [];
    public IReadOnlyList<object> this[string column] => _columns[column];

    public static async Task<ParquetReadBack> ReadAsync(string path)
    {
        var table = new ParquetReadBack();
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        table.Columns = fields.Select(f => f.Name).ToArray();
        foreach (var f in fields) table._columns[f.Name] = [];
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            table.Rows += rows;
            foreach (var f in fields)
            {
                var values = table._columns[f.Name];
                if (f.ClrType == typeof(string) || f.ClrType == typeof(ReadOnlyMemory<char>)) values.AddRange((await Read<string?>(rows, m => group.ReadAsync(f, m).AsTask())).Select(v => (object)(v ?? "")));
                else if (f.ClrType == typeof(int)) values.AddRange((await Read<int>(rows, m => group.ReadAsync(f, m).AsTask())).Cast<object>());
                else if (f.ClrType == typeof(double)) values.AddRange((await Read<double>(rows, m => group.ReadAsync(f, m).AsTask())).Cast<object>());
                else if (f.ClrType == typeof(bool)) values.AddRange((await Read<bool>(rows, m => group.ReadAsync(f, m).AsTask())).Cast<object>());
                else throw new NotSupportedException($"{f.Name}: {f.ClrType}");
            }
        }
        return table;
    }

    private static async Task<T[]> Read<T>(int rows, Func<Memory<T>, Task> read)
    {
        var buffer = new T[rows];
        await read(buffer);
        return buffer;
    }
}
