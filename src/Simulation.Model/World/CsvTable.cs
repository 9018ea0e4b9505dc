using Microsoft.VisualBasic.FileIO;

namespace Simulation.Model.World;

/// <summary>A small CSV table read with the BCL's RFC 4180 parser (quoted fields, embedded commas), by column name.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, string[] header, List<string[]> rows)
    {
        Path = path;
        _columns = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        Rows = rows;
    }

    public string Path { get; }
    public IReadOnlyList<string[]> Rows { get; }

    public static CsvTable Read(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? throw new InvalidDataException($"{path}: empty file");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
            if (parser.ReadFields() is { } fields) rows.Add(fields);
        return new CsvTable(path, header, rows);
    }

    public string Get(string[] row, string column) =>
        _columns.TryGetValue(column, out var i) ? row[i] : throw new InvalidDataException($"{Path}: no column '{column}'");

    public double? GetDouble(string[] row, string column)
    {
        var text = Get(row, column);
        if (text.Length == 0) return null;
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{Path}: row {Rows.ToList().IndexOf(row) + 2}, column '{column}': '{text}' is not a number");
    }
}
