using Simulation.Model.Scenarios;
using Simulation.Runner.Calibration;

namespace Simulation.Tests;

/// <summary>The shipped parameters reproduce what the Carnegie AI Global Surveillance Index observed in September 2019.</summary>
public sealed class CalibrationTests
{
    private static readonly string Targets = Path.Combine(TestWorld.Scenarios, "targets", "aigs-2019.json");

    [Fact]
    public void Shipped_parameters_keep_every_headline_count_within_ten_percent_and_inside_its_band()
    {
        // The replicates and seed of the shipped fit (docs/model.md §6.1, docs/calibration-2019.csv).
        var hindcast = ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "hindcast-2019.json"));
        var fits = new Calibrator(hindcast, TargetFile.Load(Targets), replicates: 100, hindcast.Scenario.Seed).Evaluate();
        string Describe(TargetFit f) => $"{f.Target.Id}: observed {f.Observed}, median {f.P50} ({f.RelativeError:P0}), band {f.P05}–{f.P95}";
        var headline = fits.Where(f => f.Target.Headline).ToArray();
        Assert.Equal(7, headline.Length);
        var misses = headline.Where(f => !f.WithinTenPercent).Select(Describe).ToArray();
        Assert.True(misses.Length == 0, "headline counts no longer within ±10 %:\n" + string.Join("\n", misses));
        var outside = headline.Where(f => !f.InsideBand).Select(Describe).ToArray();
        Assert.True(outside.Length == 0, "observed value outside the ensemble's 5–95 % band:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void Calibrate_writes_the_table_the_plot_and_a_fragment_a_scenario_can_extend()
    {
        var dir = TestWorld.TempDir("calibrate");
        var hindcast = Path.Combine(TestWorld.Scenarios, "hindcast-2019.json");
        var folder = CalibratePipeline.Run(hindcast, Targets, replicates: 4, budget: 3, seed: null, Path.Combine(dir, "out"), force: false);

        var csv = File.ReadAllLines(Path.Combine(folder, "calibration.csv"));
        Assert.Equal("target,observed,model_p05,model_p50,model_p95,rel_error", csv[0]);
        Assert.Equal(TargetFile.Load(Targets).Targets.Select(t => t.Id), csv.Skip(1).Select(l => l.Split(',')[0]));
        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<svg", report);
        Assert.Contains("Observed vs model", File.ReadAllText(Path.Combine(folder, "calibration.svg")));
        Assert.True(new FileInfo(Path.Combine(folder, "calibration.png")).Length > 10_000);

        // The fragment is a scenario file: a scenario extending it loads and gets the fitted values.
        File.Copy(Path.Combine(folder, "fitted-parameters.json"), Path.Combine(dir, "fitted.json"));
        File.WriteAllText(Path.Combine(dir, "uses-fit.json"), $$"""
            { "extends": "fitted.json", "name": "uses-fit", "end": "2010-12",
              "world": { "countries": "{{TestWorld.CountriesCsv.Replace("\\", "/")}}", "vendors": "{{TestWorld.VendorsJson.Replace("\\", "/")}}" } }
            """);
        var fitted = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "fitted.json")))!;
        var loaded = ScenarioLoader.Load(Path.Combine(dir, "uses-fit.json"));
        Assert.Equal(fitted["parameters"]!["adoption"]!["innovation"]!.GetValue<double>(), loaded.Scenario.Parameters.Adoption.Innovation);
        Assert.Equal(fitted["vendors"]!["huawei"]!["capacityPerYear"]!.GetValue<double>(), loaded.Scenario.Vendors["huawei"].CapacityPerYear);
    }

    [Fact]
    public void The_targets_file_names_its_source_and_real_series()
    {
        var targets = TargetFile.Load(Targets);
        Assert.Contains("Feldstein", targets.Source);
        Assert.Equal("2019-09", targets.Date);
        Assert.Contains(targets.Targets, t => t is { Id: "countries_any", Observed: 75, Headline: true });
        Assert.Contains(targets.Targets, t => t is { Id: "huawei", Observed: 50 });
        Assert.Equal(4, targets.Targets.Count(t => t.Per != null));
    }

    [Fact]
    public void The_fitted_fragment_writes_whole_lists_so_extends_keeps_the_other_entries()
    {
        var hindcast = ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "hindcast-2019.json"));
        var free = hindcast.Scenario.Calibration;
        var result = new CalibrationResult(free.Select(f => (f, (f.Min + f.Max) / 2)).ToArray(), 0, [], 0, []);
        var fragment = System.Text.Json.Nodes.JsonNode.Parse(CalibratePipeline.Fragment(hindcast, TargetFile.Load(Targets), result))!;
        var offsets = fragment["parameters"]!["adoption"]!["capabilityOffset"]!.AsArray();
        Assert.Equal(3, offsets.Count);
        Assert.Equal(hindcast.Scenario.Parameters.Adoption.CapabilityOffset[0], offsets[0]!.GetValue<double>());
        Assert.Equal(0.0, offsets[1]!.GetValue<double>()); // midpoint of [-1.5, 1.5]
        Assert.Equal(24, fragment["vendors"]!["huawei"]!["capacityPerYear"]!.GetValue<double>()); // midpoint of [8, 40]
    }

    [Fact]
    public void The_loss_follows_the_median_smoothly_where_the_sample_median_of_counts_jumps()
    {
        Assert.Equal(2.0, Calibrator.HarrellDavisMedian([1, 2, 3]), 12);
        double[] Counts(double top) => [10, 11, 12, 13, top];
        var medians = new[] { 14.0, 15, 16, 17 }.Select(top => Calibrator.HarrellDavisMedian(Counts(top))).ToArray();
        Assert.All(medians.Zip(medians.Skip(1)), p => Assert.True(p.Second > p.First)); // the sample median stays 12
        Assert.InRange(medians[0], 11.5, 12.5);
    }
}
