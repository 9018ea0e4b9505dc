using Simulation.Model.Setup;
using Simulation.Model.World;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>Shared fixtures: the repo's real world data and short scenarios written to temporary folders.</summary>
public static class TestWorld
{
    public static readonly string RepoRoot = FindRepoRoot();
    public static string Scenarios => Path.Combine(RepoRoot, "scenarios");
    public static string CountriesCsv => Path.Combine(Scenarios, "world", "countries.csv");
    public static string VendorsJson => Path.Combine(Scenarios, "world", "vendors.json");

    private static readonly Lazy<WorldData> LazyWorld = new(() => WorldLoader.Load(CountriesCsv, VendorsJson));
    public static WorldData World => LazyWorld.Value;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Simulation.sln not found above the test directory");
    }

    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sim-tests", name + "-" + Environment.ProcessId + "-" + Interlocked.Increment(ref _counter));
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static int _counter;

    /// <summary>Writes a scenario file (JSON text) into a temp folder, with the world files referenced by absolute path.</summary>
    public static string WriteScenario(string json, string? name = null)
    {
        var dir = TempDir(name ?? "scenario");
        var path = Path.Combine(dir, (name ?? "scenario") + ".json");
        File.WriteAllText(path, json.Replace("$COUNTRIES", CountriesCsv.Replace("\\", "/")).Replace("$VENDORS", VendorsJson.Replace("\\", "/")));
        return path;
    }

    /// <summary>A short scenario (2008-01..2013-12 by default) over the real world.</summary>
    public static string ShortScenario(string name = "short", string end = "2013-12", string tick = "month", ulong seed = 7, string extra = "") =>
        WriteScenario($$"""
        {
          "name": "{{name}}", "seed": {{seed}}, "replicates": 3,
          "start": "2008-01", "end": "{{end}}", "tick": "{{tick}}",
          "world": { "countries": "$COUNTRIES", "vendors": "$VENDORS" }{{extra}}
        }
        """, name);

    /// <summary>A made-up safe-city vendor for tests that need a controlled market.</summary>
    public sealed record TestVendor(string Id, string Home, double Quality, double Price, double CapacityPerYear,
        bool HomeCompelsDataAccess = false, double UsComponentDependence = 0, double DataExposure = 1.0);

    /// <summary>
    /// A scenario over the real countries but a made-up vendor set. <paramref name="members"/> are the scenario's other
    /// JSON members (name, seed, end, parameters, policies...), written as they are.
    /// </summary>
    public static string CustomScenario(string name, IEnumerable<TestVendor> vendors, string members)
    {
        var dir = TempDir(name);
        var list = string.Join(",\n", vendors.Select(v => $$"""
              { "id": "{{v.Id}}", "name": "{{v.Id}}", "home": "{{v.Home}}", "entry": "2008-01", "capabilities": ["safe_city"],
                "quality": { "safe_city": {{v.Quality.ToString(System.Globalization.CultureInfo.InvariantCulture)}} },
                "price": {{v.Price.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                "capacityPerYear": {{v.CapacityPerYear.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                "usComponentDependence": {{v.UsComponentDependence.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                "homeCompelsDataAccess": {{(v.HomeCompelsDataAccess ? "true" : "false")}},
                "dataExposure": {{v.DataExposure.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "sources": {} }
            """));
        File.WriteAllText(Path.Combine(dir, "vendors.json"), $"{{ \"vendors\": [\n{list}\n] }}");
        var path = Path.Combine(dir, name + ".json");
        File.WriteAllText(path, $$"""
            { {{members}},
              "world": { "countries": "{{CountriesCsv.Replace("\\", "/")}}", "vendors": "vendors.json" } }
            """);
        return path;
    }

    public static RunPlan Plan(string scenarioPath, int replicates, ulong? seed = null)
    {
        var loaded = ScenarioLoader.Load(scenarioPath);
        return loaded.Plan.Runs(replicates, seed ?? loaded.Scenario.Seed);
    }
}
