using System.Security.Cryptography;
using System.Text.Json;
using Simulation.Runner.Cli;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>
/// Pins what every shipped scenario produces, so a refactoring that should change nothing provably changes nothing.
/// Each scenario runs 3 replicates over its whole horizon with yearly ticks (every policy comes into force), and the
/// baseline also runs 3 monthly years; the SHA-256 of each CSV it writes is compared with Pinned/digests.json.
/// A deliberate model change regenerates the file: UPDATE_DIGESTS=1 dotnet test --filter PinnedOutputTests,
/// then review and commit the new digests with the change that explains them.
/// </summary>
public sealed class PinnedOutputTests
{
    private static string DigestFile => Path.Combine(TestWorld.RepoRoot, "tests", "Simulation.Tests", "Pinned", "digests.json");
    private const int Replicates = 3;

    /// <summary>
    /// The pinned runs: a key, the shipped file and what the short run changes. The monthly run is the shipped
    /// baseline cut as sweeps and sensitivity cut it (<see cref="LoadedScenario.EndingAt"/>); the yearly runs change
    /// the typed scenario's tick (<see cref="LoadedScenario.Changed"/>). Both are checked again like a file.
    /// </summary>
    private static IEnumerable<(string Key, string File, Func<LoadedScenario, LoadedScenario> Change)> Runs() =>
        Directory.GetFiles(TestWorld.Scenarios, "*.json").Order(StringComparer.Ordinal)
            .Where(f => ScenarioFiles.KindOf(f) == ScenarioFileKind.Scenario)
            .Select(f => (Path.GetFileName(f), f, (Func<LoadedScenario, LoadedScenario>)(l => l.Changed(s => s with { Tick = "year" }, "the pinned yearly run"))))
            .Append(("baseline.json (monthly 2008-2010)", Path.Combine(TestWorld.Scenarios, "baseline.json"), l => l.EndingAt("2010-12")));

    [Fact]
    public async Task Every_shipped_scenario_gives_the_pinned_outputs()
    {
        var actual = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (key, file, change) in Runs()) actual[key] = await DigestsAsync(file, change);

        if (Environment.GetEnvironmentVariable("UPDATE_DIGESTS") == "1")
        {
            await File.WriteAllTextAsync(DigestFile, JsonSerializer.Serialize(actual, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            return;
        }
        var pinned = JsonSerializer.Deserialize<SortedDictionary<string, SortedDictionary<string, string>>>(await File.ReadAllTextAsync(DigestFile))!;
        var changed = actual.Keys.Union(pinned.Keys).Order(StringComparer.Ordinal).SelectMany(key =>
        {
            if (!pinned.TryGetValue(key, out var was)) return [$"{key}: new scenario with no pinned digest"];
            if (!actual.TryGetValue(key, out var now)) return [$"{key}: pinned but no longer shipped"];
            return now.Keys.Union(was.Keys).Where(f => now.GetValueOrDefault(f) != was.GetValueOrDefault(f)).Select(f => $"{key}: {f} changed");
        }).ToArray();
        Assert.True(changed.Length == 0,
            "Outputs differ from tests/Simulation.Tests/Pinned/digests.json:\n  " + string.Join("\n  ", changed) +
            "\nIf the change is deliberate, regenerate with UPDATE_DIGESTS=1 dotnet test --filter PinnedOutputTests and commit it with the reason.");
    }

    private static async Task<SortedDictionary<string, string>> DigestsAsync(string shipped, Func<LoadedScenario, LoadedScenario> change)
    {
        var name = Path.GetFileNameWithoutExtension(shipped);
        var loaded = change(ScenarioLoader.Load(shipped));
        var run = await RunPipeline.ExecuteAsync(loaded, Replicates, loaded.Scenario.Seed, new RunOptions("", Engine: Engine.InProcess));
        var dir = TestWorld.TempDir("pinned-" + name);
        string At(string file) => Path.Combine(dir, file);
        var scenario = loaded.Scenario.Name;
        ResultWriter.WriteTimeseries(At("timeseries.csv"), scenario, run.Result);
        ResultWriter.WriteContracts(At("contracts.csv"), run.Result);
        ResultWriter.WriteSummary(At("summary.csv"), run.Summary);
        ResultWriter.WriteGroups(At("groups.csv"), scenario, run.Result);
        ResultWriter.WriteCountries(At("countries.csv"), scenario, run.Result);
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            digests[Path.GetFileName(file)] = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));
        Directory.Delete(dir, true);
        return digests;
    }
}
