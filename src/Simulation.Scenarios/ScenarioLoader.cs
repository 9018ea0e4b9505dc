using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Simulation.Model.Engine;
using Simulation.Model.Metrics;
using Simulation.Model.Policies;
using Simulation.Model.Setup;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Scenarios;

/// <summary>
/// A scenario ready to run: the validated, resolved scenario, its world, a hash of its resolved content, and the
/// <see cref="RunPlan"/> the engines take, built while validating.
/// </summary>
public sealed record LoadedScenario(string Path, Scenario Scenario, WorldData World, string Hash, string ResolvedJson)
{
    /// <summary>The validated run with the scenario's own replicates and seed (<see cref="RunPlan.Runs"/> for others).</summary>
    public required RunPlan Plan { get; init; }

    /// <summary>Every file the scenario was read from: itself, the files it extends and its world files.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [Path];

    /// <summary>Where each JSON path of the resolved scenario was written (file, line, column), for a changed copy's problems.</summary>
    internal IReadOnlyDictionary<string, Origin> Origins { get; init; } = new Dictionary<string, Origin>();

    /// <summary>
    /// The resolved scenario as a JSON tree in which every given path, a world vendor's number too, can be read and set:
    /// what a point of a sweep, sensitivity design or calibration starts from.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject Editable(IEnumerable<string> paths)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ResolvedJson)!.AsObject();
        VendorOverride.WriteWorldValues(json, World, paths);
        return json;
    }

    /// <summary>
    /// The numbers at these JSON paths (a world vendor's number where the scenario does not change it). A path that
    /// names no number of the scenario is an <see cref="ArgumentException"/> with a did-you-mean, before anything runs.
    /// </summary>
    public double[] ValuesAt(IEnumerable<string> paths)
    {
        var list = paths.ToArray();
        var json = Editable(list);
        return [.. list.Select(p => ScenarioPaths.Get(json, p))];
    }

    /// <summary>Whether the path names a number of this scenario (a compared scenario may lack a policy's strength).</summary>
    public bool HasNumberAt(string path)
    {
        try
        {
            ValuesAt([path]);
            return true;
        }
        catch (ArgumentException) { return false; }
    }

    /// <summary>
    /// This scenario with numbers changed at JSON paths (a point of a sweep, sensitivity design or calibration), checked
    /// in memory by the same rules as a file: declared ranges, cross-field rules, references and policies, which compile
    /// once here. The world files are not read again. A problem is located where the file chain writes the path (or its
    /// nearest written parent) and says which changes made the copy.
    /// </summary>
    public LoadedScenario With(IEnumerable<(string Path, double Value)> values)
    {
        var changes = values.ToArray();
        var json = Editable(changes.Select(c => c.Path));
        foreach (var (path, value) in changes) ScenarioPaths.Set(json, path, value);
        return ScenarioLoader.Revalidate(this, json, string.Join(", ", changes.Select(c =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ScenarioPaths.Normalise(c.Path)} = {c.Value:R}"))));
    }

    /// <summary>
    /// This scenario simulated only up to <paramref name="end"/> ("YYYY-MM"), checked like <see cref="With"/>: nothing
    /// before it changes, since every draw belongs to its own tick (sensitivity stops at its last outcome date).
    /// </summary>
    public LoadedScenario EndingAt(string end)
    {
        var json = Editable([]);
        json["end"] = end;
        return ScenarioLoader.Revalidate(this, json, $"$.end = \"{end}\"");
    }

    /// <summary>
    /// This scenario changed in code (a test's or benchmark's shorter run, the groups `compare` shares), checked like
    /// <see cref="With"/>; <paramref name="changes"/> says what changed, for any problem.
    /// </summary>
    public LoadedScenario Changed(Func<Scenario, Scenario> change, string changes) =>
        ScenarioLoader.Revalidate(this, JsonSerializer.SerializeToNode(change(Scenario), InputJson.Options)!.AsObject(), changes);

    /// <summary>The validated horizon and tick.</summary>
    public Calendar Calendar => Plan.Calendar;
}

/// <summary>
/// Reads a scenario file (JSON with comments and trailing commas, UTF-8 with or without BOM, optionally extending
/// other files), rejects unknown properties, wrong types and repeated keys, then checks values against the model's
/// rules. Every problem of every file in the chain is reported at once, each with file, line, column and JSON path.
/// </summary>
public static class ScenarioLoader
{
    public const int MaxFileBytes = 1 << 20;
    public const int MaxDepth = InputJson.MaxDepth;
    /// <summary>Files in one extends chain (the shipped scenarios use three: scenario → baseline → calibrated parameters).</summary>
    public const int MaxExtendsDepth = 16;
    public const int MaxReplicates = 10_000;
    public const int MaxHorizonYears = 100;


    public static LoadedScenario Load(string path)
    {
        var problems = new List<ScenarioProblem>();
        var resolved = ScenarioInheritance.Load(path, problems);
        if (resolved == null) throw new ScenarioException(problems);

        void Problem(string jsonPath, string message, (int Line, int Column)? at = null)
        {
            var origin = Locate(resolved.Origins, jsonPath, path);
            problems.Add(new ScenarioProblem(origin.File, at?.Line ?? origin.Line, at?.Column ?? origin.Column, jsonPath, message));
        }

        Scenario scenario;
        try
        {
            scenario = resolved.Json.Deserialize<Scenario>(InputJson.Options)!;
        }
        catch (JsonException e)
        {
            Problem(e.Path ?? "$", e.Message.Split(" Path:")[0]);
            throw new ScenarioException(problems);
        }

        void CheckWorldFile(string jsonPath, string file)
        {
            if (Directory.Exists(file)) Problem(jsonPath, $"'{file}' is a folder; name the world file in it");
            else if (!File.Exists(file)) Problem(jsonPath, $"file not found: {file}");
        }

        var shapeProblems = problems.Count > 0;
        var calendar = ScenarioValidator.Check(scenario, Problem);
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        scenario = scenario with
        {
            World = new WorldFiles
            {
                Countries = System.IO.Path.Combine(dir, scenario.World.Countries),
                Vendors = System.IO.Path.Combine(dir, scenario.World.Vendors),
            },
        };
        CheckWorldFile("$.world.countries", scenario.World.Countries);
        CheckWorldFile("$.world.vendors", scenario.World.Vendors);
        WorldData? world = null;
        if (File.Exists(scenario.World.Countries) && File.Exists(scenario.World.Vendors))
        {
            try { world = WorldLoader.Load(scenario.World.Countries, scenario.World.Vendors); }
            catch (WorldDataException e) { problems.AddRange(e.Problems); } // each at its own file and line
            catch (InvalidDataException e) { Problem("$.world", e.Message); }
        }
        var policies = world is null ? null : ScenarioValidator.CheckReferences(scenario, world, calendar, Problem);
        if (problems.Count > 0 || shapeProblems) throw new ScenarioException(problems);

        var json = JsonSerializer.Serialize(scenario, InputJson.Options);
        var hash = Hash(json);
        var inputs = resolved.Origins.Values.Select(o => o.File).Append(path)
            .Append(scenario.World.Countries).Append(scenario.World.Vendors)
            .Select(f => System.IO.Path.GetFullPath(f)).Distinct().ToArray();
        return new LoadedScenario(path, scenario, world!, hash, json)
        {
            Inputs = inputs, Origins = resolved.Origins, Plan = PlanOf(scenario, world!, calendar!, policies!, hash),
        };
    }

    /// <summary>
    /// A changed resolved scenario of <paramref name="origin"/>, validated in memory against its world. Each problem is
    /// placed where the origin's files write its path and names the <paramref name="changes"/>.
    /// </summary>
    internal static LoadedScenario Revalidate(LoadedScenario origin, System.Text.Json.Nodes.JsonObject json, string changes)
    {
        var problems = new List<ScenarioProblem>();
        void Problem(string jsonPath, string message, (int Line, int Column)? at = null)
        {
            var written = Locate(origin.Origins, jsonPath, origin.Path);
            problems.Add(new ScenarioProblem(written.File, written.Line, written.Column, jsonPath, $"{message} (in a copy of {origin.Path} with {changes})"));
        }
        // A changed number of the wrong kind (12.5 months) gets the words a file would, not the serializer's.
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(json);
        using (var document = JsonDocument.Parse(utf8))
            ScenarioShape.Check(document.RootElement, typeof(Scenario), "$", map: null, (path, message, _) => Problem(path, message));
        if (problems.Count > 0) throw new ScenarioException(problems);
        Scenario scenario;
        try { scenario = json.Deserialize<Scenario>(InputJson.Options)!; }
        catch (JsonException e)
        {
            Problem(e.Path ?? "$", e.Message.Split(" Path:")[0]);
            throw new ScenarioException(problems);
        }
        var calendar = ScenarioValidator.Check(scenario, Problem);
        var policies = ScenarioValidator.CheckReferences(scenario, origin.World, calendar, Problem, freeParameters: false);
        if (problems.Count > 0) throw new ScenarioException(problems);
        var resolved = JsonSerializer.Serialize(scenario, InputJson.Options);
        var hash = Hash(resolved);
        return origin with { Scenario = scenario, ResolvedJson = resolved, Hash = hash, Plan = PlanOf(scenario, origin.World, calendar!, policies!, hash) };
    }

    /// <summary>
    /// The run plan of a validated scenario: its policies as the validation compiled them, the world with the vendor
    /// overrides applied, and the groups results are broken down by.
    /// </summary>
    private static RunPlan PlanOf(Scenario scenario, WorldData world, Calendar calendar, PolicyBook policies, string hash) => new(
        scenario.Name, hash, calendar, scenario.Parameters, [.. policies.All],
        [.. world.Countries], [.. VendorOverride.ApplyAll(world.Vendors, scenario.Vendors)],
        [.. world.HomeMarkets.Values.OrderBy(h => h.Home, StringComparer.Ordinal)],
        [.. CountryGroups.For(world, scenario.Groups)], scenario.Replicates, scenario.Seed);

    private static string Hash(string resolvedJson) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(resolvedJson)))[..16];

    /// <summary>The file and position a JSON path of the resolved scenario came from (its nearest written ancestor).</summary>
    private static Origin Locate(IReadOnlyDictionary<string, Origin> origins, string jsonPath, string topFile)
    {
        for (var p = jsonPath; ; p = JsonLineMap.Parent(p))
        {
            if (origins.TryGetValue(p, out var origin)) return origin;
            if (p == "$") return new Origin(topFile, 1, 1);
        }
    }
}
