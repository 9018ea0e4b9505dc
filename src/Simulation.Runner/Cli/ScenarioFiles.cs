using System.Text.Json;
using Simulation.Model.Policies;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>What a .json file in a scenarios folder is: a runnable scenario, a fragment other scenarios extend, or the schema.</summary>
public enum ScenarioFileKind { Scenario, Fragment, Schema }

/// <summary>Tells scenario files, fragments and the schema apart, and spells out the groups a scenario's policies name.</summary>
public static class ScenarioFiles
{
    /// <summary>Fields a fragment may set: it carries numbers (fitted parameters, vendor changes), not an experiment.</summary>
    private static readonly HashSet<string> FragmentFields = ["$schema", "name", "description", "parameters", "vendors", "groups"];

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Looks only at the top-level names; a file that cannot be read as JSON counts as a scenario (validation explains).</summary>
    public static ScenarioFileKind KindOf(string path)
    {
        try
        {
            // Read like the loader reads (regular files, size capped), so /dev/zero cannot exhaust memory here either.
            if (InputFile.TryRead(path, ScenarioLoader.MaxFileBytes, out _) is not { } bytes) return ScenarioFileKind.Scenario;
            var utf8 = bytes.AsMemory();
            if (utf8.Span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..]; // a BOM, as editors on Windows write it
            using var doc = JsonDocument.Parse(utf8, Lenient);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return ScenarioFileKind.Scenario;
            var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            if (doc.RootElement.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String
                && schema.GetString()!.StartsWith("https://json-schema.org/", StringComparison.Ordinal)) return ScenarioFileKind.Schema;
            return names.All(FragmentFields.Contains) && names.Contains("parameters") ? ScenarioFileKind.Fragment : ScenarioFileKind.Scenario;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Not readable as JSON (InvalidOperationException: a key System.Text.Json cannot decode, e.g. a lone
            // surrogate "\ud800"): a scenario, so the loader reports it with its line.
            return ScenarioFileKind.Scenario;
        }
    }

    /// <summary>
    /// JSON comment lines listing the members of every group the scenario's policies target or defines, so a student
    /// sees which countries a policy hits.
    /// </summary>
    public static string GroupComment(LoadedScenario loaded)
    {
        var s = loaded.Scenario;
        var resolver = new TargetResolver(loaded.World, s.Groups);
        var names = s.Groups.Keys.Concat(s.Policies.SelectMany(p => p.Targets.Countries.Concat(p is SanctionPolicy sanction ? sanction.Followers : [])))
            .Where(n => !loaded.World.CountryIndex.ContainsKey(n)).Distinct().ToArray();
        var lines = new List<string>();
        foreach (var name in names)
            if (resolver.TryCountries(name, out var members))
                lines.Add($"//   {name} ({members.Length}): {string.Join(", ", members.Select(m => loaded.World.Countries[m].Iso3))}");
        return lines.Count == 0 ? "" : "// Groups named by this scenario, with their members:\n" + string.Join("\n", lines) + "\n";
    }
}
