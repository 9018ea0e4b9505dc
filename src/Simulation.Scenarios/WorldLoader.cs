using System.Globalization;
using Simulation.Model.World;

namespace Simulation.Scenarios;

/// <summary>Reads countries.csv (+ gaps.csv) and vendors.json into a <see cref="WorldData"/>, filling documented gaps.</summary>
public static class WorldLoader
{
    /// <summary>Loads and checks the world files; every problem of every file is in the <see cref="WorldDataException"/>.</summary>
    public static WorldData Load(string countriesCsv, string vendorsJson)
    {
        var gapsCsv = Path.Combine(Path.GetDirectoryName(countriesCsv) ?? ".", "gaps.csv");
        var covariatesCsv = Path.Combine(Path.GetDirectoryName(countriesCsv) ?? ".", "covariates.csv");
        var problems = new List<ScenarioProblem>();
        var countries = LoadCountries(countriesCsv, File.Exists(gapsCsv) ? gapsCsv : null, problems);
        var homes = countries?.Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);
        var vendors = VendorFileReader.Read(vendorsJson, homes, problems);
        var covariates = File.Exists(covariatesCsv) ? CsvTable.Read(covariatesCsv, problems) : null;
        if (covariates != null && countries != null)
            WorldChecks.CheckCovariates(covariates, countries.Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal), problems);
        if (problems.Count > 0 || countries == null || vendors == null) throw new WorldDataException(problems);
        countries = CovariateDerivation.Attach(countries, covariates is null ? new Dictionary<string, CovariateRow>() : CovariateRows(covariates));
        return new WorldData(countries, vendors.Value.Item1, vendors.Value.Item2);
    }

    /// <summary>The checked covariates table's rows by ISO3 (every country in it is one of the countries file's).</summary>
    private static Dictionary<string, CovariateRow> CovariateRows(CsvTable table)
    {
        var rows = new Dictionary<string, CovariateRow>(StringComparer.Ordinal);
        foreach (var r in table.Rows)
            rows[table.Get(r, "iso3")] = new CovariateRow(table.GetDouble(r, "milex_usd"), table.GetDouble(r, "milex_rank"), table.GetDouble(r, "gdp_usd"),
                table.GetDouble(r, "cities_300k"), table.GetDouble(r, "homicide_rate"), table.GetDouble(r, "unga_ideal_point"),
                table.GetDouble(r, "cn_finance_2000_2017_usd2021"));
        return rows;
    }

    public static IReadOnlyList<CountryProfile> LoadCountries(string path, string? gapsPath)
    {
        var problems = new List<ScenarioProblem>();
        return LoadCountries(path, gapsPath, problems) is { } countries && problems.Count == 0 ? countries : throw new WorldDataException(problems);
    }

    /// <summary>
    /// Gap rules (docs/model.md, "World data"): explicit values from gaps.csv first; a missing regime is taken from the
    /// Freedom House 2019 status (Free → electoral democracy, Partly Free → electoral autocracy, Not Free → closed
    /// autocracy); a GDP per capita still missing is the median of the country's income group.
    /// </summary>
    private static IReadOnlyList<CountryProfile>? LoadCountries(string path, string? gapsPath, List<ScenarioProblem> problems)
    {
        // Every value is checked first (WorldChecks), so the gap rules below only ever see valid data.
        if (CsvTable.Read(path, problems) is not { } table) return null;
        var ok = WorldChecks.CheckCountries(table, problems);
        var gapTable = gapsPath == null ? null : CsvTable.Read(gapsPath, problems);
        if (gapTable != null) ok &= WorldChecks.CheckGaps(gapTable, table, problems);
        if (!ok || gapsPath != null && gapTable == null) return null;
        var rows = table.Rows.Select(r => new Row(table.Get(r, "iso3"), r)).ToArray();
        var population = rows.ToDictionary(r => r.Iso3, r => table.GetDouble(r.Fields, "population"));
        var gdp = rows.ToDictionary(r => r.Iso3, r => table.GetDouble(r.Fields, "gdp_per_capita_usd"));
        var regime = rows.ToDictionary(r => r.Iso3, r => (int?)table.GetDouble(r.Fields, "regime"));
        var imputed = rows.ToDictionary(r => r.Iso3, _ => new List<string>());

        if (gapsPath != null)
        {
            var gaps = gapTable!;
            foreach (var g in gaps.Rows)
            {
                var iso3 = gaps.Get(g, "iso3");
                var field = gaps.Get(g, "field");
                if (!imputed.ContainsKey(iso3)) throw new InvalidDataException($"{gapsPath}: unknown country '{iso3}'");
                var target = field switch
                {
                    "population" => population,
                    "gdp_per_capita_usd" => gdp,
                    _ => throw new InvalidDataException($"{gapsPath}: field '{field}' cannot be filled"),
                };
                target[iso3] = gaps.GetDouble(g, "value");
                imputed[iso3].Add($"{field} from gaps.csv");
            }
        }
        foreach (var r in rows.Where(r => regime[r.Iso3] is null))
        {
            var fh = table.Get(r.Fields, "fh_status_2019");
            regime[r.Iso3] = fh switch
            {
                "Free" => Regime.ElectoralDemocracy,
                "Partly Free" => Regime.ElectoralAutocracy,
                "Not Free" => Regime.ClosedAutocracy,
                _ => throw new InvalidDataException($"{path}: {r.Iso3} has neither a regime nor a Freedom House status"),
            };
            imputed[r.Iso3].Add($"regime from Freedom House status '{fh}'");
        }
        foreach (var group in rows.GroupBy(r => table.Get(r.Fields, "income_group")))
        {
            var median = MathNet.Numerics.Statistics.Statistics.Median(
                group.Where(r => gdp[r.Iso3].HasValue).Select(r => gdp[r.Iso3]!.Value).ToArray());
            foreach (var r in group.Where(r => gdp[r.Iso3] is null))
            {
                if (double.IsNaN(median))
                {
                    problems.Add(new ScenarioProblem(path, table.LineOf(r.Fields), table.ColumnOf("gdp_per_capita_usd"), "gdp_per_capita_usd",
                        $"{r.Iso3} has no GDP per capita and no other '{group.Key}' country has one to take the median of"));
                    continue;
                }
                gdp[r.Iso3] = median;
                imputed[r.Iso3].Add($"gdp_per_capita_usd = median of income group '{group.Key}'");
            }
        }
        foreach (var r in rows.Where(r => population[r.Iso3] is null))
            problems.Add(new ScenarioProblem(path, table.LineOf(r.Fields), table.ColumnOf("population"), "population",
                $"{r.Iso3} has no population; add it here or to gaps.csv with a source"));
        if (problems.Count > 0) return null;

        bool Flag(Row r, string column) => table.Get(r.Fields, column) == "1";
        return rows.Select(r => new CountryProfile(r.Iso3, table.Get(r.Fields, "name"), table.Get(r.Fields, "region"),
            table.Get(r.Fields, "income_group"), population[r.Iso3]!.Value, gdp[r.Iso3]!.Value, regime[r.Iso3]!.Value,
            Flag(r, "eu_member"), Flag(r, "nato_member"), Flag(r, "bri_member"),
            table.GetDouble(r.Fields, "lat") ?? 0, table.GetDouble(r.Fields, "lon") ?? 0, imputed[r.Iso3])
            { FreedomHouse = table.Get(r.Fields, "fh_status_2019"), Subregion = table.Get(r.Fields, "subregion") }).ToArray();
    }

    private sealed record Row(string Iso3, string[] Fields);

    public static (IReadOnlyList<VendorProfile>, IReadOnlyList<HomeMarket>) LoadVendors(string path)
    {
        var problems = new List<ScenarioProblem>();
        return VendorFileReader.Read(path, null, problems) is { } vendors ? vendors : throw new WorldDataException(problems);
    }
}
