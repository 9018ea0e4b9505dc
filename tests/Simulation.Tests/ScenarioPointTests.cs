using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>
/// A point of a sweep, sensitivity design or calibration is the loaded scenario changed in memory: checked by the same
/// rules as a file, with problems that say where the value is written and what the point changed.
/// </summary>
public sealed class ScenarioPointTests
{
    /// <summary>A scenario that writes initialScope on line 4 and gives the sanctioned vendor's home no override.</summary>
    private static LoadedScenario Written() => ScenarioLoader.Load(TestWorld.WriteScenario("""
        { "name": "point", "seed": 7, "replicates": 3, "start": "2008-01", "end": "2012-12", "tick": "quarter",
          "world": { "countries": "$COUNTRIES", "vendors": "$VENDORS" },
          "parameters": { "coverage": {
            "initialScope": 0.3 } },
          "policies": [ { "id": "loans", "type": "financing", "from": "2009-01", "imposer": "CHN",
                          "targets": { "countries": ["BRI"] }, "discount": 0.3, "budgetUsdPerYear": 0 } ]
        }
        """, "point"));

    [Fact]
    public void A_value_out_of_range_is_refused_where_the_file_writes_it_naming_the_change()
    {
        var scenario = Written();
        var e = Assert.Throws<ScenarioException>(() => scenario.With([("parameters.coverage.initialScope", 1.5)]));
        var problem = Assert.Single(e.Problems);
        Assert.Equal((scenario.Path, 4, 21), (problem.File, problem.Line, problem.Column));
        Assert.Equal("$.parameters.coverage.initialScope", problem.Path);
        Assert.Contains("between 0 and 1", problem.Message);
        Assert.Contains("$.parameters.coverage.initialScope = 1.5", problem.Message);
    }

    [Fact]
    public void A_point_changes_only_its_copy_and_reaches_world_vendor_numbers_and_policies()
    {
        var scenario = Written();
        var point = scenario.With([("$.vendors.huawei.capacityPerYear", 31.5), ("$.policies[0].discount", 0.45)]);
        Assert.Equal(31.5, point.Scenario.Vendors["huawei"].CapacityPerYear);
        Assert.Equal(0.45, ((FinancingPolicy)point.Scenario.Policies[0]).Discount);
        Assert.Equal([31.5, 0.45], point.ValuesAt(["vendors.huawei.capacityPerYear", "policies[0].discount"]));
        Assert.NotEqual(scenario.Hash, point.Hash);
        // The loaded scenario is untouched: the next point starts from the same values.
        Assert.False(scenario.Scenario.Vendors.ContainsKey("huawei"));
        Assert.Equal(0.3, ((FinancingPolicy)scenario.Scenario.Policies[0]).Discount);
        Assert.Equal(0.3, scenario.ValuesAt(["policies[0].discount"])[0]);
    }

    [Fact]
    public void A_path_that_names_no_number_fails_before_anything_runs_with_a_hint()
    {
        var scenario = Written();
        var e = Assert.Throws<ArgumentException>(() => scenario.ValuesAt(["parameters.coverage.initalScope"]));
        Assert.Contains("did you mean 'initialScope'", e.Message);
        Assert.False(scenario.HasNumberAt("$.policies[1].discount"));
        Assert.True(scenario.HasNumberAt("$.vendors.hikvision.price"));
    }

    [Fact]
    public void A_shorter_horizon_is_checked_like_any_change()
    {
        var scenario = Written();
        Assert.Equal("2010-10", scenario.EndingAt("2010-10").Calendar.End.ToString());
        var e = Assert.Throws<ScenarioException>(() => scenario.EndingAt("2007-12"));
        Assert.Contains(e.Problems, p => p.Path == "$.end" && p.Message.Contains("before start") && p.Message.Contains("$.end = \"2007-12\""));
    }
}
