using Simulation.Runner.Cli;

namespace Simulation.Tests;

/// <summary>Exit codes and messages a user sees. Runs the real command line in-process.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliTests
{
    internal static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try { return (await App.RunAsync(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }

    [Fact]
    public async Task Validating_the_whole_scenarios_folder_skips_the_schema_and_recognises_fragments()
    {
        var files = Directory.GetFiles(TestWorld.Scenarios, "*.json").Order().ToArray();
        var (code, output, err) = await Cli(["validate", .. files]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", err);
        Assert.Contains("scenario.schema.json: skipped (the JSON Schema of scenario files, not a scenario)", output);
        Assert.Contains("calibrated-parameters.json: ok (fragment 'calibrated-parameters'", output);
        Assert.Contains("baseline.json: ok (baseline)", output);
    }

    [Fact]
    public async Task Validate_resolved_lists_the_members_of_the_groups_a_policy_targets()
    {
        var path = TestWorld.ShortScenario("groups-resolved", extra: """
            , "groups": { "EAST_AFRICA": ["KEN", "UGA"] },
              "policies": [ { "id": "ban", "type": "importBan", "from": "2010-01", "targets": { "countries": ["EAST_AFRICA", "NAC"], "vendors": ["CHN"] } } ]
            """);
        var (code, output, _) = await Cli("validate", "--resolved", path);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("//   EAST_AFRICA (2): KEN, UGA", output);
        Assert.Contains("//   NAC (2): CAN, USA", output);
        // An import ban shows its own fields only, not a sanction's effects or a financing discount.
        Assert.Contains("\"type\": \"importBan\"", output);
        Assert.Contains("\"capabilities\": []", output); // its own field, with its default
        var policies = output[output.IndexOf("\"policies\": [", StringComparison.Ordinal)..];
        foreach (var other in new[] { "componentEmbargo", "reputation", "discount", "premium", "imposer" })
            Assert.DoesNotContain($"\"{other}\"", policies);
    }

    [Fact]
    public void List_shows_the_first_sentence_of_a_description_not_a_cut_at_an_initial()
    {
        Assert.Equal("Parameters fitted to Feldstein, S. (2019).", ListCommand.FirstSentence("Parameters fitted to Feldstein, S. (2019). The Global Expansion."));
        Assert.Equal("A ban, e.g. on imports.", ListCommand.FirstSentence("A ban, e.g. on imports. More text."));
    }

    [Fact]
    public async Task Unknown_property_is_exit_2_with_file_line_and_path()
    {
        var path = TestWorld.WriteScenario("""
            {
              "name": "typo",
              "replciates": 5
            }
            """, "typo");
        var (code, _, err) = await Cli("run", path, "--engine", "inprocess");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("typo.json:3:", err);
        Assert.Contains("$.replciates", err);
        Assert.Contains("unknown property", err);
        Assert.DoesNotContain("   at ", err); // no stack trace
    }

    [Fact]
    public async Task Bad_date_and_wrong_tick_are_reported_together()
    {
        var path = TestWorld.WriteScenario("""
            {
              "name": "dates",
              "start": "2008-13",
              "tick": "fortnight"
            }
            """, "dates");
        var (code, _, err) = await Cli("validate", path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("dates.json:3:", err);
        Assert.Contains("$.start", err);
        Assert.Contains("dates.json:4:", err);
        Assert.Contains("$.tick", err);
    }

    [Fact]
    public async Task A_key_with_a_lone_surrogate_escape_is_exit_2_for_validate_and_list()
    {
        // System.Text.Json cannot decode "\ud800" as a string: it threw InvalidOperationException (exit 1, "internal error").
        var path = TestWorld.WriteScenario("""{ "\ud800": 1 }""", "surrogate");
        var (code, _, err) = await Cli("validate", path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("surrogate.json:1:", err);
        Assert.Contains("lone UTF-16 surrogate", err);
        var (listCode, _, listErr) = await Cli("list", Path.GetDirectoryName(path)!);
        Assert.NotEqual(1, listCode);
        Assert.DoesNotContain("internal error", listErr);
    }

    [Fact]
    public async Task A_scenario_with_a_world_of_its_own_runs_and_leaves_out_the_targets_its_world_cannot_measure()
    {
        // The shipped layout (world/ and targets/ side by side) and a world without South Asia: the CSIS target that
        // counts Huawei's deals in "…|South Asia|…" cannot be measured there. It failed the run at the end; it is left out.
        var dir = TargetsLayout("own-world");
        var southAsia = File.ReadLines(TestWorld.CountriesCsv).Skip(1).Where(l => l.Split(',')[2] == "South Asia").Select(l => l.Split(',')[0]).ToHashSet();
        Assert.Equal(8, southAsia.Count);
        var mine = Directory.CreateDirectory(Path.Combine(dir, "mine")).FullName;
        foreach (var f in new[] { "countries.csv", "covariates.csv", "gaps.csv" })
            File.WriteAllLines(Path.Combine(mine, f), File.ReadLines(Path.Combine(TestWorld.Scenarios, "world", f)).Where(l => !southAsia.Contains(l.Split(',')[0])));
        File.Copy(Path.Combine(TestWorld.Scenarios, "world", "vendors.json"), Path.Combine(mine, "vendors.json"));
        var scenario = Path.Combine(dir, "no-south-asia.json");
        File.WriteAllText(scenario, """
            { "name": "no-south-asia", "start": "2008-01", "end": "2019-12", "tick": "month", "replicates": 2,
              "world": { "countries": "mine/countries.csv", "vendors": "mine/vendors.json" } }
            """);
        var (code, output, err) = await Cli("run", scenario, "--out", Path.Combine(dir, "out"));
        Assert.True(code == ExitCodes.Ok, err + output);
        var report = File.ReadAllText(Path.Combine(dir, "out", "report.html"));
        Assert.Contains("Share of Huawei safe-city agreements abroad (outside China) in countries rated Partly Free", report); // measured
        Assert.DoesNotContain("Share of Huawei safe-city agreements abroad (outside China) in Asia", report); // not measurable here
    }

    [Fact]
    public async Task A_mistake_in_the_targets_file_beside_a_scenario_is_exit_2_before_the_run()
    {
        // It was left out of the report as if the world could not measure it, and the run went on.
        var dir = TargetsLayout("targets-typo");
        var targets = Path.Combine(dir, "targets", "aigs-2019.json");
        File.WriteAllText(targets, File.ReadAllText(targets).Replace("\"metric\": \"countries_adopted\", \"group\": \"any\", \"among\": \"index\", \"observed\": 75",
            "\"metric\": \"countries_adoptd\", \"group\": \"any\", \"among\": \"index\", \"observed\": 75"));
        var scenario = Path.Combine(dir, "short.json");
        File.WriteAllText(scenario, """
            { "name": "short", "start": "2008-01", "end": "2019-12", "tick": "month", "replicates": 2,
              "world": { "countries": "world/countries.csv", "vendors": "world/vendors.json" } }
            """);
        var (code, _, err) = await Cli("run", scenario, "--out", Path.Combine(dir, "out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("aigs-2019.json:5:", err);
        Assert.Contains("$.targets[0].metric: unknown metric 'countries_adoptd'; did you mean 'countries_adopted'?", err);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    /// <summary>A folder laid out like scenarios/: the shipped world in world/ and the published targets in targets/.</summary>
    private static string TargetsLayout(string name)
    {
        var dir = TestWorld.TempDir(name);
        var world = Directory.CreateDirectory(Path.Combine(dir, "world")).FullName;
        foreach (var f in new[] { "countries.csv", "covariates.csv", "gaps.csv", "vendors.json" })
            File.Copy(Path.Combine(TestWorld.Scenarios, "world", f), Path.Combine(world, f));
        Directory.CreateDirectory(Path.Combine(dir, "targets"));
        File.Copy(Path.Combine(TestWorld.Scenarios, "targets", "aigs-2019.json"), Path.Combine(dir, "targets", "aigs-2019.json"));
        return dir;
    }

    [Fact]
    public async Task Unknown_engine_is_exit_2()
    {
        var (code, _, err) = await Cli("run", Path.Combine(TestWorld.Scenarios, "baseline.json"), "--engine", "spark");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("spark", err);
    }

    [Fact]
    public async Task Existing_output_is_kept_without_force_and_replaced_with_it()
    {
        var scenario = TestWorld.ShortScenario("keep", end: "2009-06", tick: "quarter");
        var outDir = Path.Combine(TestWorld.TempDir("keep"), "out");
        var (code, _, err) = await Cli("run", scenario, "--engine", "inprocess", "--out", outDir, "-n", "2");
        Assert.Equal(ExitCodes.Ok, code);
        File.WriteAllText(Path.Combine(outDir, "earlier.txt"), "earlier results");

        (code, _, err) = await Cli("run", scenario, "--engine", "inprocess", "--out", outDir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--force", err);
        Assert.Equal("earlier results", File.ReadAllText(Path.Combine(outDir, "earlier.txt")));

        // A file the user put into the tool's folder is theirs: --force does not delete it (it did).
        (code, _, err) = await Cli("run", scenario, "--engine", "inprocess", "--out", outDir, "--force", "-n", "2");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("it holds a file this tool did not write ('earlier.txt')", err);
        Assert.Equal("earlier results", File.ReadAllText(Path.Combine(outDir, "earlier.txt")));

        File.Delete(Path.Combine(outDir, "earlier.txt"));
        (code, _, _) = await Cli("run", scenario, "--engine", "inprocess", "--out", outDir, "--force", "-n", "3");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\"replicates\": 3", File.ReadAllText(Path.Combine(outDir, "manifest.json")));
    }

    [Fact]
    public async Task An_empty_out_folder_is_filled_and_a_file_is_refused_before_running()
    {
        var scenario = TestWorld.ShortScenario("empty-out", end: "2008-12", tick: "quarter");
        var root = TestWorld.TempDir("empty-out");
        var empty = Directory.CreateDirectory(Path.Combine(root, "results")).FullName;
        var (code, _, _) = await Cli("run", scenario, "--engine", "inprocess", "--out", empty, "-n", "2");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(File.Exists(Path.Combine(empty, "timeseries.parquet")));

        var file = Path.Combine(root, "a-file");
        File.WriteAllText(file, "not a folder");
        string err;
        (code, _, err) = await Cli("run", scenario, "--engine", "inprocess", "--out", file);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("is a file", err);
    }

    [Theory]
    [InlineData("seed=1,2", "same seed")]
    [InlineData("parameters.adoption.capabilityOffset[x]=1,2", "list position")]
    [InlineData("parameters.adoption.inovation=1,2", "--set $.parameters.adoption.inovation: the scenario has no field 'inovation' here; did you mean 'innovation'")]
    [InlineData("parameters.contracts.costPerPersonUsd[5]=1,2", "the list 'costPerPersonUsd' has 3 items, costPerPersonUsd[0] to costPerPersonUsd[2]")]
    public async Task Bad_sweep_fields_are_exit_2_before_anything_runs(string set, string message)
    {
        var outDir = Path.Combine(TestWorld.TempDir("bad-sweep"), "out");
        var (code, _, err) = await Cli("sweep", TestWorld.ShortScenario("bad-sweep", end: "2008-12"), "--set", set, "--out", outDir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (code, output, _) = await Cli("--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("run", output);
        Assert.Contains("validate", output);
        Assert.Contains("bench", output);
        Assert.Contains("compare", output);
        Assert.Contains("sweep", output);
        Assert.Contains("calibrate", output);
        Assert.Contains("sensitivity", output);
        Assert.Contains("schema", output);
    }
}

/// <summary>Tests that redirect Console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
