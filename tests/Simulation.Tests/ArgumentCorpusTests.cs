using System.CommandLine;
using System.Text.Json;
using Simulation.Runner.Cli;
using static Simulation.Tests.CliTests;

namespace Simulation.Tests;

/// <summary>
/// Command lines a user gets wrong (Corpus/arguments/cases.json), run in-process: each is exit 2 with a message
/// naming the option, path or file at fault, no stack trace, and no output folder written.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ArgumentCorpusTests
{
    private static string CasesFile => Path.Combine(TestWorld.RepoRoot, "tests", "Simulation.Tests", "Corpus", "arguments", "cases.json");

    private static List<JsonElement> Cases() => JsonDocument.Parse(File.ReadAllBytes(CasesFile)).RootElement.EnumerateArray().ToList();

    public static IEnumerable<object[]> Names() => Cases().Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_command_line_is_exit_2_naming_what_is_wrong(string name)
    {
        var c = Cases().Single(x => x.GetProperty("name").GetString() == name);
        var dir = TestWorld.TempDir("args-" + name);
        var scenario = TestWorld.ShortScenario("args", end: "2009-12", tick: "year");
        var output = Path.Combine(dir, "out");
        string Expand(string s) => s.Replace("$SCENARIO", scenario).Replace("$OUT", output).Replace("$DIR", dir)
            .Replace("$HINDCAST", Path.Combine(TestWorld.Scenarios, "hindcast-2019.json"))
            .Replace("$TARGETS", Path.Combine(TestWorld.Scenarios, "targets", "aigs-2019.json"));
        var args = c.GetProperty("args").EnumerateArray().Select(a => Expand(a.GetString()!)).ToArray();
        var before = Directory.GetFileSystemEntries(Path.GetDirectoryName(scenario)!).Order().ToArray();

        var (code, o, err) = await Cli(args);
        Assert.True(code == ExitCodes.BadInput, $"{name}: exit {code}, expected 2{Environment.NewLine}{err}{o}");
        Assert.Contains(c.GetProperty("contains").GetString()!, err);
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain("Exception", err);
        Assert.False(Directory.Exists(output), $"{name}: {output} was created");
        Assert.Equal(before, Directory.GetFileSystemEntries(Path.GetDirectoryName(scenario)!).Order().ToArray());
    }

    /// <summary>Every option of every command that takes a number, as (command, option, value): a word, and for whole
    /// numbers a value past Int32 (an out-of-range value reaches the option's own checks).</summary>
    public static IEnumerable<object[]> NumericOptions() =>
        App.Root().Subcommands.SelectMany(command => command.Options
            .Where(o => ValueType(o) is var t && t != typeof(string) && t != typeof(bool) && t != typeof(string[]))
            .SelectMany(o => WholeNumber(o) ? new[] { "abc", "99999999999" } : ["abc"],
                (o, value) => new object[] { command.Name, o.Name, value }));

    private static Type ValueType(Option o) => Nullable.GetUnderlyingType(o.ValueType) ?? o.ValueType;

    private static bool WholeNumber(Option o) => ValueType(o) == typeof(int);

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public async Task A_number_option_given_a_word_or_an_overflow_is_exit_2_without_a_stack_trace(string command, string option, string value)
    {
        // The value is never a number, so the parse fails and nothing runs (bench, which needs no scenario, included).
        var (code, o, err) = await Cli([command, option, value]);
        Assert.True(code == ExitCodes.BadInput, $"{command} {option} {value}: exit {code}, expected 2{Environment.NewLine}{err}{o}");
        Assert.Contains(option, err);
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain("Exception", err);
    }

    /// <summary>Every option that takes a value, given none, after --silos 2 (whose check reads --engine's value).</summary>
    public static IEnumerable<object[]> OptionsTakingValues() =>
        App.Root().Subcommands.SelectMany(command => command.Options
            .Where(o => o.Arity.MaximumNumberOfValues > 0 && ValueType(o) != typeof(bool))
            .Select(o => new object[] { command.Name, o.Name }));

    [Theory]
    [MemberData(nameof(OptionsTakingValues))]
    public async Task An_option_given_no_value_is_exit_2_without_a_stack_trace(string command, string option)
    {
        var (code, o, err) = await Cli([command, "--silos", "2", option]);
        Assert.True(code == ExitCodes.BadInput, $"{command} --silos 2 {option}: exit {code}, expected 2{Environment.NewLine}{err}{o}");
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain("Exception", err);
    }
}
