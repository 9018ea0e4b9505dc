using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Simulation.Model.Time;

namespace Simulation.Model.World;

/// <summary>Reads countries.csv (+ gaps.csv) and vendors.json into a <see cref="WorldData"/>, filling documented gaps.</summary>
public static class WorldLoader
{
    public static WorldData Load(string countriesCsv, string vendorsJson)
    {
        var gapsCsv = Path.Combine(Path.GetDirectoryName(countriesCsv) ?? ".", "gaps.csv");
        var covariatesCsv = Path.Combine(Path.GetDirectoryName(countriesCsv) ?? ".", "covariates.csv");
        var countries = CovariatesLoader.Attach(LoadCountries(countriesCsv, File.Exists(gapsCsv) ? gapsCsv : null),
            File.Exists(covariatesCsv) ? covariatesCsv : null);
        var (vendors, homes) = LoadVendors(vendorsJson);
        var world = new WorldData(countries, vendors, homes);
        foreach (var v in world.Vendors)
            if (!world.CountryIndex.ContainsKey(v.Home))
                throw new InvalidDataException($"{vendorsJson}: vendor '{v.Id}' has home '{v.Home}', which is not a country in {countriesCsv}");
        return world;
    }

    /// <summary>
    /// Gap rules (docs/model.md, "World data"): explicit values from gaps.csv first; a missing regime is taken from the
    /// Freedom House 2019 status (Free → electoral democracy, Partly Free → electoral autocracy, Not Free → closed
    /// autocracy); a GDP per capita still missing is the median of the country's income group.
    /// </summary>
    public static IReadOnlyList<CountryProfile> LoadCountries(string path, string? gapsPath)
    {
        var table = CsvTable.Read(path);
        var rows = table.Rows.Select(r => new Row(table.Get(r, "iso3"), r)).ToArray();
        var population = rows.ToDictionary(r => r.Iso3, r => table.GetDouble(r.Fields, "population"));
        var gdp = rows.ToDictionary(r => r.Iso3, r => table.GetDouble(r.Fields, "gdp_per_capita_usd"));
        var regime = rows.ToDictionary(r => r.Iso3, r => (int?)table.GetDouble(r.Fields, "regime"));
        var imputed = rows.ToDictionary(r => r.Iso3, _ => new List<string>());

        if (gapsPath != null)
        {
            var gaps = CsvTable.Read(gapsPath);
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
                gdp[r.Iso3] = median;
                imputed[r.Iso3].Add($"gdp_per_capita_usd = median of income group '{group.Key}'");
            }
        }
        foreach (var r in rows.Where(r => population[r.Iso3] is null))
            throw new InvalidDataException($"{path}: {r.Iso3} has no population; add it to gaps.csv with a source");

        bool Flag(Row r, string column) => table.Get(r.Fields, column) == "1";
        return rows.Select(r => new CountryProfile(r.Iso3, table.Get(r.Fields, "name"), table.Get(r.Fields, "region"),
            table.Get(r.Fields, "income_group"), population[r.Iso3]!.Value, gdp[r.Iso3]!.Value, regime[r.Iso3]!.Value,
            Flag(r, "eu_member"), Flag(r, "nato_member"), Flag(r, "bri_member"),
            table.GetDouble(r.Fields, "lat") ?? 0, table.GetDouble(r.Fields, "lon") ?? 0, imputed[r.Iso3])
            { FreedomHouse = table.Get(r.Fields, "fh_status_2019"), Subregion = table.Get(r.Fields, "subregion") }).ToArray();
    }

    private sealed record Row(string Iso3, string[] Fields);

    private sealed record VendorFile(List<VendorDto> Vendors, string? Description = null, List<HomeMarketDto>? HomeMarkets = null);

    private sealed record VendorDto(string Id, string Name, string Home, string Entry, List<string> Capabilities,
        Dictionary<string, double> Quality, double Price, double CapacityPerYear, double UsComponentDependence,
        bool HomeCompelsDataAccess, Dictionary<string, string> Sources);

    private sealed record HomeMarketDto(string Home, Dictionary<string, double> UnitsPerYear, string? Description = null, string? Source = null);

    // The scenario reader's settings (camelCase, unknown properties rejected, comments allowed), plus required fields.
    private static readonly JsonSerializerOptions JsonOptions = new(Scenarios.ScenarioLoader.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static (IReadOnlyList<VendorProfile>, IReadOnlyList<HomeMarket>) LoadVendors(string path)
    {
        VendorFile file;
        try
        {
            file = JsonSerializer.Deserialize<VendorFile>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path}: empty vendor file");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{e.LineNumber + 1}: {e.Path}: {e.Message}");
        }

        var vendors = file.Vendors.Select(d =>
        {
            string Where(string field) => $"{path}: vendor '{d.Id}': {field}";
            var caps = d.Capabilities.Select(c => Capabilities.TryParse(c, out var cap) ? cap
                : throw new InvalidDataException($"{Where("capabilities")}: unknown capability '{c}'")).ToArray();
            var quality = d.Quality.ToDictionary(
                kv => Capabilities.TryParse(kv.Key, out var cap) ? cap : throw new InvalidDataException($"{Where("quality")}: unknown capability '{kv.Key}'"),
                kv => kv.Value is >= 0 and <= 1 ? kv.Value : throw new InvalidDataException($"{Where("quality")}: {kv.Key} must be within 0..1"));
            foreach (var c in caps)
                if (!quality.ContainsKey(c)) throw new InvalidDataException($"{Where("quality")}: missing a value for {c.Id()}");
            if (!YearMonth.TryParse(d.Entry, out var entry)) throw new InvalidDataException($"{Where("entry")}: '{d.Entry}' is not YYYY-MM");
            if (d.Price <= 0 || d.CapacityPerYear <= 0 || d.UsComponentDependence is < 0 or > 1)
                throw new InvalidDataException($"{Where("price/capacityPerYear/usComponentDependence")}: out of range");
            return new VendorProfile(d.Id, d.Name, d.Home, entry, caps, quality, d.Price, d.CapacityPerYear,
                d.UsComponentDependence, d.HomeCompelsDataAccess);
        }).ToArray();
        var dup = vendors.GroupBy(v => v.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup != null) throw new InvalidDataException($"{path}: vendor id '{dup.Key}' appears twice");

        var homes = (file.HomeMarkets ?? []).Select(h => new HomeMarket(h.Home,
            h.UnitsPerYear.Select(kv => new MarketPoint(int.Parse(kv.Key, CultureInfo.InvariantCulture), kv.Value)).OrderBy(p => p.Year).ToArray())).ToArray();
        return (vendors, homes);
    }
}
