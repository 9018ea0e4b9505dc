using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulation.Scenarios;

/// <summary>World data that cannot be used: every problem found, each with file, line, column and column name (or JSON path).</summary>
public sealed class WorldDataException(IReadOnlyList<ScenarioProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ScenarioProblem> Problems { get; } = problems;
}

/// <summary>
/// The allowed values of every column of countries.csv and gaps.csv, declared once (docs/model.md "World data" lists
/// them). A value outside is reported with its file, line, column and the allowed range, all problems at once.
/// </summary>
public static partial class WorldChecks
{
    /// <summary>One column's rule: what it allows, in words, and the test.</summary>
    public sealed record Column(string Name, string Allowed, Func<string, bool> Accepts, bool Optional = false);

    private static Column Number(string name, double min, double max, bool aboveMin = false, bool optional = false, bool whole = false) =>
        new(name, $"{(whole ? "a whole number" : "a number")} {(aboveMin ? "above" : "from")} {min.ToString(CultureInfo.InvariantCulture)} {(aboveMin ? "and at most" : "to")} {max.ToString(CultureInfo.InvariantCulture)}",
            s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
                 && (aboveMin ? x > min : x >= min) && x <= max && (!whole || x == Math.Floor(x)), optional);

    private static Column OneOf(string name, bool optional, params string[] values) =>
        new(name, "one of " + string.Join(", ", values.Select(v => $"'{v}'")), values.Contains, optional);

    public static readonly IReadOnlyList<string> Regions =
        ["East Asia & Pacific", "Europe & Central Asia", "Latin America & Caribbean", "Middle East & North Africa", "North America", "South Asia", "Sub-Saharan Africa"];
    public static readonly IReadOnlyList<string> IncomeGroups = ["Low", "Lower middle", "Upper middle", "High"];
    public static readonly IReadOnlyList<string> FreedomHouse = ["Free", "Partly Free", "Not Free"];

    /// <summary>Largest population (China, India: 1.4 billion) and GDP per capita (Monaco: about USD 190,000), with room.</summary>
    public const double MaxPopulation = 2e9, MaxGdpPerCapita = 1e6;

    /// <summary>The columns of countries.csv the model reads. Empty population/GDP are filled from gaps.csv or the income group.</summary>
    public static readonly IReadOnlyList<Column> CountryColumns =
    [
        new("iso3", "three capital letters (ISO 3166-1 alpha-3), e.g. KEN", s => Iso3().IsMatch(s)),
        new("name", "a non-empty name", s => s.Trim().Length > 0),
        OneOf("region", false, [.. Regions]),
        OneOf("income_group", false, [.. IncomeGroups]),
        Number("population", 0, MaxPopulation, aboveMin: true, optional: true),
        Number("gdp_per_capita_usd", 0, MaxGdpPerCapita, aboveMin: true, optional: true),
        Number("regime", 0, 3, optional: true, whole: true),
        OneOf("fh_status_2019", true, [.. FreedomHouse]),
        Number("lat", -90, 90, optional: true),
        Number("lon", -180, 180, optional: true),
        OneOf("eu_member", false, "0", "1"),
        OneOf("nato_member", false, "0", "1"),
        OneOf("bri_member", false, "0", "1"),
    ];

    /// <summary>
    /// The columns of covariates.csv the model reads (blank = a real gap, filled by the rules of docs/model.md §2.2).
    /// Bounds leave room above the largest values (USA military spending USD 0.65 tn, GDP USD 20 tn; China's 424 cities).
    /// </summary>
    public static readonly IReadOnlyList<Column> CovariateColumns =
    [
        new("iso3", "three capital letters (ISO 3166-1 alpha-3), e.g. KEN", s => Iso3().IsMatch(s)),
        Number("milex_usd", 0, 5e12, optional: true),
        Number("milex_rank", 0, 1000, optional: true, whole: true),
        Number("gdp_usd", 0, 1e14, aboveMin: true, optional: true),
        Number("cities_300k", 0, 5000, optional: true, whole: true),
        Number("homicide_rate", 0, 500, optional: true),
        Number("unga_ideal_point", -10, 10, optional: true),
        Number("cn_finance_2000_2017_usd2021", 0, 1e13, optional: true),
    ];

    /// <summary>Checks covariates.csv: every column's range, one row per country, only countries of countries.csv.</summary>
    public static bool CheckCovariates(CsvTable table, IReadOnlyCollection<string> countries, List<ScenarioProblem> problems)
    {
        var before = problems.Count;
        var missing = CovariateColumns.Where(c => !table.Has(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new(table.Path, 1, 1, "header", $"missing column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}"));
            return false;
        }
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            foreach (var c in CovariateColumns) Check(table, row, c, problems);
            var iso3 = table.Get(row, "iso3");
            if (Iso3().IsMatch(iso3) && !countries.Contains(iso3))
                Add(table, row, "iso3", problems, $"'{iso3}' is not a country of countries.csv");
            else if (iso3.Length > 0 && !firstLine.TryAdd(iso3, table.LineOf(row)))
                Add(table, row, "iso3", problems, $"'{iso3}' appears twice (first on line {firstLine[iso3]}); each country has one row");
        }
        return problems.Count == before;
    }

    /// <summary>Checks countries.csv row by row; returns false when any problem was found.</summary>
    public static bool CheckCountries(CsvTable table, List<ScenarioProblem> problems)
    {
        var before = problems.Count;
        var missing = CountryColumns.Where(c => !table.Has(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new(table.Path, 1, 1, "header", $"missing column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}"));
            return false;
        }
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            foreach (var c in CountryColumns) Check(table, row, c, problems);
            var iso3 = table.Get(row, "iso3");
            if (iso3.Length > 0 && !firstLine.TryAdd(iso3, table.LineOf(row)))
                Add(table, row, "iso3", problems, $"'{iso3}' appears twice (first on line {firstLine[iso3]}); each country has one row");
            if (table.Get(row, "regime").Length == 0 && table.Get(row, "fh_status_2019").Length == 0)
                Add(table, row, "regime", problems, "empty, and so is fh_status_2019: give a regime 0..3 or a Freedom House status to derive it from");
        }
        if (table.Rows.Count == 0) problems.Add(new(table.Path, 1, 1, "header", "the file has no countries"));
        return problems.Count == before;
    }

    /// <summary>The gap rules (docs/model.md): which fields gaps.csv may fill, each with its column's range.</summary>
    public static bool CheckGaps(CsvTable gaps, CsvTable countries, List<ScenarioProblem> problems)
    {
        var before = problems.Count;
        var missing = new[] { "iso3", "field", "value", "source" }.Where(c => !gaps.Has(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new(gaps.Path, 1, 1, "header", $"missing column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}"));
            return false;
        }
        if (!countries.Has("iso3")) return false; // reported with countries.csv's header
        var known = countries.Rows.Select(r => countries.Get(r, "iso3")).ToHashSet(StringComparer.Ordinal);
        var fillable = CountryColumns.Where(c => c.Name is "population" or "gdp_per_capita_usd").ToDictionary(c => c.Name);
        var seen = new HashSet<(string, string)>();
        foreach (var row in gaps.Rows)
        {
            var iso3 = gaps.Get(row, "iso3");
            var field = gaps.Get(row, "field");
            if (!known.Contains(iso3))
                Add(gaps, row, "iso3", problems, $"unknown country '{iso3}' (not in {Path.GetFileName(countries.Path)}){Suggest.DidYouMean(iso3, known)}");
            if (!fillable.TryGetValue(field, out var rule))
                Add(gaps, row, "field", problems, $"'{field}' cannot be filled; allowed: {string.Join(", ", fillable.Keys)}");
            else
            {
                var value = gaps.Get(row, "value");
                if (!rule.Accepts(value)) Add(gaps, row, "value", problems, $"must be {rule.Allowed} for {field}, not '{Short(value)}'");
                if (!seen.Add((iso3, field))) Add(gaps, row, "field", problems, $"{iso3} {field} is filled twice");
            }
            if (gaps.Get(row, "source").Trim().Length == 0) Add(gaps, row, "source", problems, "every filled value needs a source");
        }
        return problems.Count == before;
    }

    private static void Check(CsvTable table, string[] row, Column c, List<ScenarioProblem> problems)
    {
        var value = table.Get(row, c.Name);
        if (value.Length == 0 && c.Optional) return;
        if (!c.Accepts(value))
            Add(table, row, c.Name, problems, $"must be {c.Allowed}{(c.Optional ? " (or empty)" : "")}, not '{Short(value)}'");
    }

    private static void Add(CsvTable table, string[] row, string column, List<ScenarioProblem> problems, string message) =>
        problems.Add(new ScenarioProblem(table.Path, table.LineOf(row), table.ColumnOf(column), column, message));

    private static string Short(string s) => s.Length <= 40 ? s : s[..37] + "...";

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Iso3();
}
