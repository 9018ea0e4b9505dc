using System.Globalization;
using System.Text.Json.Nodes;

namespace Simulation.Scenarios;

/// <summary>
/// Reads and writes numbers in a resolved scenario by JSON path ("$.parameters.adoption.innovation",
/// "$.parameters.contracts.costPerPersonUsd[0]"), as sweep --set and calibration free parameters name them.
/// </summary>
public static class ScenarioPaths
{
    public static string Normalise(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path : "$." + path;

    public static double Get(JsonObject root, string path) => Locate(root, path, (parent, name, index) =>
        (index is { } i ? ((JsonArray)((JsonObject)parent)[name]!)[i] : ((JsonObject)parent)[name])!.GetValue<double>());

    public static void Set(JsonObject root, string path, double value) => Locate(root, path, (parent, name, index) =>
    {
        if (index is { } i) ((JsonArray)((JsonObject)parent)[name]!)[i] = value;
        else ((JsonObject)parent)[name] = value;
        return value;
    });

    /// <summary>
    /// Whether the scenario types hold the number at this path as an integer (durationMonths, tenderPatienceMonths):
    /// such a field refuses 0.5, so a design rounds it and a fit, which searches continuous values, may not free it.
    /// </summary>
    public static bool IsWholeNumber(JsonObject resolved, string path)
    {
        var probe = resolved.DeepClone().AsObject();
        Set(probe, path, 0.5);
        try { System.Text.Json.JsonSerializer.Deserialize<Scenario>(probe, InputJson.Options); return false; }
        catch (System.Text.Json.JsonException) { return true; }
    }

    /// <summary>Walks to the path's last segment; a path that does not end at a number is an error with a hint.</summary>
    private static double Locate(JsonObject root, string path, Func<JsonNode, string, int?, double> at)
    {
        path = Normalise(path);
        JsonNode node = root;
        var segments = path[2..].Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index) = Segment(segments[i]);
            var next = node is JsonObject o && o.TryGetPropertyValue(name, out var child) ? child : null;
            if (index is { } ix && next is JsonArray list && ix >= list.Count)
                throw new ArgumentException(list.Count == 0
                    ? $"{path}: the list '{name}' is empty here"
                    : $"{path}: the list '{name}' has {list.Count} item{(list.Count == 1 ? "" : "s")}, {name}[0] to {name}[{list.Count - 1}]");
            if (index is { } ix2) next = next is JsonArray a ? a[ix2] : null;
            if (next is null)
            {
                var known = node is JsonObject obj ? obj.Select(kv => kv.Key) : [];
                throw new ArgumentException($"{path}: the scenario has no field '{segments[i]}' here{Suggest.DidYouMean(name, known)}");
            }
            if (i == segments.Length - 1)
            {
                if (next.GetValueKind() != System.Text.Json.JsonValueKind.Number) throw new ArgumentException($"{path}: not a number in the scenario");
                return at(node, name, index);
            }
            node = next;
        }
        throw new ArgumentException($"{path}: empty path");
    }

    private static (string Name, int? Index) Segment(string s)
    {
        var b = s.IndexOf('[');
        if (b < 0) return (s, null);
        if (!s.EndsWith(']') || !int.TryParse(s[(b + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            throw new ArgumentException($"'{s}': a list position is written as name[0], name[1], ...");
        return (s[..b], index);
    }
}
