using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>NaN or Infinity in an output is a bug: writers refuse it loudly, and no shipped scenario produces one.</summary>
public sealed class FiniteOutputTests
{
    [Fact]
    public void A_nan_stops_the_csv_writer_naming_file_line_column_and_series()
    {
        var path = Path.Combine(TestWorld.TempDir("nan"), "summary.csv");
        using var csv = new Csv(path, "scenario,date,metric,group,mean,p05");
        csv.Field("baseline").Field("2008-01").Field("countries_adopted").Field("any").Field(1.0).Field(0.5);
        csv.EndRow();
        csv.Field("baseline").Field("2008-02").Field("vendor_capacity").Field("huawei").Field(2.0);
        var e = Assert.Throws<NonFiniteOutputException>(() => csv.Field(double.NaN));
        Assert.Contains("NaN in summary.csv, line 3, column 'p05'", e.Message);
        Assert.Contains("baseline / 2008-02 / vendor_capacity / huawei", e.Message);
        Assert.Throws<NonFiniteOutputException>(() => csv.Field(double.PositiveInfinity));
    }

    public static IEnumerable<object[]> ShippedScenarios() =>
        Directory.GetFiles(TestWorld.Scenarios, "*.json").Where(f => !f.EndsWith("scenario.schema.json", StringComparison.Ordinal))
            .Select(f => new object[] { Path.GetFileName(f) });

    /// <summary>Two replicates over each scenario's whole horizon; every CSV and Parquet number is checked as it is written.</summary>
    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public async Task A_shipped_scenario_writes_only_finite_numbers(string file)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, file));
        var run = await RunPipeline.ExecuteAsync(loaded, 2, loaded.Scenario.Seed, new RunOptions("", Engine: Engine.InProcess));
        var dir = TestWorld.TempDir("finite-" + loaded.Scenario.Name);
        ResultWriter.WriteTimeseries(Path.Combine(dir, "timeseries.csv"), loaded.Scenario.Name, run.Result);
        ResultWriter.WriteGroups(Path.Combine(dir, "groups.csv"), loaded.Scenario.Name, run.Result);
        ResultWriter.WriteSummary(Path.Combine(dir, "summary.csv"), run.Summary);
        ResultWriter.WriteCountries(Path.Combine(dir, "countries.csv"), loaded.Scenario.Name, run.Result);
        ResultWriter.WriteContracts(Path.Combine(dir, "contracts.csv"), run.Result);
        await ParquetTables.WriteTimeseriesAsync(Path.Combine(dir, "timeseries.parquet"), loaded.Scenario.Name, run.Result);
        await ParquetTables.WriteContractsAsync(Path.Combine(dir, "contracts.parquet"), run.Result);
        Assert.True(new FileInfo(Path.Combine(dir, "timeseries.csv")).Length > 1000);
    }
}
