using System.Text;
using System.Text.Json;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>
/// Corrupted world files (Corpus/world/cases.json): each case edits one file of a copy of the shipped world data (a
/// cell of a CSV row, a line appended, a text replaced) and must be rejected by `validate`'s loader with exit-2
/// problems naming that file, the line, the column name or JSON path, and the allowed values.
/// </summary>
public sealed class WorldCorpusTests
{
    private static string CasesFile => Path.Combine(TestWorld.RepoRoot, "tests", "Simulation.Tests", "Corpus", "world", "cases.json");

    private static List<JsonElement> Cases() =>
        JsonDocument.Parse(File.ReadAllBytes(CasesFile)).RootElement.EnumerateArray().ToList();

    public static IEnumerable<object[]> Names() => Cases().Select(c => new object[] { c.GetProperty("name").GetString()! });

    private static string? Text(JsonElement c, string name) => c.TryGetProperty(name, out var v) ? v.GetString() : null;

    [Theory]
    [MemberData(nameof(Names))]
    public void Corrupted_world_file_is_rejected_at_its_line_and_column(string name)
    {
        var c = Cases().Single(x => x.GetProperty("name").GetString() == name);
        var dir = TestWorld.TempDir("world-" + name);
        foreach (var f in new[] { "countries.csv", "gaps.csv", "vendors.json", "covariates.csv" })
            File.Copy(Path.Combine(TestWorld.Scenarios, "world", f), Path.Combine(dir, f));
        var file = Path.Combine(dir, c.GetProperty("file").GetString()!);
        var line = Edit(c, file);
        if (c.TryGetProperty("line", out var explicitLine)) line = explicitLine.GetInt32();
        var scenario = Path.Combine(dir, "scenario.json");
        File.WriteAllText(scenario, """{ "name": "world-check", "world": { "countries": "countries.csv", "vendors": "vendors.json" } }""");
        var before = Snapshot(dir);
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));

        var path = c.GetProperty("path").GetString()!;
        var contains = c.GetProperty("contains").GetString()!;
        var report = string.Join(Environment.NewLine, ex.Problems);
        Assert.True(ex.Problems.Any(p => p.File == file && p.Line == line && p.Path == path && p.Message.Contains(contains, StringComparison.Ordinal)),
            $"{name}: expected {Path.GetFileName(file)}:{line} {path} \"{contains}\"; reported:{Environment.NewLine}{report}");
        Assert.All(ex.Problems, p => Assert.DoesNotContain("   at ", p.Message));
        Assert.All(ex.Problems, p => Assert.DoesNotContain("System.", p.Message));
        Assert.Equal(before, Snapshot(dir)); // nothing written or deleted
    }

    [Fact]
    public void World_tables_saved_with_a_byte_order_mark_are_read()
    {
        // Excel's "CSV UTF-8" starts the file with EF BB BF; that is not part of the first column's name (iso3).
        var dir = TestWorld.TempDir("world-bom");
        foreach (var f in new[] { "countries.csv", "gaps.csv", "vendors.json", "covariates.csv" })
            File.Copy(Path.Combine(TestWorld.Scenarios, "world", f), Path.Combine(dir, f));
        foreach (var f in new[] { "countries.csv", "covariates.csv" })
            File.WriteAllBytes(Path.Combine(dir, f), [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Path.Combine(dir, f))]);
        var scenario = Path.Combine(dir, "scenario.json");
        File.WriteAllText(scenario, """{ "name": "world-bom", "world": { "countries": "countries.csv", "vendors": "vendors.json" } }""");
        var loaded = ScenarioLoader.Load(scenario);
        Assert.Equal(196, loaded.World.Countries.Count);
        Assert.Equal("AFG", loaded.World.Countries[0].Iso3);
    }

    /// <summary>Applies the case's edit to <paramref name="file"/>; returns the line it touched.</summary>
    private static int Edit(JsonElement c, string file)
    {
        var text = File.ReadAllText(file);
        if (Text(c, "row") is { } iso3)
        {
            var lines = text.Split('\n').ToList();
            var header = lines[0].Split(',');
            var index = lines.FindIndex(l => l.StartsWith(iso3 + ",", StringComparison.Ordinal));
            var fields = SplitCsv(lines[index]);
            fields[Array.IndexOf(header, c.GetProperty("column").GetString())] = c.GetProperty("value").GetString()!;
            if (c.TryGetProperty("also", out var also))
                foreach (var p in also.EnumerateObject()) fields[Array.IndexOf(header, p.Name)] = p.Value.GetString()!;
            lines[index] = string.Join(",", fields.Select(f => f.Contains(',') && !c.TryGetProperty("raw", out _) ? $"\"{f}\"" : f));
            File.WriteAllText(file, string.Join("\n", lines));
            return index + 1;
        }
        if (Text(c, "appendLine") is { } append)
        {
            if (!text.EndsWith('\n')) text += "\n";
            File.WriteAllText(file, text + append + "\n");
            return text.Count(ch => ch == '\n') + 1;
        }
        if (c.TryGetProperty("replaceBytes", out var rb))
        {
            var (old, @new) = (rb[0].GetString()!, rb[1].GetString()!);
            var at = text.IndexOf(old, StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetBytes(text[..at]).Concat(@new.Split("\\x").SelectMany((part, i) =>
                i == 0 ? Encoding.UTF8.GetBytes(part) : [Convert.ToByte(part[..2], 16), .. Encoding.UTF8.GetBytes(part[2..])]))
                .Concat(Encoding.UTF8.GetBytes(text[(at + old.Length)..])).ToArray();
            File.WriteAllBytes(file, bytes);
            return text[..at].Count(ch => ch == '\n') + 1;
        }
        var r = c.GetProperty("replace");
        var (from, to) = (r[0].GetString()!, r[1].GetString()!);
        var i = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{from}' not found in {Path.GetFileName(file)}");
        File.WriteAllText(file, text[..i] + to + text[(i + from.Length)..]);
        return text[..i].Count(ch => ch == '\n') + 1;
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }
        fields.Add(current.ToString());
        return [.. fields];
    }

    private static string Snapshot(string dir) =>
        string.Join("\n", Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}"));
}
