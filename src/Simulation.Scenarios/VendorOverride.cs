using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Scenarios;

/// <summary>Upper bounds of vendor numbers, shared by vendors.json and a scenario's "vendors" section.</summary>
public static class VendorRanges
{
    /// <summary>Price index: 1 is an average Western integrator; 100 times that is no real vendor.</summary>
    public const double MaxPrice = 100;
    /// <summary>New contracts a year: the largest fitted vendor signs about 23.</summary>
    public const double MaxCapacity = 1000;
}

/// <summary>
/// A scenario's change to one vendor's profile from world/vendors.json ("what if Huawei were 20 % dearer?").
/// Unset fields keep the file's values; calibration can fit these numbers like any parameter.
/// </summary>
public sealed record VendorOverride
{
    [Description("Month of the first international sale, \"YYYY-MM\".")]
    public string? Entry { get; init; }
    [Range(0.0, VendorRanges.MaxPrice, MinimumIsExclusive = true)]
    [Description("Price index (1.0 = an average Western integrator's price for the same scope).")]
    public double? Price { get; init; }
    [Range(0.0, VendorRanges.MaxCapacity, MinimumIsExclusive = true)]
    [Description("New international contracts the vendor can sign per year at entry.")]
    public double? CapacityPerYear { get; init; }
    [Range(0.0, 1.0)]
    [Description("Share (0..1) of key components from US suppliers, lost under a US component embargo.")]
    public double? UsComponentDependence { get; init; }
    [Range(0.0, 1.0)]
    [Description("How much of the buyer's data the product puts within the vendor's reach (0..1): 1 for a platform it operates, less for hardware a local integrator runs.")]
    public double? DataExposure { get; init; }
    [Description("Whether the vendor sells facial recognition and smart policing only with its safe-city platform: a country buying a module without the platform gets the platform in the same deal (false: modules sold alone).")]
    public bool? PlatformModules { get; init; }
    [Range(0.0, 1.0), OneOf("capability", "safe_city", "facial_recognition", "smart_policing")]
    [Description("Quality (0..1) at entry per capability the vendor offers, e.g. \"safe_city\": 0.8.")]
    public Dictionary<string, double>? Quality { get; init; }

    /// <summary>The profile with this override's fields in place of the file's.</summary>
    public VendorProfile Apply(VendorProfile v) => v with
    {
        Entry = Entry is null ? v.Entry : YearMonth.Parse(Entry),
        Price = Price ?? v.Price,
        CapacityPerYear = CapacityPerYear ?? v.CapacityPerYear,
        UsComponentDependence = UsComponentDependence ?? v.UsComponentDependence,
        DataExposure = DataExposure ?? v.DataExposure,
        PlatformModules = PlatformModules ?? v.PlatformModules,
        Quality = Quality is null ? v.Quality
            : v.Quality.ToDictionary(kv => kv.Key, kv => Quality.TryGetValue(kv.Key.Id(), out var q) ? q : kv.Value),
    };

    /// <summary>The world's vendors with the scenario's overrides applied (the world itself is left as loaded).</summary>
    public static IEnumerable<VendorProfile> ApplyAll(IEnumerable<VendorProfile> vendors, IReadOnlyDictionary<string, VendorOverride> overrides) =>
        vendors.Select(v => overrides.TryGetValue(v.Id, out var o) ? o.Apply(v) : v);

    /// <summary>
    /// For JSON paths naming a vendor number the scenario does not write ("$.vendors.hikvision.price"), writes the world
    /// file's value into the resolved scenario, so sweeps and calibration can vary any vendor's numbers.
    /// </summary>
    public static void WriteWorldValues(JsonObject resolved, WorldData world, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (VendorNumber.Parse(path, world) is not { } n) continue;
            var node = (resolved["vendors"] ??= new JsonObject()).AsObject();
            node = (node[n.Vendor] ??= new JsonObject()).AsObject();
            if (n.Capability != null) node = (node["quality"] ??= new JsonObject()).AsObject();
            node.TryAdd(n.Capability ?? n.Field, n.WorldValue);
        }
    }

    /// <summary>Every override must name a vendor of the world, and every value must be in range.</summary>
    public static void Check(Scenario scenario, WorldData world, ProblemReport problem)
    {
        foreach (var (id, o) in scenario.Vendors)
        {
            var at = JsonLineMap.Child("$.vendors", id);
            if (!world.VendorIndex.TryGetValue(id, out var index))
            {
                problem(at, $"unknown vendor '{id}' (not in {scenario.World.Vendors}){Suggest.DidYouMean(id, world.VendorIndex.Keys)}");
                continue;
            }
            var vendor = world.Vendors[index];
            if (o.Entry != null) ScenarioTicks.Date(o.Entry, $"{at}.entry", problem, out _);
            if (o.PlatformModules == true && !vendor.Offers(Capability.SafeCity))
                problem($"{at}.platformModules", $"{vendor.Id} offers no safe_city platform to sell its modules with; it offers {string.Join(", ", vendor.Capabilities.Select(x => x.Id()))}");
            foreach (var cap in o.Quality?.Keys.ToArray() ?? [])
                if (Capabilities.TryParse(cap, out var capability) && !vendor.Offers(capability))
                    problem($"{at}.quality.{cap}", VendorNumber.NotOffered(vendor, cap)); // ranges and unknown names: DeclaredRules
        }
    }
}

/// <summary>
/// A vendor number named by a JSON path, "$.vendors.&lt;id&gt;.price|capacityPerYear|usComponentDependence" or
/// "$.vendors.&lt;id&gt;.quality.&lt;capability&gt;", with the world file's value and whether it must be positive
/// (price, capacity) or a share (0..1).
/// </summary>
public sealed record VendorNumber(string Vendor, string Field, string? Capability, double WorldValue)
{
    /// <summary>The declared range of this number (on <see cref="VendorOverride"/>'s property of the same name).</summary>
    public RangeAttribute Declared => ScenarioShape.Properties(typeof(VendorOverride))[Field].GetCustomAttribute<RangeAttribute>()!;
    public string Range => DeclaredRules.Describe(Declared);
    public bool Allows(double min, double max) => DeclaredRules.Violates(Declared, min) is null && DeclaredRules.Violates(Declared, max) is null;

    /// <summary>"palantir offers smart_policing, not 'facial_recognition'", with a did-you-mean.</summary>
    public static string NotOffered(VendorProfile v, string capability)
    {
        var offered = v.Capabilities.Select(x => x.Id()).ToArray();
        return $"{v.Id} offers {string.Join(", ", offered)}, not '{capability}'{Suggest.DidYouMean(capability, offered)}";
    }

    /// <summary>The vendor number at <paramref name="path"/>; null for paths outside "$.vendors"; a clear error for any other path under it.</summary>
    public static VendorNumber? Parse(string path, WorldData world)
    {
        path = ScenarioPaths.Normalise(path);
        var s = path[2..].Split('.');
        if (s[0] != "vendors") return null;
        const string numbers = "price, capacityPerYear, usComponentDependence, dataExposure or quality.<capability> (entry is a date, not a number)";
        if (s.Length < 3) throw new ArgumentException($"{path}: name one vendor number, e.g. $.vendors.huawei.price");
        if (!world.VendorIndex.TryGetValue(s[1], out var index))
            throw new ArgumentException($"{path}: unknown vendor '{s[1]}'{Suggest.DidYouMean(s[1], world.VendorIndex.Keys)}");
        var v = world.Vendors[index];
        switch (s[2])
        {
            case "price" when s.Length == 3: return new(v.Id, s[2], null, v.Price);
            case "capacityPerYear" when s.Length == 3: return new(v.Id, s[2], null, v.CapacityPerYear);
            case "usComponentDependence" when s.Length == 3: return new(v.Id, s[2], null, v.UsComponentDependence);
            case "dataExposure" when s.Length == 3: return new(v.Id, s[2], null, v.DataExposure);
            case "quality" when s.Length == 4:
                if (Capabilities.TryParse(s[3], out var c) && v.Offers(c)) return new(v.Id, s[2], s[3], v.Quality[c]);
                throw new ArgumentException($"{path}: {NotOffered(v, s[3])}");
            default:
                throw new ArgumentException($"{path}: not a vendor number; a vendor has {numbers}");
        }
    }
}
