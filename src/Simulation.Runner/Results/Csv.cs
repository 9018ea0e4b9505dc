using System.Globalization;
using System.Text;

namespace Simulation.Runner.Results;

/// <summary>
/// Minimal, fast CSV writing with invariant formatting. Doubles are rounded to <see cref="SignificantDigits"/> significant
/// digits (what an ensemble of replicates can tell; `-0.3500000000000001` becomes `-0.35`) and then printed in shortest
/// round-trip form, so the same numbers always give the same bytes. Full precision is in the Parquet files.
/// Fields are quoted only when they contain a comma, quote or newline. NaN or Infinity is a bug upstream, never an
/// output: it stops the writing with an error naming the file, line, column and series.
/// </summary>
public sealed class Csv : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly string _path;
    private readonly string[] _columns;
    private readonly List<string> _row = []; // the row's text fields so far: they name the series in an error
    private int _field; // fields written in the current row
    private int _line = 1;
    private bool _first = true;

    public Csv(string path, string header)
    {
        _path = path;
        _columns = header.Split(',');
        _writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        _writer.WriteLine(header);
    }

    public Csv Field(string value)
    {
        _row.Add(value);
        Separator();
        if (value.AsSpan().IndexOfAny(",\"\n\r") >= 0) _writer.Write('"' + value.Replace("\"", "\"\"") + '"');
        else _writer.Write(value);
        return this;
    }

    public Csv Field(double value)
    {
        if (!double.IsFinite(value)) throw new NonFiniteOutputException(_path, _line + 1, _columns.ElementAtOrDefault(_field) ?? $"#{_field + 1}", value, _row);
        Separator();
        _writer.Write(Format(value));
        return this;
    }

    public const int SignificantDigits = 6;

    /// <summary>A number as the CSV files print it: 6 significant digits, shortest round-trip form, invariant culture.</summary>
    public static string Format(double value) =>
        double.IsFinite(value) ? Round(value).ToString("R", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    public static double Round(double value) =>
        double.IsFinite(value) ? double.Parse(value.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;

    public Csv Field(long value)
    {
        Separator();
        _writer.Write(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public Csv Field(bool value) => Field(value ? "true" : "false");

    public void EndRow()
    {
        _writer.Write('\n');
        _first = true;
        _field = 0;
        _line++;
        _row.Clear();
    }

    private void Separator()
    {
        if (!_first) _writer.Write(',');
        _first = false;
        _field++; // fields written in this row: the index of the next one
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>A NaN or infinite number reached an output: a bug in the model or its inputs, reported as an internal error.</summary>
public sealed class NonFiniteOutputException(string path, int line, string column, double value, IEnumerable<string> series)
    : Exception($"{(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity")} in {Path.GetFileName(path)}, line {line}, column '{column}' " +
                $"(series {string.Join(" / ", series)}); the output was not written. Please report it with the scenario");
