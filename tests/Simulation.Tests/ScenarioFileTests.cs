using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>Scenario files as students write them: schema, inheritance, reproducible outputs, safe output folders.</summary>
public sealed class ScenarioFileTests
{
    [Fact]
    public void Calibration_entries_with_a_bad_bound_are_named_in_place_and_no_default_is_checked_for_them()
    {
        // An entry with a missing or mistyped bound was dropped: the later entries' problems were named one place early,
        // and a mistyped bound read as 0 gave "max 0 must be above min 0.01", a number nobody wrote.
        var file = Path.Combine(TestWorld.RepoRoot, "tests", "Simulation.Tests", "Corpus", "bad", "94-calibration-entries-keep-their-places.json");
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file));
        Assert.Equal(["$.calibration[0]", "$.calibration[1].max", "$.calibration[2].min", "$.calibration[3].max"], ex.Problems.Select(p => p.Path));
        Assert.DoesNotContain(ex.Problems, p => p.Message.Contains("min 0 ") || p.Message.Contains("max 0 ") || p.Message.EndsWith(" 0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_schema_is_the_one_generated_from_the_types()
    {
        var shipped = File.ReadAllText(Path.Combine(TestWorld.Scenarios, "scenario.schema.json")).ReplaceLineEndings("\n");
        Assert.True(ScenarioSchema.Generate() == shipped,
            "scenarios/scenario.schema.json is stale: regenerate it with `dotnet run --project src/Simulation.Runner -- schema > scenarios/scenario.schema.json`");
        Assert.Contains("\"additionalProperties\": false", shipped);
        Assert.Contains("Bass innovation coefficient p, per year.", shipped);
    }

    [Fact]
    public void A_report_group_must_be_a_group_results_are_broken_down_by()
    {
        var path = TestWorld.ShortScenario("report-groups", extra: """
            , "groups": { "EAST_AFRICA": ["KEN", "UGA"] },
              "report": { "groups": ["EAST_AFRICA", "BRI", "EAST_AFRIKA"] }
            """);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.report.groups[2]", problem.Path);
        Assert.Contains("did you mean 'EAST_AFRICA'", problem.Message);
    }

    [Fact]
    public void Every_shipped_scenario_validates_and_points_editors_at_the_schema()
    {
        var files = Directory.GetFiles(TestWorld.Scenarios, "*.json").Where(f => !f.EndsWith("scenario.schema.json")).ToArray();
        Assert.True(files.Length >= 10);
        foreach (var file in files)
        {
            var loaded = ScenarioLoader.Load(file);
            Assert.Equal("scenario.schema.json", loaded.Scenario.Schema);
            Assert.False(string.IsNullOrWhiteSpace(loaded.Scenario.Description), file);
        }
    }

    private static string Write(string dir, string name, string json)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, json.Replace("$COUNTRIES", TestWorld.CountriesCsv.Replace("\\", "/")).Replace("$VENDORS", TestWorld.VendorsJson.Replace("\\", "/")));
        return path;
    }

    [Fact]
    public void Extends_merges_objects_replaces_values_and_appends_replaces_or_removes_policies()
    {
        var dir = TestWorld.TempDir("extends");
        Write(dir, "base.json", """
            {
              "name": "base", "seed": 11, "end": "2030-12",
              "world": { "countries": "$COUNTRIES", "vendors": "$VENDORS" },
              "parameters": { "adoption": { "innovation": 0.01, "imitation": 0.3 } },
              "policies": [
                { "id": "a", "type": "shock", "from": "2019-01", "targets": { "countries": ["LBN"] }, "unrest": 1 },
                { "id": "b", "type": "shock", "from": "2020-01", "targets": { "countries": ["CHL"] }, "unrest": 1 },
                { "id": "c", "type": "shock", "from": "2021-01", "targets": { "countries": ["IRQ"] }, "unrest": 1 }
              ]
            }
            """);
        Write(dir, "middle.json", """
            { "extends": "base.json", "name": "middle", "parameters": { "adoption": { "innovation": 0.02 } } }
            """);
        var child = Write(dir, "child.json", """
            {
              "extends": "middle.json",
              "name": "child",
              "removePolicies": ["a"],
              "policies": [
                { "id": "b", "type": "shock", "from": "2022-01", "targets": { "countries": ["CHL"] }, "unrest": 3 },
                { "id": "d", "type": "shock", "from": "2023-01", "targets": { "countries": ["ECU"] }, "unrest": 1 }
              ]
            }
            """);
        var s = ScenarioLoader.Load(child).Scenario;
        Assert.Equal("child", s.Name);
        Assert.Equal(11UL, s.Seed);                                  // inherited through the chain
        Assert.Equal(0.02, s.Parameters.Adoption.Innovation);       // overridden in the middle
        Assert.Equal(0.3, s.Parameters.Adoption.Imitation);         // deep merge keeps the sibling
        Assert.Equal(["b", "c", "d"], s.Policies.Select(p => p.Id));
        Assert.Equal("2022-01", s.Policies[0].From);                 // same id replaces in place
        Assert.Null(s.Extends);
    }

    [Fact]
    public void A_problem_in_a_base_file_names_the_base_file_and_its_line()
    {
        var dir = TestWorld.TempDir("extends-error");
        Write(dir, "base.json", """
            {
              "name": "base",
              "world": { "countries": "$COUNTRIES", "vendors": "$VENDORS" },
              "policies": [
                { "id": "x", "type": "importBan", "from": "2019-01",
                  "targets": { "countries": ["USA"], "vendors": ["hauwei"] } }
              ]
            }
            """);
        var child = Write(dir, "child.json", """
            {
              "extends": "base.json",
              "name": "child",
              "policies": [ { "id": "y", "type": "shock", "from": "2019-01", "targets": { "countries": ["KEY"] }, "unrest": 1 } ]
            }
            """);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(child));
        Assert.Contains(e.Problems, p => p.File.EndsWith("base.json") && p.Line == 6 && p.Path == "$.policies[0].targets.vendors[0]" && p.Message.Contains("did you mean 'huawei'"));
        Assert.Contains(e.Problems, p => p.File.EndsWith("child.json") && p.Line == 4 && p.Path == "$.policies[1].targets.countries[0]" && p.Message.Contains("'KEN'"));
    }

    [Fact]
    public async Task A_run_can_be_reproduced_from_its_output_folder_alone()
    {
        var scenario = TestWorld.ShortScenario("again", end: "2010-12", tick: "quarter");
        var first = await RunPipeline.RunAsync(new RunOptions(scenario, 2, Out: Path.Combine(TestWorld.TempDir("again"), "out"), Engine: Engine.InProcess));
        var again = await RunPipeline.RunAsync(new RunOptions(Path.Combine(first, "scenario.resolved.json"), 2,
            Out: Path.Combine(TestWorld.TempDir("again2"), "out"), Engine: Engine.InProcess));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "timeseries.parquet")), File.ReadAllBytes(Path.Combine(again, "timeseries.parquet")));
        Assert.True(File.Exists(Path.Combine(first, "world", "countries.csv")));
    }

    [Fact]
    public async Task A_cancelled_run_leaves_no_folder_and_keeps_earlier_results()
    {
        var root = TestWorld.TempDir("cancel");
        var outDir = Path.Combine(root, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "earlier.csv"), "kept");
        OutputSafety.WriteMarker(outDir, "run"); // earlier results of this tool, which --force may replace
        OutputSafety.Claim(outDir, "earlier.csv");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunPipeline.RunAsync(
            new RunOptions(TestWorld.ShortScenario("cancel", end: "2040-12"), 50, Out: outDir, Engine: Engine.InProcess, Force: true), cancel.Token));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(outDir, "earlier.csv")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("baseline", "baseline")]
    [InlineData("my scenario/v2", "my_scenario_v2")]
    [InlineData("..", "scenario")]
    public void Scenario_names_cannot_escape_the_output_folder(string name, string folder) =>
        Assert.Equal(folder, OutputFolder.SafeName(name));

    [Fact]
    public void A_changed_copy_of_a_scenario_is_checked_like_a_file()
    {
        var loaded = ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "baseline.json"));
        var changed = loaded.With([("$.parameters.adoption.innovation", 0.01), ("$.vendors.hikvision.price", 0.5)]);
        Assert.Equal(0.01, changed.Scenario.Parameters.Adoption.Innovation);
        Assert.Equal(0.5, changed.Scenario.Vendors["hikvision"].Price); // a world vendor's number, as sweeps and calibration vary it
        Assert.NotEqual(loaded.Hash, changed.Hash);
        Assert.Equal(loaded.Scenario.Parameters.Adoption.Innovation, ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "baseline.json")).Scenario.Parameters.Adoption.Innovation);

        var e = Assert.Throws<ScenarioException>(() => loaded.With([("$.parameters.adoption.innovation", -0.2)]));
        Assert.Contains("$.parameters.adoption.innovation: must be between 0 and 1, not -0.2", e.Message);
        Assert.Contains("baseline.json", e.Message);
    }
}
