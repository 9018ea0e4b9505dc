using Simulation.Runner.Cli;
using static Simulation.Tests.CliTests;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>The sensitivity command end to end on tiny designs (short horizon, few replicates), and its bad arguments.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SensitivityTests
{
    private const string Uncertain = """
        , "uncertain": [
          { "path": "$.parameters.adoption.privacy", "min": -1.0, "max": 0.0, "reason": "test" },
          { "path": "$.parameters.choice.reputation", "min": -2.0, "max": 0.0, "reason": "acts only on sanctioned vendors" },
          { "path": "$.policies[0].discount", "min": 0.1, "max": 0.5, "reason": "the policy's strength" }
        ]
        """;

    private const string SoftLoans = """
        , "policies": [ { "id": "loans", "type": "financing", "from": "2008-01", "imposer": "CHN",
                          "targets": { "countries": ["BRI"] }, "discount": 0.3, "budgetUsdPerYear": 0 } ]
        """;

    private static (string Policy, string Counterfactual) Pair(string name) => (
        TestWorld.ShortScenario(name + "-loans", end: "2011-12", tick: "quarter", extra: Uncertain + SoftLoans),
        TestWorld.ShortScenario(name + "-none", end: "2011-12", tick: "quarter"));

    [Fact]
    public async Task Morris_on_a_policy_effect_names_what_matters_gives_zero_to_what_cannot_and_resumes()
    {
        var (policy, none) = Pair("sens-e2e");
        var outDir = Path.Combine(TestWorld.TempDir("sens-e2e"), "out");
        string[] args = ["sensitivity", policy, "--compare", none, "--method", "morris", "--samples", "3", "-n", "2", "--dates", "2011-10",
            "--engine", "inprocess", "--out", outDir];
        var (code, _, err) = await Cli(args);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Empty(Simulation.Runner.Results.OutputSafety.Unclaimed(outDir)); // every file it wrote is listed: --force may replace it

        var csv = File.ReadAllLines(Path.Combine(outDir, "sensitivity.csv"));
        Assert.Equal("outcome,parameter,method,index,value,ci_low,ci_high", csv[0]);
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToArray();
        double Index(string outcome, string parameter, string index) =>
            double.Parse(rows.Single(r => r[0] == outcome && r[1] == parameter && r[3] == index)[4], System.Globalization.CultureInfo.InvariantCulture);
        // Three headline counts, as levels and as paired effects, each with μ*, μ, σ for 3 parameters and 2 noise rows.
        Assert.Equal(6 * (3 * 3 + 2), rows.Length);
        // Without sanctions the reputation penalty acts on nobody: exactly zero, because every point shares its streams.
        foreach (var outcome in rows.Select(r => r[0]).Distinct())
            Assert.Equal(0, Index(outcome, "parameters.choice.reputation", "mu_star"));
        // Privacy pressure delays adoption: it moves the count of adopting countries.
        Assert.True(Index("countries_adopted/any@2011-10", "parameters.adoption.privacy", "mu_star") > 0);
        Assert.True(Index("countries_adopted/any@2011-10", "parameters.adoption.privacy", "mu_star")
            > Index("countries_adopted/any@2011-10", "(replicate noise)", "mu_star_of_noise"));

        var points = File.ReadAllLines(Path.Combine(outDir, "points.csv"));
        Assert.Equal(3 * 4, points.Length - 1);
        Assert.All(points.Skip(1), p => Assert.Contains(",ok,", p));
        var report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("Which assumptions matter", report);
        Assert.Contains("What this model cannot tell you", report);
        Assert.Contains("adoption.privacy", report);
        Assert.Contains("sens-e2e-loans only", report); // the discount does not exist in the counterfactual
        Assert.True(new FileInfo(Path.Combine(outDir, "sensitivity_effect_countries_with_vendor_origin_CHN_2011-10.png")).Length > 10_000);

        // The same command again resumes: nothing re-runs and the indices come out byte-identical.
        var before = File.ReadAllText(Path.Combine(outDir, "sensitivity.csv"));
        var (again, output, _) = await Cli(args);
        Assert.Equal(ExitCodes.Ok, again);
        Assert.Contains("Resuming: 12 of 12 points", output);
        Assert.Equal(before, File.ReadAllText(Path.Combine(outDir, "sensitivity.csv")));
    }

    [Fact]
    public async Task Sobol_writes_indices_and_refuses_bounds_outside_a_parameters_range()
    {
        // initialScope is a share: bounds above 1 are refused before anything runs, naming the file, line and path.
        string Scenario(string name, double max) => TestWorld.ShortScenario(name, end: "2009-12", tick: "quarter", extra: $$"""
            , "uncertain": [
              { "path": "$.parameters.adoption.privacy", "min": -1.0, "max": 0.0 },
              { "path": "$.parameters.coverage.initialScope", "min": 0.2, "max": {{max.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }
            ]
            """);
        var outDir = Path.Combine(TestWorld.TempDir("sens-sobol"), "out");
        var (code, _, err) = await Cli("sensitivity", Scenario("sens-sobol-bad", 1.1), "--method", "sobol", "--samples", "8", "-n", "2",
            "--outcome", "countries_adopted/any", "--engine", "inprocess", "--out", outDir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("sens-sobol-bad.json:6:", err);
        Assert.Contains("$.uncertain[1].path", err);
        Assert.False(Directory.Exists(outDir));

        (code, _, err) = await Cli("sensitivity", Scenario("sens-sobol", 0.9), "--method", "sobol", "--samples", "8", "-n", "2",
            "--outcome", "countries_adopted/any", "--engine", "inprocess", "--out", outDir);
        Assert.True(code == ExitCodes.Ok, err);
        var points = File.ReadAllLines(Path.Combine(outDir, "points.csv")).Skip(1).ToArray();
        Assert.Equal(8 * 4, points.Length);
        var rows = File.ReadAllLines(Path.Combine(outDir, "sensitivity.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(["first_order", "total"], rows.Where(r => r[1] == "parameters.adoption.privacy").Select(r => r[3]).Order());
    }

    [Fact]
    public async Task An_outcome_can_be_restricted_to_a_country_group_such_as_Sub_Saharan_Africa()
    {
        var (policy, _) = Pair("sens-group");
        var outDir = Path.Combine(TestWorld.TempDir("sens-group"), "out");
        var (code, _, err) = await Cli("sensitivity", policy, "--method", "morris", "--samples", "2", "-n", "2", "--dates", "2011-10",
            "--outcome", "countries_with_vendor_origin/CHN/SSF", "--outcome", "countries_with_vendor_origin/CHN", "--engine", "inprocess", "--out", outDir);
        Assert.True(code == ExitCodes.Ok, err);
        var values = File.ReadAllLines(Path.Combine(outDir, "outcomes.csv")).Skip(1).Select(l => l.Split(','))
            .GroupBy(f => (f[0], f[2])).Select(g => g.ToDictionary(f => f[1], f => double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(2 * 4 * 2, values.Length); // points × replicates
        // Sub-Saharan Africa's count is part of the world's, in every replicate at every point.
        Assert.All(values, v => Assert.InRange(v["countries_with_vendor_origin/CHN/SSF@2011-10"], 0, v["countries_with_vendor_origin/CHN@2011-10"]));
        Assert.Contains("Countries with Chinese vendors in SSF at 2011-10", File.ReadAllText(Path.Combine(outDir, "report.html")));
    }

    [Fact]
    public async Task A_fall_is_described_as_larger_or_smaller_not_as_raised_or_lowered()
    {
        // A ban on Chinese vendors everywhere: its effect on their reach is a fall, larger the more countries adopt, and
        // privacy pressure (from -1 to 0: less deterrence) makes more countries adopt.
        var banned = TestWorld.ShortScenario("sens-fall-ban", end: "2011-12", tick: "quarter", extra: """
            , "uncertain": [ { "path": "$.parameters.adoption.privacy", "min": -1.0, "max": 0.0, "reason": "test" } ],
              "policies": [ { "id": "ban", "type": "importBan", "from": "2008-01",
                "targets": { "countries": ["EAS", "ECS", "LCN", "MEA", "NAC", "SAS", "SSF"], "vendors": ["CHN"] } } ]
            """);
        var open = TestWorld.ShortScenario("sens-fall-open", end: "2011-12", tick: "quarter");
        var outDir = Path.Combine(TestWorld.TempDir("sens-fall"), "out");
        var (code, _, err) = await Cli("sensitivity", banned, "--compare", open, "--method", "morris", "--samples", "3", "-n", "2",
            "--dates", "2011-10", "--outcome", "countries_with_vendor_origin/CHN", "--engine", "inprocess", "--out", outDir);
        Assert.True(code == ExitCodes.Ok, err);
        var report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        var effect = report[report.IndexOf("Effect on countries with Chinese vendors", StringComparison.Ordinal)..];
        effect = effect[..effect.IndexOf("<figure", StringComparison.Ordinal)];
        Assert.Contains("parameters.adoption.privacy (across its range", effect);
        Assert.Contains("raising it makes the effect more negative (a larger fall)", effect);
    }

    [Fact]
    public void A_scenario_adds_uncertain_parameters_to_the_inherited_list_and_a_repeated_path_replaces_the_range()
    {
        var baseline = Path.Combine(TestWorld.Scenarios, "baseline.json").Replace("\\", "/");
        var inherited = Simulation.Scenarios.ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "baseline.json")).Scenario.Uncertain;
        Assert.True(inherited.Count >= 30, "baseline.json should inherit the list of uncertainties.json");
        Assert.All(inherited, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason), $"{u.Path} has no reason for its range"));

        var child = TestWorld.WriteScenario($$"""
            {
              "extends": "{{baseline}}",
              "name": "child",
              "uncertain": [
                { "path": "$.parameters.adoption.blocWeight", "min": 0.2, "max": 0.8, "reason": "narrower" },
                { "path": "parameters.choice.outside", "min": -0.5, "max": 0.5, "reason": "new" }
              ]
            }
            """, "uncertain-child");
        var list = Simulation.Scenarios.ScenarioLoader.Load(child).Scenario.Uncertain;
        Assert.Equal(inherited.Count + 1, list.Count);
        var bloc = list.Single(u => u.Path == "$.parameters.adoption.blocWeight");
        Assert.Equal((0.2, 0.8, "narrower"), (bloc.Min, bloc.Max, bloc.Reason));
        Assert.Equal("parameters.choice.outside", list[^1].Path);

        var bad = TestWorld.WriteScenario($$"""
            {
              "extends": "{{baseline}}",
              "name": "bad-child",
              "uncertain": [
                { "path": "$.parameters.adoption.blocWieght", "min": 0, "max": 1 }
              ]
            }
            """, "uncertain-bad");
        var e = Assert.Throws<Simulation.Scenarios.ScenarioException>(() => Simulation.Scenarios.ScenarioLoader.Load(bad));
        Assert.Contains(e.Problems, p => p.ToString().Contains("uncertain-bad.json:5:") && p.ToString().Contains("did you mean 'blocWeight'"));
    }

    [Theory]
    [InlineData(new[] { "--method", "fast" }, "--method must be morris or sobol")]
    [InlineData(new string[0], "'--method' is required")]
    [InlineData(new[] { "--method", "morris", "--samples", "1" }, "--samples must be a whole number from 2 to 100000")]
    [InlineData(new[] { "--method", "morris", "-n", "1" }, "--replicates must be a whole number from 2 to 10000")]
    [InlineData(new[] { "--method", "morris", "--dates", "2011-13" }, "--dates '2011-13'")]
    [InlineData(new[] { "--method", "morris", "--dates", "2030-12" }, "--dates 2030-12: not a tick")]
    [InlineData(new[] { "--method", "sobol", "--outcome", "countries_adoptd/any" }, "did you mean 'countries_adopted'")]
    [InlineData(new[] { "--method", "sobol", "--outcome", "countries_adopted" }, "--outcome 'countries_adopted': expected <metric>/<group>")]
    [InlineData(new[] { "--method", "sobol", "--outcome", "countries_with_vendor_origin/CHN/SFF" }, "no country group 'SFF'; did you mean 'SSF'?")]
    [InlineData(new[] { "--method", "sobol", "--outcome", "contracts_signed/any/SSF" }, "by country group only")]
    [InlineData(new[] { "--method", "sobol", "--only", "parameters.choise" }, "--only parameters.choise: names none of the scenario's uncertain parameters; did you mean 'parameters.choice'?")]
    public async Task Bad_arguments_are_exit_2_naming_the_option_and_write_nothing(string[] options, string message)
    {
        var (policy, _) = Pair("sens-bad");
        var outDir = Path.Combine(TestWorld.TempDir("sens-bad"), "out");
        var (code, _, err) = await Cli(["sensitivity", policy, .. options, "--engine", "inprocess", "--out", outDir]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_scenario_without_uncertain_parameters_or_a_mismatched_compare_is_exit_2()
    {
        var (policy, none) = Pair("sens-bad2");
        var outDir = Path.Combine(TestWorld.TempDir("sens-bad2"), "out");
        var (code, _, err) = await Cli("sensitivity", none, "--method", "morris", "--engine", "inprocess", "--out", outDir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.uncertain", err);
        var monthly = TestWorld.ShortScenario("sens-monthly", end: "2011-12", tick: "month");
        (code, _, err) = await Cli("sensitivity", policy, "--compare", monthly, "--method", "morris", "--engine", "inprocess", "--out", outDir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--compare", err);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData(0.23, "account for 23 % of the variance")]
    [InlineData(1.0, "account for nearly all of the variance")] // capped: the parameters' part is below what R replicates can measure, not zero
    public void The_report_says_how_much_of_the_variance_is_replicate_noise(double share, string expected)
    {
        var outcome = new Simulation.Runner.Sensitivity.SensitivityOutcome("countries_with_vendor_origin", "CHN", "2030-12", Effect: true);
        var analysis = new Simulation.Runner.Sensitivity.OutcomeAnalysis(outcome, -11.2, 3.1, 64, null, null, share, double.NaN);
        var design = new Simulation.Runner.Sensitivity.SensitivityDesign("morris", 4, [], null!, []);
        var text = string.Join(" ", Simulation.Runner.Sensitivity.SensitivityReport.Explain(analysis, design, replicates: 8));
        Assert.Contains(expected, text);
        Assert.DoesNotContain("100 %", text);
    }
}
