using System.Text.Json;
using Simulation.Runner.Engines;
using Simulation.Runner.Pipeline;

namespace Simulation.Tests;

/// <summary>The files other tools read: names, headers and basic sanity of their contents.</summary>
public sealed class OutputContractTests
{
    private static readonly Lazy<Task<string>> Folder = new(() => RunPipeline.RunAsync(new RunOptions(
        TestWorld.ShortScenario("contract", end: "2012-12"), 3, null, Path.Combine(TestWorld.TempDir("contract"), "out"), Engine.InProcess)));

    private static async Task<string[]> Lines(string file) => await File.ReadAllLinesAsync(Path.Combine(await Folder.Value, file));

    [Theory]
    [InlineData("timeseries.csv", "scenario,replicate,seed,date,metric,group,value")]
    [InlineData("summary.csv", "scenario,date,metric,group,mean,p05,p50,p95,replicates")]
    [InlineData("countries.csv", "scenario,year,iso3,indicator,probability")]
    [InlineData("contracts.csv", "replicate,id,signed,country,vendor,capability,value_usd,duration_months,financed,data_access,status")]
    public async Task Csv_files_have_the_contract_headers(string file, string header)
    {
        var lines = await Lines(file);
        Assert.Equal(header, lines[0]);
        Assert.True(lines.Length > 1, $"{file} has no rows");
    }

    [Fact]
    public async Task Timeseries_has_one_row_per_tick_replicate_and_series()
    {
        var lines = await Lines("timeseries.csv");
        var seriesPerTick = lines.Skip(1).Where(l => l.StartsWith("contract,0,7,2008-01,", StringComparison.Ordinal)).Count();
        Assert.Equal(1 + 3 * 60 * seriesPerTick, lines.Length); // 3 replicates × 60 months
        var metrics = lines.Skip(1).Select(l => l.Split(',')[4]).ToHashSet();
        foreach (var m in new[] { "countries_adopted", "countries_with_vendor_origin", "countries_with_vendor", "contracts_signed",
                     "contract_value_usd", "population_covered", "installed_share_origin", "foreign_data_access_share",
                     "vendor_quality", "vendor_capacity" })
            Assert.Contains(m, metrics);
        var groups = lines.Skip(1).Where(l => l.Split(',')[4] == "countries_adopted").Select(l => l.Split(',')[5]).ToHashSet();
        Assert.Equal(["any", "facial_recognition", "regime:0", "regime:1", "regime:2", "regime:3", "safe_city", "smart_policing"], groups.Order());
        Assert.Contains(lines, l => l.Contains(",countries_with_vendor_origin,CHN,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",countries_with_vendor,huawei,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Countries_probabilities_are_shares_of_replicates_at_each_december()
    {
        var rows = (await Lines("countries.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(["2008", "2009", "2010", "2011", "2012"], rows.Select(r => r[1]).Distinct());
        Assert.Equal(196, rows.Select(r => r[2]).Distinct().Count());
        Assert.All(rows, r => Assert.Contains(double.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture), new[] { 0, 1 / 3.0, 2 / 3.0, 1 }));
        Assert.Contains(rows, r => r[3] == "vendor_origin:CHN");
        Assert.Contains(rows, r => r[3] == "adopted_facial_recognition");
    }

    [Fact]
    public async Task Contracts_name_real_countries_and_vendors()
    {
        var rows = (await Lines("contracts.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(rows, r => Assert.True(TestWorld.World.CountryIndex.ContainsKey(r[3]), r[3]));
        Assert.All(rows, r => Assert.True(TestWorld.World.VendorIndex.ContainsKey(r[4]), r[4]));
        Assert.All(rows, r => Assert.Contains(r[10], new[] { "active", "renewed", "replaced", "expired", "terminated" }));
        Assert.All(rows, r => Assert.True(double.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public async Task Plots_manifest_and_resolved_scenario_are_written()
    {
        var folder = await Folder.Value;
        foreach (var plot in new[] { "adoption", "adoption_by_regime", "market_share", "vendor_reach" })
        {
            Assert.True(new FileInfo(Path.Combine(folder, plot + ".png")).Length > 10_000, plot + ".png");
            Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(folder, plot + ".svg")));
        }
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")));
        Assert.Equal("contract", manifest.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(3, manifest.RootElement.GetProperty("replicates").GetInt32());
        Assert.Equal("inprocess", manifest.RootElement.GetProperty("engine").GetString());
        Assert.Equal(7UL, manifest.RootElement.GetProperty("seed").GetUInt64());
        Assert.True(File.Exists(Path.Combine(folder, "scenario.resolved.json")));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(folder)!, ".*partial*"));
    }
}
