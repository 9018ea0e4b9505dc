using Simulation.Model.Engine;
using Simulation.Model.Scenarios;
using Simulation.Model.World;

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
            (await new TickDriver(new InProcessRuntime()).RunAsync(TestWorld.Spec(scenario, 3))).Contracts.Count(c => c.Vendor == "huawei");

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
        var run = TestWorld.Spec(path, 1).Vendors.Single(v => v.Id == "huawei");

        Assert.Equal((14.0, "2009-01"), (file.CapacityPerYear, file.Entry.ToString())); // the loaded world is the file's
        Assert.Equal(30, run.CapacityPerYear);
        Assert.Equal("2012-06", run.Entry.ToString());
        Assert.Equal(0.9, run.Quality[Capability.FacialRecognition]);
        Assert.Equal(file.Quality[Capability.SafeCity], run.Quality[Capability.SafeCity]);
        Assert.Equal(file.Price, run.Price);
        Assert.Contains("\"capacityPerYear\": 30", loaded.ResolvedJson); // the output's scenario.resolved.json reproduces it
    }

    [Fact]
    public void Calibration_can_only_name_a_vendor_number_the_scenario_writes()
    {
        var path = TestWorld.ShortScenario("vendor-free", extra:
            """, "calibration": [ { "path": "$.vendors.huawei.price", "min": 0.3, "max": 1.5 } ]""");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.calibration[0].path", problem.Path);
        Assert.Contains("first write its current value under \"vendors\"", problem.Message);
    }
}
