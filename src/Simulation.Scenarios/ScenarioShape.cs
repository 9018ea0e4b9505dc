using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulation.Scenarios;

/// <summary>
/// Checks a parsed scenario file against the shape of the scenario types before anything is deserialised, so that
/// every unknown property (with a "did you mean"), wrong type and repeated key in the file is reported at once,
/// each at its own JSON path. System.Text.Json alone stops at the first such problem.
/// </summary>
public static class ScenarioShape
{
    /// <param name="map">Where each key was written, to place a repeated key; null for a tree built in memory, which has none.</param>
    public static void Check(JsonElement element, Type type, string path, JsonLineMap? map, ProblemReport problem) =>
        CheckValue(element, type, nullable: false, path, map, problem);

    private static void CheckValue(JsonElement e, Type type, bool nullable, string path, JsonLineMap? map, ProblemReport problem,
        System.ComponentModel.DataAnnotations.RangeAttribute? range = null)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            if (!nullable) problem(path, $"expected {Expected(type)}, found null");
            return;
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!Decodable(e, path, problem)) return;
        if (type == typeof(string)) Expect(e.ValueKind == JsonValueKind.String);
        else if (type == typeof(bool)) Expect(e.ValueKind is JsonValueKind.True or JsonValueKind.False);
        else if (type == typeof(double)) Expect(e.ValueKind == JsonValueKind.Number);
        else if (type == typeof(int) && e.ValueKind == JsonValueKind.Number && !e.TryGetInt32(out _) && e.TryGetDouble(out var whole) && whole == Math.Floor(whole))
            // Whole, but beyond what the field can hold: say what it may be, not that it is not whole.
            problem(path, range is null ? $"the whole number {e.GetRawText()} is out of range" : $"must be {DeclaredRules.Describe(range)}, not {e.GetRawText()}");
        else if (type == typeof(int)) Expect(e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _));
        else if (type == typeof(ulong)) Expect(e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out _));
        else if (ElementType(type) is { } item)
        {
            if (!Expect(e.ValueKind == JsonValueKind.Array)) return;
            var i = 0;
            foreach (var x in e.EnumerateArray()) CheckValue(x, item, false, $"{path}[{i++}]", map, problem);
        }
        else if (DictionaryValueType(type) is { } value)
        {
            if (!Expect(e.ValueKind == JsonValueKind.Object)) return;
            foreach (var p in Distinct(e, path, map, problem)) CheckValue(p.Value, value, false, JsonLineMap.Child(path, p.Name), map, problem);
        }
        else
        {
            if (!Expect(e.ValueKind == JsonValueKind.Object)) return;
            if (type.GetCustomAttribute<JsonPolymorphicAttribute>() is { } polymorphic)
            {
                var discriminator = polymorphic.TypeDiscriminatorPropertyName!;
                var variant = Variant(e, type, discriminator, path, problem);
                var known = Properties(variant?.Type ?? type);
                foreach (var p in Distinct(e, path, map, problem))
                {
                    var at = JsonLineMap.Child(path, p.Name);
                    if (p.Name == discriminator) continue;
                    if (known.TryGetValue(p.Name, out var info))
                        CheckValue(p.Value, info.PropertyType, IsNullable(info), at, map, problem,
                            info.GetCustomAttribute<System.ComponentModel.DataAnnotations.RangeAttribute>());
                    else if (variant is null) continue; // without a known type, only the common fields can be checked
                    else if (FieldOfOther(type, p.Name) is { } owners)
                        problem(at, $"unknown property '{p.Name}': {Article(variant.Value.Name)} has no '{p.Name}' (only {owners} policies have it); " +
                            $"{Article(variant.Value.Name)}'s fields are {string.Join(", ", Properties(type).Keys.Concat(known.Keys).Distinct().Prepend(discriminator))}");
                    else problem(at, $"unknown property '{p.Name}'{Suggest.DidYouMean(p.Name, known.Keys.Append(discriminator))}");
                }
                return;
            }
            var properties = Properties(type);
            foreach (var p in Distinct(e, path, map, problem))
            {
                var at = JsonLineMap.Child(path, p.Name);
                if (properties.TryGetValue(p.Name, out var info))
                    CheckValue(p.Value, info.PropertyType, IsNullable(info), at, map, problem,
                        info.GetCustomAttribute<System.ComponentModel.DataAnnotations.RangeAttribute>());
                else
                    problem(at, $"unknown property '{p.Name}'{Suggest.DidYouMean(p.Name, properties.Keys)}");
            }
            // A member marked [Required] has no meaningful default (a fit's bounds): missing is not a silent zero.
            foreach (var (name, info) in properties)
                if (info.GetCustomAttribute<System.ComponentModel.DataAnnotations.RequiredAttribute>() != null && !e.TryGetProperty(name, out _))
                    problem(path, $"missing \"{name}\"");
        }

        bool Expect(bool ok)
        {
            if (!ok) problem(path, $"expected {Expected(type)}, found {Found(e)}");
            return ok;
        }
    }

    /// <summary>The record a polymorphic object's discriminator (e.g. a policy's "type") names, reporting a missing or unknown one.</summary>
    private static (Type Type, string Name)? Variant(JsonElement e, Type baseType, string discriminator, string path, ProblemReport problem)
    {
        var variants = Variants(baseType);
        var names = variants.Select(v => v.Name).ToArray();
        var at = JsonLineMap.Child(path, discriminator);
        var what = baseType == typeof(PolicySpec) ? "policy type" : discriminator;
        if (!e.TryGetProperty(discriminator, out var value))
        {
            problem(at, $"missing \"{discriminator}\": one of {string.Join(", ", names)}");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            problem(at, $"expected a string in quotes, found {Found(value)}");
            return null;
        }
        var name = value.GetString()!;
        foreach (var v in variants)
            if (v.Name == name) return v;
        problem(at, $"unknown {what} '{OneOfAttribute.Short(name)}'; expected one of {string.Join(", ", names)}{Suggest.DidYouMean(name, names)}");
        return null;
    }

    private static IEnumerable<(Type Type, string Name)> Variants(Type baseType) =>
        baseType.GetCustomAttributes<JsonDerivedTypeAttribute>(false).Select(a => (a.DerivedType, (string)a.TypeDiscriminator!));

    /// <summary>The variants (e.g. "sanction and exportControl") that have a field a given variant lacks, or null.</summary>
    private static string? FieldOfOther(Type baseType, string field)
    {
        var owners = Variants(baseType).Where(v => Properties(v.Type).ContainsKey(field)).Select(v => v.Name).ToArray();
        return owners.Length == 0 ? null : string.Join(" and ", owners);
    }

    private static string Article(string word) => ("aeiou".Contains(char.ToLowerInvariant(word[0])) ? "an " : "a ") + word;

    /// <summary>
    /// For files read into positional records (vendors.json, targets files): every constructor parameter without a
    /// default must be written, in the object and in each record of its lists; a missing one is not a silent zero.
    /// Call after <see cref="Check"/> found no problems.
    /// </summary>
    public static void CheckRequired(JsonElement obj, Type type, string path, ProblemReport problem)
    {
        if (obj.ValueKind != JsonValueKind.Object || type.GetConstructors().FirstOrDefault() is not { } ctor) return;
        var properties = Properties(type);
        foreach (var p in ctor.GetParameters())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name!);
            if (!obj.TryGetProperty(name, out var value))
            {
                if (!p.HasDefaultValue) problem(path, $"missing \"{name}\"");
                continue;
            }
            if (properties.TryGetValue(name, out var info) && ElementType(info.PropertyType) is { IsClass: true } item && item != typeof(string)
                && value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var x in value.EnumerateArray()) CheckRequired(x, item, $"{JsonLineMap.Child(path, name)}[{i++}]", problem);
            }
        }
    }

    /// <summary>
    /// Values the reader accepts but no number or text can hold: a number beyond ±1.8e308 (it would become Infinity),
    /// and a string with a lone UTF-16 surrogate escape such as "\ud800".
    /// </summary>
    private static bool Decodable(JsonElement e, string path, ProblemReport problem)
    {
        if (e.ValueKind == JsonValueKind.Number && (!e.TryGetDouble(out var d) || !double.IsFinite(d)))
        {
            problem(path, $"the number {Short(e.GetRawText())} is too large: numbers here must be finite (at most about 1.8e308 in size)");
            return false;
        }
        if (e.ValueKind == JsonValueKind.String)
        {
            try
            {
                if (e.GetString()!.Contains('\0'))
                {
                    problem(path, "the text contains a NUL character (\\u0000)");
                    return false;
                }
            }
            catch (InvalidOperationException)
            {
                problem(path, "the text has an invalid \\u escape (a lone UTF-16 surrogate such as \\ud800); write the character itself");
                return false;
            }
        }
        return true;
    }

    /// <summary>An object's properties, reporting a repeated key at its second occurrence.</summary>
    private static IEnumerable<JsonProperty> Distinct(JsonElement obj, string path, JsonLineMap? map, ProblemReport problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (seen.Add(p.Name)) { yield return p; continue; }
            var at = JsonLineMap.Child(path, p.Name);
            var second = map?.Occurrences(at).Skip(1).FirstOrDefault() ?? default;
            problem(at, $"duplicate property '{p.Name}': each key may appear once in an object", second == default ? null : second);
        }
    }

    /// <summary>The JSON names of a type's properties, as System.Text.Json maps them (camelCase unless renamed).</summary>
    public static Dictionary<string, PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() == null)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                StringComparer.Ordinal);

    // NullabilityInfoContext caches in plain dictionaries and is not thread-safe: scenarios validated on several threads
    // at once (a sweep, parallel tests) threw "An item with the same key has already been added". One per thread.
    [ThreadStatic] private static NullabilityInfoContext? _nullability;

    private static bool IsNullable(PropertyInfo p) =>
        Nullable.GetUnderlyingType(p.PropertyType) != null
        || (_nullability ??= new NullabilityInfoContext()).Create(p).WriteState == NullabilityState.Nullable;

    internal static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? t.GetGenericArguments()[0]
        : null;

    private static Type? DictionaryValueType(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? t.GetGenericArguments()[1] : null;

    private static string Expected(Type t) =>
        t == typeof(string) ? "a string in quotes"
        : t == typeof(bool) ? "true or false"
        : t == typeof(double) ? "a number"
        : t == typeof(int) || t == typeof(ulong) ? "a whole number"
        : ElementType(t) != null ? "a list [ ... ]"
        : "an object { ... }";

    private static string Found(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Short(e.GetString()!)}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Short(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
