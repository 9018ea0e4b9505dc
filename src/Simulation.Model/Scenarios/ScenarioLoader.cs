using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Model.Scenarios;

/// <summary>A scenario ready to run: the validated file, its world, and a hash of its resolved content.</summary>
public sealed record LoadedScenario(string Path, Scenario Scenario, WorldData World, string Hash, string ResolvedJson);

/// <summary>
/// Reads a scenario file (JSON with comments and trailing commas allowed, UTF-8 with or without BOM), rejects unknown
/// properties and wrong types, then checks values against the model's rules. Every problem names file, line, column
/// and JSON path.
/// </summary>
public static class ScenarioLoader
{
    public const int MaxFileBytes = 1 << 20;
    public const int MaxReplicates = 10_000;
    public const int MaxHorizonYears = 100;

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 32,
        RespectNullableAnnotations = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static LoadedScenario Load(string path)
    {
        var file = System.IO.Path.GetFullPath(path);
        var display = path;
        if (!File.Exists(file)) throw Single(display, "$", "file not found");
        var info = new FileInfo(file);
        if (info.Length > MaxFileBytes) throw Single(display, "$", $"file is {info.Length:N0} bytes; a scenario may be at most {MaxFileBytes:N0} bytes");
        var bytes = File.ReadAllBytes(file);
        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        if (utf8.Trim(" \t\r\n"u8).IsEmpty) throw Single(display, "$", "file is empty; a scenario is a JSON object such as {\"name\": \"my-scenario\"}");

        Scenario scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(utf8, Options) ?? throw Single(display, "$", "expected a JSON object, found null");
        }
        catch (JsonException e)
        {
            throw new ScenarioException([new ScenarioProblem(display, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                e.Path ?? "$", Explain(e))]);
        }

        var map = new JsonLineMap(utf8);
        var problems = new List<ScenarioProblem>();
        void Problem(string jsonPath, string message)
        {
            var (line, column) = map.Find(jsonPath);
            problems.Add(new ScenarioProblem(display, line, column, jsonPath, message));
        }

        var calendar = ScenarioValidator.Check(scenario, Problem);
        WorldData? world = null;
        var dir = System.IO.Path.GetDirectoryName(file)!;
        var countries = System.IO.Path.Combine(dir, scenario.World.Countries);
        var vendors = System.IO.Path.Combine(dir, scenario.World.Vendors);
        if (!File.Exists(countries)) Problem("$.world.countries", $"file not found: {countries}");
        if (!File.Exists(vendors)) Problem("$.world.vendors", $"file not found: {vendors}");
        if (problems.Count == 0)
        {
            try { world = WorldLoader.Load(countries, vendors); }
            catch (InvalidDataException e) { Problem("$.world", e.Message); }
        }
        if (world != null && calendar != null) ScenarioValidator.CheckReferences(scenario, world, calendar, Problem);
        if (problems.Count > 0) throw new ScenarioException(problems);

        var resolved = JsonSerializer.Serialize(scenario, Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(resolved)))[..16];
        return new LoadedScenario(display, scenario, world!, hash, resolved);
    }

    private static ScenarioException Single(string file, string path, string message) =>
        new([new ScenarioProblem(file, 1, 1, path, message)]);

    /// <summary>Turns System.Text.Json's messages into what a person editing the file needs to read.</summary>
    private static string Explain(JsonException e)
    {
        var m = e.Message;
        var cut = m.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) m = m[..cut];
        if (m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return $"unknown property '{e.Path?.Split('.', '[').Last().Trim('\'', ']')}'";
        if (m.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
            return $"wrong type: expected {FriendlyType(m)}";
        return m;
    }

    private static string FriendlyType(string message) =>
        message.Contains("System.String") ? "a string in quotes"
        : message.Contains("System.Int32") || message.Contains("System.UInt64") ? "a whole number"
        : message.Contains("System.Double") ? "a number"
        : message.Contains("System.Boolean") ? "true or false"
        : message.Contains("List") || message.Contains("[]") ? "a list [ ... ]"
        : "an object { ... }";
}
