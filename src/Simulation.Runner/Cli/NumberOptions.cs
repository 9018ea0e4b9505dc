using System.CommandLine;
using System.Globalization;

namespace Simulation.Runner.Cli;

/// <summary>
/// Whole-number options that parse and range-check in one place, so `-n abc`, `-n 1e3` or `-n 2147483648` is a plain
/// "bad input" message naming the option (exit 2), never an exception thrown from a validator.
/// </summary>
public static class NumberOptions
{
    /// <summary>An optional whole number: absent means "use the scenario's value".</summary>
    public static Option<int?> Optional(string name, string alias, long min, long max, string description) =>
        new(name, Aliases(alias))
        {
            Description = description,
            CustomParser = r => Parse(r, name, min, max),
        };

    /// <summary>A whole number with a default; <paramref name="rule"/>, if given, returns the error for a value inside the range
    /// that is still not allowed. (The rule lives in the parser, not in a validator: a validator that reads a value that
    /// did not parse throws, and the user would see a stack trace.)</summary>
    public static Option<int> WithDefault(string name, string alias, long min, long max, int defaultValue, string description,
        Func<int, string?>? rule = null) =>
        new(name, Aliases(alias))
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                if (Parse(r, name, min, max) is not { } value) return defaultValue;
                if (rule?.Invoke(value) is { } error) r.AddError(error);
                return value;
            },
        };

    /// <summary>A TCP port, 0 to 65535 (0 = any free port).</summary>
    public static Option<int> Port(string name, int defaultValue, string description) => WithDefault(name, "", 0, 65535, defaultValue, description);

    /// <summary>A random seed: any whole number from 0 to 18446744073709551615.</summary>
    public static Option<ulong?> Seed(string description) =>
        new("--seed")
        {
            Description = description,
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)) return seed;
                r.AddError($"--seed must be a whole number from 0 to {ulong.MaxValue}, got '{text}'");
                return null;
            },
        };

    /// <summary>Distinct random seeds, comma-separated ("1,2,3"), at most <paramref name="max"/> of them; absent means none.</summary>
    public static Option<ulong[]> SeedList(string name, int max, string description) =>
        new(name)
        {
            Description = description,
            Arity = ArgumentArity.ExactlyOne, // one comma-separated list; a second --unseen-seeds is an error, not a silent override
            DefaultValueFactory = _ => [],
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                var seeds = new List<ulong>();
                foreach (var part in text.Split(','))
                {
                    if (!ulong.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                    {
                        r.AddError($"{name} must be whole numbers from 0 to {ulong.MaxValue} separated by commas, e.g. 1,2,3; '{part.Trim()}' is not one (in '{text}')");
                        return [];
                    }
                    if (seeds.Contains(seed)) { r.AddError($"{name} names seed {seed} twice (in '{text}')"); return []; }
                    seeds.Add(seed);
                }
                if (seeds.Count > max) { r.AddError($"{name} takes at most {max} seeds, got {seeds.Count}"); return []; }
                return [.. seeds];
            },
        };

    private static string[] Aliases(string alias) => alias.Length == 0 ? [] : [alias];

    private static int? Parse(System.CommandLine.Parsing.ArgumentResult r, string name, long min, long max)
    {
        var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return (int)value;
        r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}, got '{text}'"));
        return null;
    }
}
