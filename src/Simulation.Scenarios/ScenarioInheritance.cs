using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Simulation.Scenarios;

/// <summary>Where a value of the resolved scenario was written: file, line and column.</summary>
public readonly record struct Origin(string File, int Line, int Column);

/// <summary>
/// Reads a scenario file and the chain of files it <c>extends</c>, checks each file's shape, and merges them:
/// objects merge deeply, values and lists replace, policies append (a policy with the same id replaces the inherited
/// one) and <c>removePolicies</c> drops inherited ones; uncertain parameters append too (the same path replaces). Keeps, for every JSON path of the result, the file and line it
/// came from, so later checks point at the right place even in a base file.
/// </summary>
public static partial class ScenarioInheritance
{
    public sealed record Resolved(JsonObject Json, Dictionary<string, Origin> Origins);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = ScenarioLoader.MaxDepth,
    };

    /// <summary>Returns null when any file in the chain has problems (all of them are in <paramref name="problems"/>).</summary>
    public static Resolved? Load(string display, List<ScenarioProblem> problems) => Load(display, problems, []);

    /// <summary>A file on the way down an extends chain, with where its "extends" is written.</summary>
    private sealed record Link(string Full, ScenarioProblem Extends);

    private static Resolved? Load(string display, List<ScenarioProblem> problems, List<Link> chain)
    {
        void Problem(string message, int line = 1, int column = 1, string path = "$") => problems.Add(new(display, line, column, path, message));
        if (display.Contains('\0')) { Problem("the path contains a NUL character (\\u0000)"); return null; }
        var full = Path.GetFullPath(display);
        if (Directory.Exists(full)) { Problem("this is a folder; name the scenario files in it, e.g. scenarios/*.json"); return null; }
        if (chain.Count >= ScenarioLoader.MaxExtendsDepth)
        {
            problems.Add(chain[0].Extends with { Message = $"the extends chain is longer than {ScenarioLoader.MaxExtendsDepth} files; a scenario never needs that many" });
            return null;
        }
        if (InputFile.TryRead(full, ScenarioLoader.MaxFileBytes, out var why) is not { } bytes)
        {
            // A base file that cannot be read is reported where the child names it.
            if (chain.Count > 0) problems.Add(chain[^1].Extends with { Message = $"'{display}': {why}" });
            else Problem(why);
            return null;
        }
        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        if (utf8.Trim(" \t\r\n"u8).IsEmpty) { Problem("file is empty; a scenario is a JSON object such as {\"name\": \"my-scenario\"}"); return null; }

        if (InputFile.FirstUndecodable(utf8) is { } bad) { Problem(bad.Message, bad.Line, bad.Column); return null; }
        JsonDocument document;
        try { document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions); }
        catch (JsonException e)
        {
            Problem(JsonSyntax.Describe(e), (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            return null;
        }
        using (document)
        {
            var map = new JsonLineMap(utf8);
            var faulty = new HashSet<string>(StringComparer.Ordinal);
            void Report(string path, string message, (int Line, int Column)? at)
            {
                var (line, column) = at ?? map.Find(path);
                problems.Add(new ScenarioProblem(display, line, column, path, message));
                faulty.Add(path);
            }
            ScenarioShape.Check(document.RootElement, typeof(Scenario), "$", map, Report);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;

            // Faulty values are left out (defaults stand in) so the later checks still run and report their problems
            // in the same pass; the problems already found keep the scenario from running.
            var json = Copy(document.RootElement, "$", faulty)!.AsObject();
            AnchorWorldPaths(json, Path.GetDirectoryName(full)!);
            var own = map.Entries.ToDictionary(e => e.Path, e => new Origin(display, e.Line, e.Column), StringComparer.Ordinal);
            if (json["extends"]?.GetValue<string>() is not { } extends) return new Resolved(Strip(json), own);

            var (line, column) = map.Find("$.extends");
            var basePath = Path.Combine(Path.GetDirectoryName(display) ?? "", extends);
            var baseFull = Path.GetFullPath(basePath);
            var link = new Link(full, new ScenarioProblem(display, line, column, "$.extends", ""));
            if (chain.Any(l => l.Full == baseFull) || baseFull == full)
            {
                // Reported where the chain starts (the file the user named), listing the whole loop.
                var names = chain.Select(l => l.Full).Append(full).Append(baseFull).Select(Path.GetFileName);
                problems.Add((chain.FirstOrDefault() ?? link).Extends with { Message = $"extends cycle: {string.Join(" → ", names)}" });
                return null;
            }
            if (Directory.Exists(baseFull)) { Problem($"'{basePath}' is a folder; extends names one scenario file", line, column, "$.extends"); return null; }
            if (!File.Exists(baseFull)) { Problem($"file not found: {basePath}", line, column, "$.extends"); return null; }
            var parent = Load(basePath, problems, [.. chain, link]);
            return parent == null ? null : Merge(parent, json, own, (msg, p) => Report(p, msg, null));
        }
    }

    /// <summary>The scenario's lists whose items have [Required] members ($.calibration, $.uncertain).</summary>
    private static readonly HashSet<string> ListsWithoutDefaults = [.. ScenarioShape.Properties(typeof(Scenario))
        .Where(p => ScenarioShape.ElementType(p.Value.PropertyType) is { } item && ScenarioShape.Properties(item).Values
            .Any(m => m.GetCustomAttribute<System.ComponentModel.DataAnnotations.RequiredAttribute>() != null))
        .Select(p => "$." + p.Key)];

    /// <summary>A mutable copy of the parsed file without the faulty paths (and with the first of any repeated key).</summary>
    private static JsonNode? Copy(JsonElement e, string path, HashSet<string> faulty)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var p in e.EnumerateObject())
                {
                    var at = JsonLineMap.Child(path, p.Name);
                    if (!faulty.Contains(at) && !obj.ContainsKey(p.Name)) obj[p.Name] = Copy(p.Value, at, faulty);
                }
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                var i = 0;
                foreach (var x in e.EnumerateArray())
                {
                    var at = $"{path}[{i++}]";
                    // An item without defaults (a fit's bounds) with a fault inside stays as null, which later checks
                    // skip: dropping it would shift the positions they report (calibration[2] named as [1]), and a
                    // default standing in for its faulty field would be checked as if written ("max 0 must be above min 0.01").
                    if (ListsWithoutDefaults.Contains(path) && faulty.Any(f => f == at || f.StartsWith(at + ".", StringComparison.Ordinal))) array.Add(null);
                    else if (!faulty.Contains(at)) array.Add(Copy(x, at, faulty));
                }
                return array;
            default:
                return JsonNode.Parse(e.GetRawText());
        }
    }

    /// <summary>World paths are relative to the file that names them, so they are made absolute while that is known.</summary>
    private static void AnchorWorldPaths(JsonObject json, string directory)
    {
        if (json["world"] is not JsonObject world) return;
        foreach (var key in new[] { "countries", "vendors" })
            if (world[key]?.GetValue<string>() is { } relative) world[key] = Path.GetFullPath(Path.Combine(directory, relative));
    }

    private static JsonObject Strip(JsonObject json)
    {
        json.Remove("extends");
        json.Remove("removePolicies");
        return json;
    }

    private static Resolved Merge(Resolved parent, JsonObject child, Dictionary<string, Origin> own, Action<string, string> problem)
    {
        var result = parent.Json.DeepClone().AsObject();
        foreach (var (key, value) in child)
            if (key is not ("extends" or "removePolicies" or "policies" or "uncertain")) MergeValue(result, key, value);

        // Policies: inherited ones minus removePolicies, then the child's, replacing an inherited one with the same id.
        var inherited = result["policies"] as JsonArray ?? [];
        var remove = (child["removePolicies"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];
        for (var i = 0; i < remove.Count; i++)
            if (!inherited.Any(p => Id(p) == remove[i]))
                problem($"removePolicies names '{remove[i]}', which no inherited policy has as id{Suggest.DidYouMean(remove[i], inherited.Select(Id).OfType<string>())}", $"$.removePolicies[{i}]");
        var policies = AppendKeyed(result, child, "policies", Id, remove,
            (id, i) => problem($"duplicate policy id '{id}' in this file (an id may replace an inherited policy once)", $"$.policies[{i}].id"));
        // Uncertain parameters likewise: a scenario adds its own (e.g. a policy's strength) to the inherited list.
        var uncertain = AppendKeyed(result, child, "uncertain", UncertainPath, [],
            (path, i) => problem($"'{path}' is listed twice in this file", $"$.uncertain[{i}].path"));

        // Origins: the parent's, overlaid by this file's, with list indices moved to where the entries now stand.
        var origins = new Dictionary<string, Origin>(StringComparer.Ordinal);
        void Take(Dictionary<string, Origin> source, string side)
        {
            foreach (var (path, origin) in source)
            {
                var m = KeyedListPath().Match(path);
                if (!m.Success) { origins[path] = origin; continue; }
                var list = m.Groups[1].Value == "policies" ? policies : uncertain;
                var target = list.FindIndex(p => p.From == side && p.Index == int.Parse(m.Groups[2].Value));
                if (target >= 0) origins[$"$.{m.Groups[1].Value}[{target}]{path[m.Length..]}"] = origin;
            }
        }
        Take(parent.Origins, "parent");
        Take(own, "child");
        return new Resolved(Strip(result), origins);
    }

    /// <summary>
    /// The inherited entries of a list (minus removed keys), then the child's, a child entry replacing an inherited one
    /// with the same key; a key repeated within the child is reported (it could replace an inherited entry only once).
    /// </summary>
    private static List<(JsonNode Node, string From, int Index)> AppendKeyed(JsonObject result, JsonObject child, string name,
        Func<JsonNode?, string?> key, List<string> remove, Action<string, int> repeated)
    {
        var inherited = result[name] as JsonArray ?? [];
        var entries = new List<(JsonNode Node, string From, int Index)>();
        for (var i = 0; i < inherited.Count; i++)
            if (!remove.Contains(key(inherited[i]) ?? "")) entries.Add((inherited[i]!, "parent", i));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (child[name] is JsonArray mine)
            for (var i = 0; i < mine.Count; i++)
            {
                if (key(mine[i]) is { } k && !seen.Add(k)) { repeated(k, i); continue; }
                var at = entries.FindIndex(p => key(p.Node) != null && key(p.Node) == key(mine[i]));
                if (at >= 0) entries[at] = (mine[i]!, "child", i);
                else entries.Add((mine[i]!, "child", i));
            }
        result[name] = new JsonArray([.. entries.Select(p => p.Node.DeepClone())]);
        return entries;
    }

    private static string? UncertainPath(JsonNode? entry) =>
        (entry as JsonObject)?["path"] is JsonValue v && v.TryGetValue<string>(out var path) ? ScenarioPaths.Normalise(path) : null;

    private static void MergeValue(JsonObject target, string key, JsonNode? value)
    {
        if (target[key] is JsonObject existing && value is JsonObject overlay)
            foreach (var (k, v) in overlay) MergeValue(existing, k, v);
        else target[key] = value?.DeepClone();
    }

    private static string? Id(JsonNode? policy) => (policy as JsonObject)?["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

    [GeneratedRegex(@"^\$\.(policies|uncertain)\[(\d+)\]")]
    private static partial Regex KeyedListPath();
}
