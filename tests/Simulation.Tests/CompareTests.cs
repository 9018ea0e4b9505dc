using System.Globalization;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Sweeps;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>compare and sweep: paired differences are real effects, sweeps stream, fail softly and resume.</summary>
public sealed class CompareTests
{
    private static RunOptions Options(string outDir, int replicates = 4) => new("", replicates, Out: outDir, Engine: Engine.InProcess);

    private static IEnumerable<string[]> Deltas(string folder) =>
        File.ReadLines(Path.Combine(folder, "deltas.csv")).Skip(1).Select(l => l.Split(','));

    [Fact]
    public async Task Two_identical_scenarios_differ_by_exactly_zero()
    {
        var a = TestWorld.ShortScenario("same-a", end: "2012-12");
        var b = TestWorld.ShortScenario("same-b", end: "2012-12");
        var folder = await ComparePipeline.RunAsync([a, b], Options(Path.Combine(TestWorld.TempDir("same"), "out")));
        var rows = Deltas(folder).ToArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(["0", "0", "0"], r[6..9]));
        Assert.True(File.Exists(Path.Combine(folder, "same-a", "timeseries.parquet")));
        Assert.True(File.Exists(Path.Combine(folder, "same-b", "report.html")));
        Assert.True(File.Exists(Path.Combine(folder, "diff_countries_adopted_any.svg")));
    }

    [Fact]
    public async Task A_world_wide_ban_on_chinese_vendors_shows_a_significant_drop_in_their_reach()
    {
        var open = TestWorld.ShortScenario("open", end: "2016-12");
        var banned = TestWorld.ShortScenario("banned", end: "2016-12", extra: """
            , "policies": [ { "id": "no-chinese-vendors", "type": "importBan", "from": "2012-01",
                "targets": { "countries": ["EAS", "ECS", "LCN", "MEA", "NAC", "SAS", "SSF"], "vendors": ["CHN"] } } ]
            """);
        var folder = await ComparePipeline.RunAsync([open, banned], Options(Path.Combine(TestWorld.TempDir("ban"), "out"), 8));
        var chinese = Deltas(folder).Single(r => r[2] == "2016-12" && r[3] == "world" && r[4] == "countries_with_vendor_origin" && r[5] == "CHN");
        var high = double.Parse(chinese[8], CultureInfo.InvariantCulture);
        Assert.True(high < 0, $"95 % interval of the difference should lie below zero: {string.Join(",", chinese)}");
        var before = Deltas(folder).Single(r => r[2] == "2011-12" && r[3] == "world" && r[4] == "countries_with_vendor_origin" && r[5] == "CHN");
        Assert.Equal("0", before[6]); // common random numbers: no difference before the ban starts
        Assert.Contains("class=\"significant\"", File.ReadAllText(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public async Task A_ban_aimed_at_a_scenario_group_shows_in_that_groups_delta_and_leads_its_report()
    {
        const string eastAfrica = "\"EAST_AFRICA\": [\"KEN\", \"UGA\", \"TZA\", \"ETH\", \"RWA\", \"BDI\", \"SSD\", \"SOM\", \"DJI\", \"ERI\", \"MOZ\", \"MWI\", \"ZMB\", \"ZWE\", \"MDG\"]";
        var open = TestWorld.ShortScenario("ea-open", end: "2016-12");
        var banned = TestWorld.ShortScenario("ea-banned", end: "2016-12", extra: $$"""
            , "groups": { {{eastAfrica}} }, "report": { "groups": ["EAST_AFRICA"] },
              "policies": [ { "id": "ea-no-chinese-vendors", "type": "importBan", "from": "2009-01",
                "targets": { "countries": ["EAST_AFRICA"], "vendors": ["CHN"] } } ]
            """);
        var folder = await ComparePipeline.RunAsync([open, banned], Options(Path.Combine(TestWorld.TempDir("ea"), "out"), 8));
        var group = Deltas(folder).Single(r => r[2] == "2016-12" && r[3] == "EAST_AFRICA" && r[4] == "countries_with_vendor_origin" && r[5] == "CHN");
        Assert.True(double.Parse(group[8], CultureInfo.InvariantCulture) < 0, $"the group's interval should lie below zero: {string.Join(",", group)}");
        // Outside the group the ban changes little: in Latin America the difference is smaller than in East Africa.
        var latin = Deltas(folder).Single(r => r[2] == "2016-12" && r[3] == "LCN" && r[4] == "countries_with_vendor_origin" && r[5] == "CHN");
        Assert.True(Math.Abs(double.Parse(latin[6], CultureInfo.InvariantCulture)) < Math.Abs(double.Parse(group[6], CultureInfo.InvariantCulture)));
        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        var byGroup = report[report.IndexOf("Key outcomes by group", StringComparison.Ordinal)..];
        Assert.True(byGroup.IndexOf("EAST_AFRICA (EAST_AFRICA, 15 countries)", StringComparison.Ordinal) < byGroup.IndexOf("(SSF,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "diff_by_region_countries_with_vendor_origin_CHN.png")));
        Assert.Contains("EAST_AFRICA", File.ReadAllText(Path.Combine(folder, "ea-open", "groups.csv"))); // shared with the baseline run
    }

    [Fact]
    public async Task A_comparison_reaching_2019_shows_which_published_facts_each_scenario_meets()
    {
        // Two scenarios beside a copy of the shipped Carnegie 2019 targets, as the shipped scenarios sit beside theirs.
        var dir = TestWorld.TempDir("compare-facts");
        Directory.CreateDirectory(Path.Combine(dir, "targets"));
        File.Copy(Path.Combine(TestWorld.Scenarios, "targets", "aigs-2019.json"), Path.Combine(dir, "targets", "aigs-2019.json"));
        string Write(string name, string extra)
        {
            var path = Path.Combine(dir, name + ".json");
            File.WriteAllText(path, File.ReadAllText(TestWorld.ShortScenario(name, end: "2019-12", extra: extra)));
            return path;
        }
        var open = Write("facts-open", "");
        var banned = Write("facts-banned", """
            , "policies": [ { "id": "no-chinese-vendors", "type": "importBan", "from": "2009-01",
                "targets": { "countries": ["EAS", "ECS", "LCN", "MEA", "NAC", "SAS", "SSF"], "vendors": ["CHN"] } } ]
            """);
        var folder = await ComparePipeline.RunAsync([open, banned], Options(Path.Combine(dir, "out"), 3));
        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        var status = report[report.IndexOf("<h2>Calibration status</h2>", StringComparison.Ordinal)..];
        Assert.Contains("facts-open: median (5–95 %)", status);
        Assert.Contains("facts-banned: median (5–95 %)", status);
        Assert.Contains("(headline)", status);
        // A world-wide ban on Chinese vendors from 2009 keeps the count of countries with Chinese equipment far below 63.
        var chinese = status[status.IndexOf("Chinese companies (headline)", StringComparison.Ordinal)..];
        var cells = System.Text.RegularExpressions.Regex.Matches(chinese[..chinese.IndexOf("</tr>", StringComparison.Ordinal)], "<td[^>]*>([^<]*)</td>")
            .Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal("63", cells[0]); // observed (a count, no decimal); then each scenario's median (5–95 %) and whether it is met
        double Median(string cell) => double.Parse(cell.Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(Median(cells[3]) < 0.9 * 63 && Median(cells[3]) < Median(cells[1]), string.Join(" | ", cells));
        Assert.Equal("no", cells[4]);
    }

    [Fact]
    public async Task Regions_partition_the_world_so_their_series_add_up_to_the_worlds()
    {
        var plan = TestWorld.Plan(TestWorld.ShortScenario("regions", end: "2014-12"), replicates: 3);
        var result = (await new Simulation.Model.Engine.TickDriver(new Simulation.Model.Engine.InProcessRuntime()).RunAsync(plan));
        var groups = result.Groups;
        var regions = groups.Groups.Select((g, i) => (g, i)).Where(x => x.g.Kind == "region").Select(x => x.i).ToArray();
        Assert.Equal(7, regions.Length);
        Assert.Equal(196, regions.Sum(g => groups.Groups[g].Members));
        foreach (var (metric, group) in new[] { ("countries_adopted", "any"), ("countries_with_vendor_origin", "CHN"), ("population_covered", "any") })
            for (var y = 0; y < result.YearEnds.Count; y++)
                for (var r = 0; r < 3; r++)
                {
                    var world = result.Value(r, result.YearEnds[y], result.Series.Get(metric, group).Index);
                    var sum = regions.Sum(g => groups.Value(r, y, g, groups.SeriesIndex(metric, group)));
                    Assert.True(Math.Abs(world - sum) <= 1e-9 * Math.Max(1, Math.Abs(world)), $"{metric}/{group}: world {world}, regions {sum}");
                }
        Assert.True(result.Value(0, result.YearEnds[^1], result.Series.Get("countries_adopted", "any").Index) > 0);
    }

    [Fact]
    public async Task Compared_scenarios_must_share_their_dates()
    {
        var a = TestWorld.ShortScenario("dates-a", end: "2012-12");
        var b = TestWorld.ShortScenario("dates-b", end: "2013-12");
        var e = await Assert.ThrowsAsync<ArgumentException>(() => ComparePipeline.RunAsync([a, b], Options(Path.Combine(TestWorld.TempDir("dates"), "out"))));
        Assert.Contains("same dates", e.Message);
    }

    /// <summary>A short scenario swept once over one --set to the end: what the resume cases then cut or edit.</summary>
    private static async Task<(string Scenario, string OutDir, string Set, string Folder)> FinishedSweep(string name, string end, string tick, string set)
    {
        var scenario = TestWorld.ShortScenario(name, end: end, tick: tick);
        var outDir = Path.Combine(TestWorld.TempDir(name), "out");
        return (scenario, outDir, set, await Sweep(scenario, outDir, set));
    }

    private static Task<string> Sweep(string scenario, string outDir, params string[] sets) =>
        SweepPipeline.RunAsync(scenario, sets.Select(SweepParameter.Parse).ToArray(), null, Options(outDir, 2));

    [Fact]
    public async Task A_sweep_value_that_makes_a_point_invalid_is_refused_before_anything_is_written()
    {
        // It used to run the valid points and mark the others "failed" in a folder it had written, with exit 0.
        var scenario = TestWorld.ShortScenario("sweep-fail", end: "2010-12", tick: "quarter");
        var outDir = Path.Combine(TestWorld.TempDir("sweep-fail"), "out");
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Sweep(scenario, outDir, "parameters.coverage.initialScope=0.3,1.5,0.6"));
        Assert.StartsWith("--set parameters.coverage.initialScope=1.5: $.parameters.coverage.initialScope: must be between 0 and 1", e.Message);
        Assert.DoesNotContain("in a copy of", e.Message); // the value came from the command line, not the file
        Assert.False(Directory.Exists(outDir));
        // A rule between two fields is checked on the points themselves: 2021 alone would break the default 2020 end,
        // but every point here pairs it with 2022.
        var dates = await Assert.ThrowsAsync<ArgumentException>(() => Sweep(scenario, outDir,
            "parameters.choice.securityDebateFrom=2019,2021", "parameters.choice.securityDebateTo=2020,2022"));
        Assert.Contains("securityDebateFrom=2021 parameters.choice.securityDebateTo=2020: $.parameters.choice.securityDebateTo: must not be before securityDebateFrom", dates.Message);
        Assert.DoesNotContain("more of the", dates.Message); // one invalid point of four
        Assert.False(Directory.Exists(outDir));
        var folder = await Sweep(scenario, outDir, "parameters.choice.securityDebateFrom=2021", "parameters.choice.securityDebateTo=2022");
        Assert.Single(File.ReadAllLines(Path.Combine(folder, "points.csv")).Skip(1), l => l.Contains(",ok,"));
    }

    [Fact]
    public async Task A_sweep_point_file_records_the_replicates_used_and_finds_its_world_data_relatively()
    {
        var scenario = TestWorld.ShortScenario("sweep-point", end: "2009-12", tick: "year");
        var folder = await Sweep(scenario, Path.Combine(TestWorld.TempDir("sweep-point"), "out"), "parameters.adoption.innovation=0.01,0.02");
        var point = Path.Combine(folder, "points", "point-0001.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(point))!;
        Assert.Equal(2, json["replicates"]!.GetValue<int>()); // the scenario says 3; the sweep ran 2
        Assert.False(Path.IsPathRooted(json["world"]!["countries"]!.GetValue<string>()));
        Assert.Equal(0.02, Simulation.Scenarios.ScenarioLoader.Load(point).Scenario.Parameters.Adoption.Innovation);
        Assert.True(File.Exists(Path.Combine(folder, "sweep_countries_adopted_any_vs_parameters_adoption_innovation.png")));
        Assert.Contains("What this model cannot tell you", File.ReadAllText(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public async Task Rerunning_a_sweep_resumes_and_skips_finished_points()
    {
        var (scenario, outDir, set, folder) = await FinishedSweep("sweep-resume", "2010-12", "quarter", "parameters.adoption.innovation=0.01,0.02,0.03");
        var complete = File.ReadAllText(Path.Combine(folder, "sweep.csv"));

        // Simulate an interruption after point 1's rows were written but before it was marked done.
        var points = Path.Combine(folder, "points.csv");
        File.WriteAllLines(points, File.ReadAllLines(points).Take(2));
        var finishedBefore = File.GetLastWriteTimeUtc(Path.Combine(folder, "points", "point-0000.json"));

        await Sweep(scenario, outDir, set);
        Assert.Equal(complete, File.ReadAllText(Path.Combine(folder, "sweep.csv")));   // no duplicated or lost rows
        Assert.Equal(finishedBefore, File.GetLastWriteTimeUtc(Path.Combine(folder, "points", "point-0000.json"))); // point 0 not re-run
        Assert.Equal(3, File.ReadAllLines(points).Skip(1).Count(l => l.Contains(",ok,")));
    }

    [Fact]
    public async Task A_sweep_resumes_past_torn_last_lines_of_sweep_csv_and_points_csv()
    {
        var (scenario, outDir, set, folder) = await FinishedSweep("sweep-torn", "2009-12", "year", "parameters.adoption.innovation=0.01,0.02");
        var complete = File.ReadAllText(Path.Combine(folder, "sweep.csv"));

        // Killed while appending point 1: its rows end mid-line and its mark in points.csv is cut short.
        var results = Path.Combine(folder, "sweep.csv");
        var points = Path.Combine(folder, "points.csv");
        var lines = File.ReadAllLines(points);
        File.WriteAllText(points, string.Join("\n", lines.Take(2)) + "\n" + lines[2][..5]);
        File.WriteAllText(results, complete[..(complete.Length - 7)]);

        await Sweep(scenario, outDir, set);
        Assert.Equal(complete, File.ReadAllText(results));
        Assert.Equal(2, File.ReadAllLines(points).Skip(1).Count(l => l.Contains(",ok,")));
        Assert.All(File.ReadAllLines(points).Skip(1), l => Assert.Equal(lines[1].Split(',').Length, l.Split(',').Length));
    }

    [Fact]
    public async Task A_sweep_resumes_past_lines_of_points_csv_that_are_not_marks()
    {
        var (scenario, outDir, set, folder) = await FinishedSweep("sweep-garbage", "2009-12", "year", "parameters.adoption.innovation=0.01,0.02");
        var points = Path.Combine(folder, "points.csv");
        var marks = File.ReadAllLines(points);

        // Edited by hand: a stray word, a point without its status, a point the design does not have.
        File.AppendAllText(points, "garbage\n0,0.01\n7,0.5,ok,1\n");
        await Sweep(scenario, outDir, set); // threw "length ('-1') must be a non-negative value" writing the report
        Assert.Equal(marks, File.ReadAllLines(points));
        Assert.Contains("0.02", File.ReadAllText(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public async Task A_different_sweep_in_the_same_folder_needs_force()
    {
        var scenario = TestWorld.ShortScenario("sweep-other", end: "2009-12", tick: "year");
        var outDir = Path.Combine(TestWorld.TempDir("sweep-other"), "out");
        await Sweep(scenario, outDir, "parameters.adoption.innovation=0.01,0.02");
        await Assert.ThrowsAsync<Simulation.Runner.Results.OutputExistsException>(() => Sweep(scenario, outDir, "parameters.adoption.imitation=0.1,0.2"));
    }

    [Fact]
    public void Latin_hypercube_uses_each_stratum_once_per_parameter_and_is_reproducible()
    {
        SweepParameter[] ps = [SweepParameter.Parse("a.x=0,1"), SweepParameter.Parse("$.b.y=10,20")];
        var d = SweepDesign.LatinHypercube(ps, 8, 42);
        for (var j = 0; j < 2; j++)
        {
            var (lo, hi) = (ps[j].Values.Min(), ps[j].Values.Max());
            var strata = d.Points.Select(p => (int)((p[j] - lo) / (hi - lo) * 8)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, 8), strata);
        }
        Assert.Equal(d.Points, SweepDesign.LatinHypercube(ps, 8, 42).Points);
        Assert.Equal(4, SweepDesign.Grid(ps).Points.Count);
    }

    [Fact]
    public async Task A_sweep_may_leave_the_bounds_of_the_fit_its_scenario_declares_and_each_point_runs_alone()
    {
        // The fit's bounds are for calibrate: a sweep point outside them was refused ("the current value ... is outside"),
        // and the point files repeated the list, so they could not be run alone.
        var scenario = TestWorld.ShortScenario("sweep-outside-fit", end: "2009-12", tick: "year",
            extra: """, "calibration": [ { "path": "$.parameters.adoption.innovation", "min": 0.001, "max": 0.01 } ]""");
        var folder = await Sweep(scenario, Path.Combine(TestWorld.TempDir("sweep-outside-fit"), "out"), "parameters.adoption.innovation=0.0002,0.002");
        Assert.Equal(2, File.ReadAllLines(Path.Combine(folder, "points.csv")).Skip(1).Count(l => l.Contains(",ok,")));
        var point = ScenarioLoader.Load(Path.Combine(folder, "points", "point-0000.json"));
        Assert.Equal(0.0002, point.Scenario.Parameters.Adoption.Innovation);
        Assert.Empty(point.Scenario.Calibration);
    }

    [Fact]
    public void Latin_hypercube_samples_a_whole_number_field_at_whole_numbers_and_the_sweep_runs()
    {
        var scenario = ScenarioLoader.Load(TestWorld.ShortScenario("sweep-months", end: "2009-12", tick: "year"));
        SweepParameter[] ps = [SweepParameter.Parse("parameters.adoption.tenderPatienceMonths=6,36"), SweepParameter.Parse("parameters.adoption.innovation=0.002,0.01")];
        var resolved = scenario.Editable(ps.Select(p => p.Path));
        var d = SweepDesign.LatinHypercube(ps, 6, 7, path => ScenarioPaths.IsWholeNumber(resolved, path));
        Assert.All(d.Points, p => Assert.Equal(Math.Round(p[0]), p[0]));
        Assert.Contains(d.Points, p => p[1] != Math.Round(p[1], 3)); // the continuous one is not rounded
        Assert.All(Enumerable.Range(0, d.Points.Count), i => scenario.With(d.Values(i))); // every point is a valid scenario
    }
}
