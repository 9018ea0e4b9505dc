using System.Text;
using System.Text.Json;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>
/// The corpus of hand-edited scenario mistakes (tests/Simulation.Tests/Corpus/bad): each file must be rejected with every
/// problem listed for it in bad/expected.json, at the right line and JSON path, in words a student can act on.
/// Entries of one file with the same line and path describe one problem: a single reported message must contain all of
/// their substrings (e.g. "unknown property 'replciates'" and "did you mean 'replicates'").
/// </summary>
public sealed class CorpusTests
{
    private static string CorpusDir => Path.Combine(TestWorld.RepoRoot, "tests", "Simulation.Tests", "Corpus");
    private static string BadDir => Path.Combine(CorpusDir, "bad");
    private static string GoodDir => Path.Combine(CorpusDir, "good");
    private static string ExpectedJson => Path.Combine(BadDir, "expected.json");

    public sealed record Expected(int Line, string? Path, string Contains);

    private static Dictionary<string, List<Expected>> ReadExpected()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(ExpectedJson));
        var result = new Dictionary<string, List<Expected>>(StringComparer.Ordinal);
        foreach (var file in doc.RootElement.EnumerateObject())
        {
            var list = new List<Expected>();
            foreach (var e in file.Value.EnumerateArray())
            {
                var path = e.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                list.Add(new Expected(e.GetProperty("line").GetInt32(), path, e.GetProperty("contains").GetString()!));
            }
            result.Add(file.Name, list);
        }
        return result;
    }

    public static IEnumerable<object[]> BadFiles() => ReadExpected().Keys.Order(StringComparer.Ordinal).Select(f => new object[] { f });

    private static string Describe(IEnumerable<ScenarioProblem> problems) =>
        string.Join(Environment.NewLine, problems.Select(p => $"  line {p.Line}, col {p.Column}, {p.Path}: {p.Message}"));

    /// <summary>Messages are for people editing JSON: no stack traces, no .NET type names.</summary>
    private static void AssertReadable(IReadOnlyList<ScenarioProblem> problems)
    {
        foreach (var p in problems)
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Message), $"empty message at {p.Path}");
            Assert.DoesNotContain("   at ", p.Message);
            Assert.DoesNotContain("System.", p.Message);
            Assert.DoesNotContain(".NET", p.Message);
        }
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_file_is_rejected_with_every_expected_problem(string file)
    {
        var expected = ReadExpected()[file];
        var path = Path.Combine(BadDir, file);
        Assert.True(File.Exists(path), $"{file} is listed in expected.json but does not exist");

        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        var problems = ex.Problems;
        var report = Describe(problems) + Environment.NewLine + "  (files: " + string.Join(", ", problems.Select(p => p.File).Distinct()) + ")";
        Assert.NotEmpty(problems);
        AssertReadable(problems);

        // One reported problem per (line, path); all substrings listed for it must be in that one message.
        var groups = expected.GroupBy(e => (e.Line, e.Path)).ToList();
        var missing = new List<string>();
        foreach (var g in groups)
        {
            var match = problems.Any(p => p.File == path
                                          && p.Line == g.Key.Line
                                          && (g.Key.Path == null || p.Path == g.Key.Path)
                                          && g.All(e => p.Message.Contains(e.Contains, StringComparison.Ordinal)));
            if (!match)
                missing.Add($"  line {g.Key.Line}, {g.Key.Path ?? "(any path)"}: {string.Join(" + ", g.Select(e => $"\"{e.Contains}\""))}");
        }
        Assert.True(missing.Count == 0,
            $"{file}: expected problems not reported:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}{Environment.NewLine}reported:{Environment.NewLine}{report}");
        Assert.True(problems.Count >= groups.Count,
            $"{file}: expected at least {groups.Count} problems, got {problems.Count}:{Environment.NewLine}{report}");
    }

    [Fact]
    public void Every_bad_file_has_an_expectation()
    {
        var expected = ReadExpected();
        Assert.True(expected.Count >= 30, $"expected.json lists only {expected.Count} files");
        var files = Directory.GetFiles(BadDir, "*.json").Select(Path.GetFileName).Select(f => f!)
            .Where(f => f != "expected.json" && !f.EndsWith("-cycle-b.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var unlisted = files.Where(f => !expected.ContainsKey(f)).ToList();
        Assert.True(unlisted.Count == 0, "files without an entry in expected.json: " + string.Join(", ", unlisted));
        var absent = expected.Keys.Where(f => !files.Contains(f)).ToList();
        Assert.True(absent.Count == 0, "entries in expected.json without a file: " + string.Join(", ", absent));
        foreach (var (file, list) in expected)
        {
            Assert.True(list.Count > 0, $"{file} has no expected problems");
            Assert.All(list, e => Assert.True(e.Line >= 1, $"{file}: line must be 1-based"));
        }
    }

    [Fact]
    public void Good_file_with_bom_comments_and_trailing_commas_loads()
    {
        var path = Path.Combine(GoodDir, "comments-and-trailing-commas.json");
        Assert.True(File.ReadAllBytes(path).AsSpan().StartsWith("\uFEFF"u8), "the good file must start with a UTF-8 BOM");
        try
        {
            var loaded = ScenarioLoader.Load(path);
            Assert.Equal("comments-and-trailing-commas", loaded.Scenario.Name);
            Assert.Equal(2, loaded.Scenario.Policies.Count);
            Assert.Equal(new[] { "KEN", "UGA", "TZA" }, loaded.Scenario.Groups["EAST_AFRICA"]);
        }
        catch (ScenarioException e)
        {
            Assert.Fail("the good file was rejected:" + Environment.NewLine + Describe(e.Problems));
        }
    }

    private static string World =>
        $"\"world\": {{ \"countries\": \"{TestWorld.CountriesCsv.Replace("\\", "/")}\", \"vendors\": \"{TestWorld.VendorsJson.Replace("\\", "/")}\" }}";

    [Fact]
    public void File_larger_than_one_mebibyte_is_rejected()
    {
        var dir = TestWorld.TempDir("corpus-large");
        var path = Path.Combine(dir, "huge-description.json");
        var description = new string('x', ScenarioLoader.MaxFileBytes + 1000);
        File.WriteAllText(path, $$"""
            {
              "name": "huge",
              "description": "{{description}}",
              {{World}}
            }
            """, new UTF8Encoding(false));
        Assert.True(new FileInfo(path).Length > 1 << 20);

        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        AssertReadable(ex.Problems);
        Assert.Contains(ex.Problems, p => p.File == path && p.Message.Contains("at most 1,048,576 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Deep_nesting_is_rejected_with_a_readable_message()
    {
        var path = Path.Combine(TestWorld.TempDir("corpus-deep"), "deep-groups.json");
        const int depth = 200;
        var nested = new string('[', depth) + "\"KEN\"" + new string(']', depth);
        File.WriteAllText(path, $$"""
            {
              "name": "deep",
              "description": "Groups nested 200 deep.",
              {{World}},
              "groups": { "DEEP": {{nested}} }
            }
            """, new UTF8Encoding(false));

        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        AssertReadable(ex.Problems);
        Assert.Contains(ex.Problems, p => p.File == path && p.Message.Contains("nesting", StringComparison.Ordinal));
    }
}
