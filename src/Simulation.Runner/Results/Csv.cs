using System.Globalization;
using System.Text;

namespace Simulation.Runner.Results;

/// <summary>
/// Minimal, fast CSV writing with invariant formatting: doubles in shortest round-trip form, so the same numbers always
/// give the same bytes. Fields are quoted only when they contain a comma, quote or newline.
/// </summary>
public sealed class Csv : IDisposable
{
    private readonly StreamWriter _writer;
    private bool _first = true;

    public Csv(string path, string header)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        _writer.WriteLine(header);
    }

    public Csv Field(string value)
    {
        Separator();
        if (value.AsSpan().IndexOfAny(",\"\n\r") >= 0) _writer.Write('"' + value.Replace("\"", "\"\"") + '"');
        else _writer.Write(value);
        return this;
    }

    public Csv Field(double value)
    {
        Separator();
        _writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

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
    }

    private void Separator()
    {
        if (!_first) _writer.Write(',');
        _first = false;
    }

    public void Dispose() => _writer.Dispose();
}
