using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Scenarios;

/// <summary>scenarios/world/vendors.json as written: the vendors and the home states' domestic build-out.</summary>
public sealed record VendorFile(List<VendorEntry> Vendors, string? Description = null, List<HomeMarketEntry>? HomeMarkets = null);

/// <summary>
/// One vendor as written in vendors.json. The ranges are those of a scenario's vendor override
/// (<see cref="VendorOverride"/>), declared with the same bounds.
/// </summary>
public sealed record VendorEntry(
    [property: Identifier] string Id,
    string Name,
    string Home,
    string Entry,
    [property: OneOf("capability", "safe_city", "facial_recognition", "smart_policing")] List<string> Capabilities,
    [property: Range(0.0, 1.0), OneOf("capability", "safe_city", "facial_recognition", "smart_policing")] Dictionary<string, double> Quality,
    [property: Range(0.0, VendorRanges.MaxPrice, MinimumIsExclusive = true)] double Price,
    [property: Range(0.0, VendorRanges.MaxCapacity, MinimumIsExclusive = true)] double CapacityPerYear,
    [property: Range(0.0, 1.0)] double UsComponentDependence,
    bool HomeCompelsDataAccess,
    Dictionary<string, string> Sources,
    bool Fringe = false,
    [property: Range(0.0, 1.0)] double DataExposure = 1.0,
    bool PlatformModules = false);

/// <summary>A home state's domestic build-out, coverage units per year, by year ("2015": 4.0).</summary>
public sealed record HomeMarketEntry(string Home, [property: Range(0.0, 1000.0)] Dictionary<string, double> UnitsPerYear,
    string? Description = null, string? Source = null);

/// <summary>Reads vendors.json like a scenario: every problem at once, each with file, line, column and JSON path.</summary>
public static class VendorFileReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 };

    /// <summary>The vendors and home markets, or null with the problems added; <paramref name="countries"/> are the valid home states.</summary>
    public static (IReadOnlyList<VendorProfile>, IReadOnlyList<HomeMarket>)? Read(string path, IReadOnlySet<string>? countries, List<ScenarioProblem> problems)
    {
        var before = problems.Count;
        void Problem(string at, string message, (int Line, int Column) where) => problems.Add(new(path, where.Line, where.Column, at, message));
        if (InputFile.TryRead(path, InputFile.MaxDataBytes, out var why) is not { } bytes) { Problem("$", why, (1, 1)); return null; }
        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            Problem("$", "the file is empty; it needs a JSON object", (1, 1));
            return null;
        }
        if (InputFile.FirstUndecodable(utf8) is { } bad)
        {
            Problem("$", bad.Message, (bad.Line, bad.Column));
            return null;
        }
        JsonDocument document;
        try { document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions); }
        catch (JsonException e)
        {
            Problem("$", JsonSyntax.Describe(e),
                ((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1));
            return null;
        }
        using (document)
        {
            var map = new JsonLineMap(utf8);
            void Report(string at, string message, (int Line, int Column)? where = null) => Problem(at, message, where ?? map.Find(at));
            ScenarioShape.Check(document.RootElement, typeof(VendorFile), "$", map, Report);
            if (problems.Count > before) return null;
            ScenarioShape.CheckRequired(document.RootElement, typeof(VendorFile), "$", Report);
            if (problems.Count > before) return null;
            var file = document.RootElement.Deserialize<VendorFile>(InputJson.Options)!;
            DeclaredRules.Check(file, "$", Report);
            var vendors = new List<VendorProfile>();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < file.Vendors.Count; i++)
            {
                var d = file.Vendors[i];
                var at = $"$.vendors[{i}]";
                if (!firstLine.TryAdd(d.Id, map.Find($"{at}.id").Line))
                    Report($"{at}.id", $"vendor id '{d.Id}' appears twice (first on line {firstLine[d.Id]})");
                if (countries != null && !countries.Contains(d.Home))
                    Report($"{at}.home", $"'{d.Home}' is not a country of the countries file{Suggest.DidYouMean(d.Home, countries)}");
                if (!YearMonth.TryParse(d.Entry, out var entry)) Report($"{at}.entry", $"'{d.Entry}' is not a date of the form YYYY-MM, e.g. \"2009-01\"");
                foreach (var c in d.Capabilities.Where(c => !d.Quality.ContainsKey(c)))
                    Report($"{at}.quality", $"missing a quality for {c}, which the vendor offers");
                if (d.PlatformModules && !d.Capabilities.Contains(Capability.SafeCity.Id()))
                    Report($"{at}.platformModules", "a vendor selling modules of its safe-city platform must offer safe_city");
                foreach (var c in d.Quality.Keys.Where(c => !d.Capabilities.Contains(c)))
                    Report(JsonLineMap.Child($"{at}.quality", c), $"a quality for {c}, which is not among the vendor's capabilities");
                if (d.Capabilities.Count == 0) Report($"{at}.capabilities", "a vendor must offer at least one capability");
                if (problems.Count > before) continue;
                var caps = d.Capabilities.Select(c => { Capabilities.TryParse(c, out var k); return k; }).Distinct().ToArray();
                vendors.Add(new VendorProfile(d.Id, d.Name, d.Home, entry, caps,
                    caps.ToDictionary(c => c, c => d.Quality[c.Id()]), d.Price, d.CapacityPerYear, d.UsComponentDependence, d.HomeCompelsDataAccess, d.Fringe, d.DataExposure, d.PlatformModules));
            }
            var homes = new List<HomeMarket>();
            for (var i = 0; i < (file.HomeMarkets?.Count ?? 0); i++)
            {
                var h = file.HomeMarkets![i];
                var at = $"$.homeMarkets[{i}]";
                if (countries != null && !countries.Contains(h.Home)) Report($"{at}.home", $"'{h.Home}' is not a country of the countries file");
                var points = new List<MarketPoint>();
                foreach (var (year, units) in h.UnitsPerYear)
                    if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200) points.Add(new MarketPoint(y, units));
                    else Report(JsonLineMap.Child($"{at}.unitsPerYear", year), $"'{year}' is not a year (1900..2200), e.g. \"2015\": 4.0");
                homes.Add(new HomeMarket(h.Home, [.. points.OrderBy(p => p.Year)]));
            }
            return problems.Count > before ? null : (vendors, homes);
        }
    }
}
