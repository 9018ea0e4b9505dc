using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Simulation.Scenarios;

/// <summary>
/// A name that lands in file names, CSV cells and plot legends: letters, digits, '_', '-' and '.', starting with a
/// letter or digit (so no spreadsheet formula such as "=cmd|..." or "-2+3"), at most <see cref="MaxLength"/> characters.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class IdentifierAttribute : Attribute
{
    public const int MaxLength = 64;
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
    public const string Rule = "1 to 64 characters: letters, digits, '_', '-' and '.', starting with a letter or digit";

    [GeneratedRegex(Pattern)]
    public static partial Regex Regex();

    public static bool IsValid(string s) => Regex().IsMatch(s);
}

/// <summary>A word from a fixed list (a policy type, a tick, a capability); for a dictionary, its keys.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute(string what, params string[] values) : Attribute
{
    public string What { get; } = what;
    public IReadOnlyList<string> Values { get; } = values;
    public bool IsValid(string s) => Values.Contains(s, StringComparer.Ordinal);

    public string Message(string s) =>
        $"unknown {What} '{Short(s)}'; expected one of {string.Join(", ", Values)}{Suggest.DidYouMean(s, Values)}";

    internal static string Short(string s) => s.Length <= 40 ? s.ReplaceLineEndings(" ") : s[..37].ReplaceLineEndings(" ") + "...";
}

/// <summary>
/// The one place a scenario number's allowed range is declared: [Range] (and [Length] for lists, [AllowedValues] for
/// words, [Identifier] for names) on the scenario types' properties. The validator applies them here, the JSON Schema
/// exports them (<see cref="ScenarioSchema"/>) and a test checks docs/model.md's parameter table against them.
/// </summary>
public static class DeclaredRules
{
    /// <summary>Checks every declared rule of <paramref name="value"/> and its children, reporting at JSON paths.</summary>
    public static void Check(object value, string path, ProblemReport problem)
    {
        foreach (var (name, property) in ScenarioShape.Properties(value.GetType()))
            CheckValue(property.GetValue(value), property, JsonLineMap.Child(path, name), problem);
    }

    private static void CheckValue(object? v, PropertyInfo property, string at, ProblemReport problem)
    {
        var range = property.GetCustomAttribute<RangeAttribute>();
        var allowed = property.GetCustomAttribute<OneOfAttribute>();
        var identifier = property.GetCustomAttribute<IdentifierAttribute>() != null;
        switch (v)
        {
            case null: return;
            case double or int or ulong or float:
                if (range != null && Violates(range, Convert.ToDouble(v, CultureInfo.InvariantCulture)) is { } m) problem(at, m);
                return;
            case string s:
                Word(s, at);
                return;
            case double[] or List<double>:
                var numbers = ((IEnumerable<double>)v).ToArray();
                if (property.GetCustomAttribute<LengthAttribute>() is { } length && numbers.Length != length.MinimumLength)
                    problem(at, $"needs exactly {length.MinimumLength} values, not {numbers.Length}");
                for (var i = 0; i < numbers.Length; i++)
                    if (range != null && Violates(range, numbers[i]) is { } bad) problem($"{at}[{i}]", bad);
                return;
            case Dictionary<string, double> byKey:
                foreach (var (key, x) in byKey)
                {
                    if (allowed != null && !allowed.IsValid(key)) problem(JsonLineMap.Child(at, key), allowed.Message(key));
                    else if (range != null && Violates(range, x) is { } bad) problem(JsonLineMap.Child(at, key), bad);
                }
                return;
            case List<string> words:
                for (var i = 0; i < words.Count; i++) Word(words[i], $"{at}[{i}]");
                return;
            case IDictionary map:
                foreach (DictionaryEntry e in map)
                {
                    var key = (string)e.Key;
                    if (identifier && !IdentifierAttribute.IsValid(key))
                        problem(JsonLineMap.Child(at, key), $"'{Short(key)}' is not a valid name: {IdentifierAttribute.Rule}");
                    if (e.Value is { } child && IsRecord(child)) Check(child, JsonLineMap.Child(at, key), problem);
                }
                return;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is { } item && IsRecord(item)) Check(item, $"{at}[{i}]", problem);
                return;
            default:
                if (IsRecord(v)) Check(v, at, problem);
                return;
        }

        void Word(string s, string path)
        {
            if (allowed != null && !allowed.IsValid(s)) problem(path, allowed.Message(s));
            if (identifier && s.Length > 0 && !IdentifierAttribute.IsValid(s)) // a missing name has its own message
                problem(path, $"'{Short(s)}' is not a valid name: {IdentifierAttribute.Rule}");
        }
    }

    private static bool IsRecord(object o) => o.GetType() is { IsClass: true } t && t != typeof(string)
        && t.Namespace?.StartsWith("Simulation.", StringComparison.Ordinal) == true; // the project's own records

    private static string Short(string s) => OneOfAttribute.Short(s);

    /// <summary>The message for a value outside the range, or null when it is inside.</summary>
    public static string? Violates(RangeAttribute r, double x)
    {
        var (min, max) = Bounds(r);
        var ok = double.IsFinite(x)
                 && (r.MinimumIsExclusive ? x > min : x >= min)
                 && (r.MaximumIsExclusive ? x < max : x <= max);
        return ok ? null : $"must be {Describe(r)}, not {x.ToString("R", CultureInfo.InvariantCulture)}";
    }

    public static (double Min, double Max) Bounds(RangeAttribute r) =>
        (Convert.ToDouble(r.Minimum, CultureInfo.InvariantCulture), Convert.ToDouble(r.Maximum, CultureInfo.InvariantCulture));

    /// <summary>"between 0 and 1", "above 0 and at most 100", ... (as written in docs/model.md's parameter table).</summary>
    public static string Describe(RangeAttribute r)
    {
        var (min, max) = Bounds(r);
        string N(double x) => x.ToString("G", CultureInfo.InvariantCulture);
        if (!r.MinimumIsExclusive && !r.MaximumIsExclusive) return $"between {N(min)} and {N(max)}";
        var low = r.MinimumIsExclusive ? $"above {N(min)}" : $"at least {N(min)}";
        var high = r.MaximumIsExclusive ? $"below {N(max)}" : $"at most {N(max)}";
        return $"{low} and {high}";
    }

    /// <summary>The property a JSON path names ("$.parameters.adoption.innovation", "$.vendors.x.price"), if declared.</summary>
    public static PropertyInfo? PropertyAt(string path)
    {
        var segments = ScenarioPaths.Normalise(path)[2..].Split('.');
        var type = typeof(Scenario);
        PropertyInfo? property = null;
        for (var i = 0; i < segments.Length; i++)
        {
            var name = segments[i];
            var bracket = name.IndexOf('[');
            if (bracket >= 0) name = name[..bracket];
            if (!ScenarioShape.Properties(type).TryGetValue(name, out property)) return null;
            type = property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                type = type.GetGenericArguments()[1];
                i++; // the key
                if (i == segments.Length - 1 && (type == typeof(double))) return property;
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) type = type.GetGenericArguments()[0];
            type = Nullable.GetUnderlyingType(type) ?? type;
        }
        return property;
    }
}
