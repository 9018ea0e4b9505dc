using Simulation.Model.Setup;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>The run plan the loader builds: what the engines take, checked once, shared by the batches of a run.</summary>
public sealed class RunPlanTests
{
    private const string Groups = """, "groups": { "EAST_AFRICA": ["KEN", "UGA", "TZA"] }""";

    [Fact]
    public void A_scenario_group_is_in_the_results_breakdown_and_a_copy_given_other_groups_is_checked_like_a_file()
    {
        var loaded = ScenarioLoader.Load(TestWorld.ShortScenario("plan-groups", extra: Groups));
        Assert.Contains(loaded.Plan.Groups, g => g.Name == "EAST_AFRICA" && g.Members.Length == 3);

        // `compare` shares the groups of every compared scenario this way: the copy's plan has them...
        var shared = loaded.Changed(s => s with { Groups = new() { ["EAST_AFRICA"] = ["KEN"], ["SAHEL"] = ["MLI", "NER"] } }, "shared groups");
        Assert.Single(shared.Plan.Groups, g => g.Name == "EAST_AFRICA").Members.Single();
        Assert.Contains(shared.Plan.Groups, g => g.Name == "SAHEL");
        Assert.NotEqual(loaded.Hash, shared.Hash);

        // ...and a group naming no country is reported where the file writes the groups, saying what made the copy.
        var bad = Assert.Throws<ScenarioException>(() => loaded.Changed(s => s with { Groups = new() { ["SAHEL"] = ["MLX"] } }, "shared groups"));
        var problem = Assert.Single(bad.Problems);
        Assert.Equal("$.groups.SAHEL[0]", problem.Path);
        Assert.Contains("unknown country 'MLX'", problem.Message);
        Assert.Contains("with shared groups", problem.Message);
    }

    [Fact]
    public void The_batches_of_a_run_share_its_tables_but_a_run_with_other_vendors_does_not()
    {
        var plan = TestWorld.Plan(TestWorld.ShortScenario("plan-tables"), replicates: 4);
        var whole = RunContext.For(plan);
        var batch = RunContext.For(plan.Batch(2, 2));
        Assert.Same(whole.AlignmentOf, batch.AlignmentOf);
        Assert.Equal(2, batch.FirstReplicate);

        var dearer = plan with { Vendors = [.. plan.Vendors.Select(v => v.Id == "huawei" ? v with { Price = v.Price * 2 } : v)] };
        var other = RunContext.For(dearer);
        Assert.NotSame(whole.AlignmentOf, other.AlignmentOf);
        Assert.Equal(2 * whole.World.Vendors.Single(v => v.Id == "huawei").Price, other.World.Vendors.Single(v => v.Id == "huawei").Price);
    }
}
