using System.Text;
using System.Text.Json;

namespace Simulation.Scenarios;

/// <summary>
/// Maps JSON paths ("$.policies[2].from") to the line and column where their value starts, so checks made after
/// deserialisation can still point at the exact place in the file.
/// </summary>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, List<(int Line, int Column)>> _positions = new(StringComparer.Ordinal);

    public JsonLineMap(ReadOnlySpan<byte> utf8)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') lineStarts.Add(i + 1);

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new Stack<(string Path, bool IsArray, int Index)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.Pop();
                    continue;
                }
                var path = CurrentPath(stack, property);
                property = null;
                var offset = (int)reader.TokenStartIndex;
                var line = lineStarts.BinarySearch(offset);
                if (line < 0) line = ~line - 1;
                var position = (line + 1, Encoding.UTF8.GetCharCount(utf8.Slice(lineStarts[line], offset - lineStarts[line])) + 1);
                if (_positions.TryGetValue(path, out var list)) list.Add(position); // a duplicate key
                else _positions[path] = [position];
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is reported by the deserialiser with its own position; the map keeps what it read.
        }
    }

    private static string CurrentPath(Stack<(string Path, bool IsArray, int Index)> stack, string? property)
    {
        if (stack.Count == 0) return "$";
        var top = stack.Pop();
        string path;
        if (top.IsArray)
        {
            path = $"{top.Path}[{top.Index}]";
            top.Index++;
        }
        else path = Child(top.Path, property!);
        stack.Push(top);
        return path;
    }

    private static bool IsPlainName(string name) => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>Position of the value at the path, or of its nearest ancestor present in the file.</summary>
    public (int Line, int Column) Find(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (_positions.TryGetValue(p, out var pos)) return pos[0];
            if (p == "$") return (1, 1);
        }
    }

    /// <summary>Every position a path has in the file: more than one when a key is repeated in an object.</summary>
    public IReadOnlyList<(int Line, int Column)> Occurrences(string path) => _positions.TryGetValue(path, out var l) ? l : [];

    /// <summary>Every path in the file with its first position.</summary>
    public IEnumerable<(string Path, int Line, int Column)> Entries => _positions.Select(kv => (kv.Key, kv.Value[0].Line, kv.Value[0].Column));

    public static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "$" : path[..cut];
    }

    /// <summary>The path of a child property: $.a.b, or $.a['odd key'] when the name is not a plain identifier.</summary>
    public static string Child(string parent, string property) =>
        IsPlainName(property) ? $"{parent}.{property}" : $"{parent}['{property}']";
}
