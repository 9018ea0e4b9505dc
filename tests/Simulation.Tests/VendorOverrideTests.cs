using System.Globalization;
using Simulation.Model.Engine;
using Simulation.Model.World;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>A scenario's "vendors" section changes vendor profiles for that scenario only ("what if Huawei were dearer?").</summary>
public sealed class VendorOverrideTests
{
    // Fast enough that countries tender every year, slow enough that Huawei's capacity does not bind (then price would not matter).
    private const string Adoption = """, "parameters": { "adoption": { "innovation": 0.01 } }""";

    [Fact]
    public async Task A_dearer_and_weaker_huawei_wins_fewer_contracts_in_the_same_world()
    {
        var plain = TestWorld.ShortScenario("vendor-plain", end: "2016-12", extra: Adoption);
        var changed = TestWorld.ShortScenario("vendor-changed", end: "2016-12", extra: Adoption +
            """, "vendors": { "huawei": { "price": 2.0, "quality": { "safe_city": 0.2 } } }""");
        async Task<int> HuaweiContracts(string scenario) =>
            (await new TickDriver(new InProcessRuntime()).RunAsync(TestWorld.Plan(scenario, 3))).Contracts.Count(c => c.Vendor == "huawei");

        var before = await HuaweiContracts(plain);
        var after = await HuaweiContracts(changed);
        Assert.True(after < 0.8 * before, $"huawei contracts: {before} with the file's profile, {after} dearer and weaker");
    }

    [Fact]
    public void Overrides_change_the_run_but_not_the_world_file_and_unset_fields_keep_their_values()
    {
        var path = TestWorld.ShortScenario("vendor-fields", extra:
            """, "vendors": { "huawei": { "capacityPerYear": 30, "entry": "2012-06", "quality": { "facial_recognition": 0.9 } } }""");
        var loaded = ScenarioLoader.Load(path);
        var file = loaded.World.Vendor("huawei");
        var run = TestWorld.Plan(path, 1).Vendors.Single(v => v.Id == "huawei");

        Assert.Equal((23.1, "2009-01"), (file.CapacityPerYear, file.Entry.ToString())); // the loaded world is the file's
        Assert.Equal(30, run.CapacityPerYear);
        Assert.Equal("2012-06", run.Entry.ToString());
        Assert.Equal(0.9, run.Quality[Capability.FacialRecognition]);
        Assert.Equal(file.Quality[Capability.SafeCity], run.Quality[Capability.SafeCity]);
        Assert.Equal(file.Price, run.Price);
        Assert.Contains("\"capacityPerYear\": 30", loaded.ResolvedJson); // the output's scenario.resolved.json reproduces it
    }

    [Fact]
    public void Calibration_may_name_any_vendor_number_and_starts_from_the_world_files_value()
    {
        var path = TestWorld.ShortScenario("vendor-free", extra: """
            , "calibration": [ { "path": "$.vendors.hikvision.price", "min": 0.3, "max": 1.5 },
                               { "path": "$.vendors.hikvison.capacityPerYear", "min": 1, "max": 9 },
                               { "path": "$.vendors.palantir.quality.facial_recognition", "min": 0.1, "max": 0.9 },
                               { "path": "$.vendors.dahua.price", "min": 0.8, "max": 1.5 },
                               { "path": "$.vendors.huawei.price.x", "min": 0.1, "max": 1 },
                               { "path": "$.vendors.huawei.entry", "min": 2008, "max": 2012 },
                               { "path": "$.vendors.nec.quality.safe_city", "min": 0.5, "max": 1.5 } ]
            """);
        var problems = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Problems;
        Assert.DoesNotContain(problems, p => p.Path == "$.calibration[0].path"); // hikvision's price comes from vendors.json
        Assert.Contains(problems, p => p.Path == "$.calibration[1].path" && p.Message.Contains("did you mean 'hikvision'"));
        Assert.Contains(problems, p => p.Path == "$.calibration[2].path"); // palantir has no facial recognition
        Assert.Contains(problems, p => p.Path == "$.calibration[3].path" && p.Message.Contains("0.55 of $.vendors.dahua.price is outside [0.8, 1.5]"));
        Assert.Contains(problems, p => p.Path == "$.calibration[4].path" && p.Message.Contains("not a vendor number"));
        Assert.Contains(problems, p => p.Path == "$.calibration[5].path" && p.Message.Contains("entry is a date"));
        Assert.Contains(problems, p => p.Path == "$.calibration[6].path" && p.Message.Contains("may be: between 0 and 1"));
    }

    [Fact]
    public void The_fitted_fragment_carries_vendor_numbers_the_scenario_did_not_write()
    {
        var path = TestWorld.ShortScenario("vendor-fragment", extra: """
            , "calibration": [ { "path": "$.vendors.hikvision.price", "min": 0.3, "max": 1.5 },
                               { "path": "$.vendors.huawei.quality.safe_city", "min": 0.2, "max": 0.9 } ]
            """);
        var loaded = ScenarioLoader.Load(path);
        var result = new Simulation.Runner.Calibration.CalibrationResult(
            [(loaded.Scenario.Calibration[0], 0.9), (loaded.Scenario.Calibration[1], 0.5)], 0, [], 0, []);
        var targets = new Simulation.Runner.Calibration.TargetFile("test", "2013-12", []);
        var fragment = System.Text.Json.Nodes.JsonNode.Parse(Simulation.Runner.Calibration.CalibratePipeline.Fragment(loaded, targets, result))!;
        Assert.Equal(0.9, fragment["vendors"]!["hikvision"]!["price"]!.GetValue<double>());
        Assert.Equal(0.5, fragment["vendors"]!["huawei"]!["quality"]!["safe_city"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_sweep_over_a_vendors_capacity_runs_each_point_with_that_capacity()
    {
        // Capacity fixed by the vendor number alone (no growth in response to refused awards), so the sweep shows it.
        var scenario = TestWorld.ShortScenario("vendor-sweep", end: "2016-12",
            extra: """, "parameters": { "adoption": { "innovation": 0.01 }, "vendors": { "capacityResponse": 0 } }""");
        var options = new Simulation.Runner.Pipeline.RunOptions("", 2, Out: Path.Combine(TestWorld.TempDir("vendor-sweep"), "out"),
            Engine: Simulation.Runner.Engines.Engine.InProcess);
        var folder = await Simulation.Runner.Sweeps.SweepPipeline.RunAsync(scenario,
            [Simulation.Runner.Sweeps.SweepParameter.Parse("$.vendors.huawei.capacityPerYear=2,30")], null, options);
        double Reach(string point) => double.Parse(File.ReadLines(Path.Combine(folder, "sweep.csv")).Select(l => l.Split(','))
            .Single(r => r[0] == point && r[2] == "2016-12" && r[3] == "countries_with_vendor" && r[4] == "huawei")[5], CultureInfo.InvariantCulture);
        Assert.True(Reach("0") < Reach("1") / 2, $"huawei reach: {Reach("0")} with 2 contracts a year, {Reach("1")} with 30");
    }
}
