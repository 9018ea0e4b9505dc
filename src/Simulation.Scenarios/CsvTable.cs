using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace Simulation.Scenarios;

/// <summary>
/// A small CSV table read with the BCL's RFC 4180 parser (quoted fields, embedded commas), by column name. Every row
/// keeps its line in the file, so checks can say where a value is.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly Dictionary<object, int> _lines; // by row reference: two rows may hold the same text

    private CsvTable(string path, string[] header, List<(int Line, string[] Fields)> rows)
    {
        Path = path;
        Header = header;
        _columns = header.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        Rows = rows.Select(r => r.Fields).ToArray();
        _lines = rows.ToDictionary(r => (object)r.Fields, r => r.Line, ReferenceEqualityComparer.Instance);
    }

    public string Path { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The line of the file a row starts on (the header is line 1).</summary>
    public int LineOf(string[] row) => _lines[row];

    /// <summary>The 1-based column of a field, for messages.</summary>
    public int ColumnOf(string column) => _columns.TryGetValue(column, out var i) ? i + 1 : 1;

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>Reads the table; the first problem is thrown (use the other overload to collect every problem).</summary>
    public static CsvTable Read(string path)
    {
        var problems = new List<ScenarioProblem>();
        var table = Read(path, problems);
        return problems.Count == 0 ? table! : throw new InvalidDataException(problems[0].ToString());
    }

    /// <summary>
    /// Reads the table, adding a problem for an unreadable file, invalid UTF-8, an unbalanced quote, a repeated column
    /// or a row whose field count differs from the header's; such rows are left out. Null when nothing could be read.
    /// </summary>
    public static CsvTable? Read(string path, List<ScenarioProblem> problems)
    {
        void Problem(int line, int column, string message) => problems.Add(new ScenarioProblem(path, line, column, "row", message));
        if (InputFile.TryRead(path, InputFile.MaxDataBytes, out var why) is not { } bytes) { Problem(1, 1, why); return null; }
        string text;
        // A byte-order mark (Excel's "CSV UTF-8" writes one) is not part of the first column's name.
        var body = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        try { text = new UTF8Encoding(false, true).GetString(body); }
        catch (DecoderFallbackException e)
        {
            var at = e.Index + (bytes.Length - body.Length);
            var line = 1 + bytes.AsSpan(0, Math.Max(0, at)).Count((byte)'\n');
            Problem(line, 1, $"invalid UTF-8 at byte {at + 1} of the file; save it as UTF-8 text");
            return null;
        }
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields();
        if (header == null) { Problem(1, 1, "the file is empty; it needs a header line"); return null; }
        foreach (var repeated in header.GroupBy(h => h).Where(g => g.Count() > 1))
            problems.Add(new ScenarioProblem(path, 1, Array.IndexOf(header, repeated.Key) + 1, "header", $"column '{repeated.Key}' appears more than once in the header"));
        var rows = new List<(int, string[])>();
        while (!parser.EndOfData)
        {
            var line = (int)parser.LineNumber;
            try
            {
                if (parser.ReadFields() is not { } fields) continue;
                if (fields.Length != header.Length)
                    Problem(line, 1, $"the row has {fields.Length} field{(fields.Length == 1 ? "" : "s")}, the header {header.Length}; quote a value that contains a comma");
                else if (Array.FindIndex(fields, f => f.Contains('\0')) is var nul and >= 0)
                    Problem(line, 1, $"column '{header[nul]}' holds a NUL character (a binary file, or text saved in UTF-16?); save it as UTF-8 text");
                else rows.Add((line, fields));
            }
            catch (MalformedLineException e)
            {
                Problem((int)e.LineNumber, 1, "malformed row (an unbalanced quote?); a quoted value must end with a quote");
            }
        }
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
            : throw new InvalidDataException($"{Path}: line {LineOf(row)}, column '{column}': '{text}' is not a number");
    }
}
