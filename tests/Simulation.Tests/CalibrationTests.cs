using Simulation.Model.Scenarios;
using Simulation.Runner.Calibration;

namespace Simulation.Tests;

/// <summary>The shipped parameters reproduce what the Carnegie AI Global Surveillance Index observed in September 2019.</summary>
public sealed class CalibrationTests
{
    private static readonly string Targets = Path.Combine(TestWorld.Scenarios, "targets", "aigs-2019.json");

    /// <summary>
    /// Headline counts the shipped fit meets (docs/model.md §6.1). Huawei and US vendors are still outside ±10 %
    /// (issue 6 stays open for them); every headline target stays inside its 5–95 % band.
    /// </summary>
    private static readonly string[] Met = ["countries_any", "safe_city", "facial_recognition", "smart_policing", "chinese_vendors"];

    [Fact]
    public void Shipped_parameters_keep_the_met_headline_targets_within_ten_percent_and_every_headline_inside_its_band()
    {
        var hindcast = ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "hindcast-2019.json"));
        var fits = new Calibrator(hindcast, TargetFile.Load(Targets), replicates: 40, hindcast.Scenario.Seed).Evaluate();
        string Describe(TargetFit f) => $"{f.Target.Id}: observed {f.Observed}, median {f.P50} ({f.RelativeError:P0}), band {f.P05}–{f.P95}";
        var misses = fits.Where(f => Met.Contains(f.Target.Id) && !f.WithinTenPercent).Select(Describe).ToArray();
        Assert.True(misses.Length == 0, "calibrated targets no longer met:\n" + string.Join("\n", misses));
        var outside = fits.Where(f => f.Target.Headline && !f.InsideBand).Select(Describe).ToArray();
        Assert.True(outside.Length == 0, "observed value outside the ensemble's 5–95 % band:\n" + string.Join("\n", outside));
        Assert.True(fits.Count(f => f.Target.Headline) >= 7);
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
    }
}
