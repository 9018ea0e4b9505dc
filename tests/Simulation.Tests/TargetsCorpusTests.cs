using System.Text.Json;
using Simulation.Runner.Calibration;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>
/// Broken targets files (Corpus/targets/cases.json): each case edits a copy of scenarios/targets/aigs-2019.json and
/// must be rejected against the hindcast scenario with the file, line and JSON path, before any run.
/// </summary>
public sealed class TargetsCorpusTests
{
    private static readonly Lazy<LoadedScenario> Hindcast = new(() => ScenarioLoader.Load(Path.Combine(TestWorld.Scenarios, "hindcast-2019.json")));
    private static string Shipped => Path.Combine(TestWorld.Scenarios, "targets", "aigs-2019.json");
    private static string CasesFile => Path.Combine(TestWorld.RepoRoot, "tests", "Simulation.Tests", "Corpus", "targets", "cases.json");

    private static List<JsonElement> Cases() => JsonDocument.Parse(File.ReadAllBytes(CasesFile)).RootElement.EnumerateArray().ToList();

    public static IEnumerable<object[]> Names() => Cases().Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Fact]
    public void The_shipped_targets_file_is_valid_for_the_hindcast() =>
        Assert.Equal(20, TargetFile.Load(Shipped, Hindcast.Value).Targets.Count);

    [Theory]
    [MemberData(nameof(Names))]
    public void Broken_targets_file_is_rejected_at_its_line_and_path(string name)
    {
        var c = Cases().Single(x => x.GetProperty("name").GetString() == name);
        var text = File.ReadAllText(Shipped);
        var (from, to) = (c.GetProperty("replace")[0].GetString()!, c.GetProperty("replace")[1].GetString()!);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in the shipped targets file");
        var line = c.TryGetProperty("line", out var l) ? l.GetInt32() : text[..at].Count(ch => ch == '\n') + 1;
        var file = Path.Combine(TestWorld.TempDir("targets-" + name), "targets.json");
        File.WriteAllText(file, text[..at] + to + text[(at + from.Length)..]);

        var ex = Assert.Throws<ScenarioException>(() => TargetFile.Load(file, Hindcast.Value));
        var path = c.GetProperty("path").GetString()!;
        var contains = c.GetProperty("contains").GetString()!;
        Assert.Equal("targets file", ex.Subject);
        Assert.True(ex.Problems.Any(p => p.File == file && p.Line == line && p.Path == path && p.Message.Contains(contains, StringComparison.Ordinal)),
            $"{name}: expected line {line} {path} \"{contains}\"; reported:{Environment.NewLine}{string.Join(Environment.NewLine, ex.Problems)}");
        Assert.All(ex.Problems, p => Assert.DoesNotContain("   at ", p.Message));
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(file)!)); // nothing written beside it
    }
}
