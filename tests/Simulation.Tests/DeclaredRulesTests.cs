using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Model.Policies;
using Simulation.Model.World;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>
/// One declared range per number: the JSON Schema, the validator and docs/model.md's parameter table say the same
/// thing, so a student who reads any of them is not misled by another.
/// </summary>
public sealed class DeclaredRulesTests
{
    /// <summary>A valid scenario with one of everything that has numbers: a policy, a vendor override, a free parameter.</summary>
    private static JsonObject Template()
    {
        var json = JsonSerializer.SerializeToNode(new Scenario
        {
            Name = "rules", Start = "2008-01", End = "2010-12", Tick = "year", Replicates = 2,
            World = new WorldFiles { Countries = TestWorld.CountriesCsv, Vendors = TestWorld.VendorsJson },
        }, InputJson.Options)!.AsObject();
        json["policies"] = JsonNode.Parse("""[{ "id": "p", "type": "shock", "from": "2009-01", "targets": { "countries": ["KEN"] }, "unrest": 1 }]""");
        json["vendors"] = JsonNode.Parse("""{ "huawei": { "price": 0.6, "quality": { "safe_city": 0.8 } } }""");
        json["calibration"] = JsonNode.Parse("""[{ "path": "$.parameters.adoption.innovation", "min": 0.001, "max": 0.01 }]""");
        return json;
    }

    /// <summary>Every number the schema describes, with its JSON path in <see cref="Template"/> and its schema node.</summary>
    private static IEnumerable<(string Path, JsonObject Schema)> Numbers(JsonObject schema, string path)
    {
        var type = schema["type"]?.ToJsonString() ?? "";
        if (type.Contains("number") || type.Contains("integer")) yield return (path, schema);
        if (schema["properties"] is JsonObject properties)
            foreach (var (name, child) in properties)
                foreach (var x in Numbers(child!.AsObject(), JsonLineMap.Child(path, name))) yield return x;
        if (schema["items"] is JsonObject items)
            foreach (var x in Numbers(items, path + "[0]")) yield return x;
        if (schema["additionalProperties"] is JsonObject values)
        {
            var key = path switch { "$.vendors" => "huawei", "$.vendors.huawei.quality" => "safe_city", _ => null };
            if (key != null)
                foreach (var x in Numbers(values, JsonLineMap.Child(path, key))) yield return x;
        }
    }

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        var segments = path[2..].Split('.');
        JsonNode node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index) = segments[i].EndsWith(']') ? (segments[i][..segments[i].IndexOf('[')], (int?)int.Parse(segments[i][(segments[i].IndexOf('[') + 1)..^1], CultureInfo.InvariantCulture)) : (segments[i], null);
            var obj = node.AsObject();
            var last = i == segments.Length - 1;
            if (index is { } k)
            {
                var array = obj[name]!.AsArray();
                if (last) array[k] = value;
                else node = array[k]!;
            }
            else if (last) obj[name] = value;
            else node = obj[name] ??= new JsonObject();
        }
    }

    public static IEnumerable<object[]> SchemaNumbers() =>
        Numbers(JsonNode.Parse(ScenarioSchema.Generate())!.AsObject(), "$").Select(n => new object[] { n.Path });

    [Fact]
    public void The_schema_gives_every_number_a_range()
    {
        var numbers = Numbers(JsonNode.Parse(ScenarioSchema.Generate())!.AsObject(), "$").ToList();
        Assert.True(numbers.Count >= 50, $"only {numbers.Count} numeric fields found in the schema");
        var unbounded = numbers.Where(n => n.Schema["minimum"] is null && n.Schema["exclusiveMinimum"] is null
                                           || n.Schema["maximum"] is null && n.Schema["exclusiveMaximum"] is null).Select(n => n.Path).ToList();
        Assert.True(unbounded.Count == 0, "numbers without a declared range: " + string.Join(", ", unbounded));
    }

    [Theory]
    [MemberData(nameof(SchemaNumbers))]
    public void A_value_just_outside_the_schema_range_is_rejected_at_its_path(string path)
    {
        var schema = Numbers(JsonNode.Parse(ScenarioSchema.Generate())!.AsObject(), "$").Single(n => n.Path == path).Schema;
        var integer = schema["type"]!.ToJsonString().Contains("integer");
        var outside = new List<string>();
        if (schema["exclusiveMinimum"] is { } emin) outside.Add(emin.ToJsonString());
        if (schema["exclusiveMaximum"] is { } emax) outside.Add(emax.ToJsonString());
        if (schema["minimum"] is { } min) outside.Add(Beyond(min, -1, integer));
        if (schema["maximum"] is { } max) outside.Add(Beyond(max, +1, integer));
        Assert.NotEmpty(outside);

        // The template itself is valid, so any problem comes from the one value changed.
        var valid = Template();
        Write(valid, "valid");
        ScenarioLoader.Load(Write(valid, "valid"));
        foreach (var text in outside)
        {
            var json = Template();
            Set(json, path, JsonNode.Parse(text)!);
            var file = Write(json, "outside");
            var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file));
            Assert.True(ex.Problems.Any(p => p.Path == path && p.File == file && p.Line > 1),
                $"{path} = {text}: no problem at that path; got:{Environment.NewLine}{string.Join(Environment.NewLine, ex.Problems)}");
        }
    }

    private static string Beyond(JsonNode bound, int sign, bool integer)
    {
        var text = bound.ToJsonString();
        if (integer)
            return (System.Numerics.BigInteger.Parse(text, CultureInfo.InvariantCulture) + sign).ToString(CultureInfo.InvariantCulture);
        var x = double.Parse(text, CultureInfo.InvariantCulture);
        return (x + sign * Math.Max(1, Math.Abs(x) / 2)).ToString("R", CultureInfo.InvariantCulture);
    }

    private static string Write(JsonObject json, string name)
    {
        var path = Path.Combine(TestWorld.TempDir("rules-" + name), name + ".json");
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    [Fact]
    public void The_parameter_table_in_docs_lists_each_declared_range()
    {
        var doc = File.ReadAllLines(Path.Combine(TestWorld.RepoRoot, "docs", "model.md"));
        var parameters = Numbers(JsonNode.Parse(ScenarioSchema.Generate())!.AsObject(), "$")
            .Select(n => n.Path).Where(p => p.StartsWith("$.parameters.", StringComparison.Ordinal))
            .Select(p => p.EndsWith("[0]", StringComparison.Ordinal) ? p[..^3] : p).Distinct().ToList();
        Assert.True(parameters.Count >= 40);
        var wrong = new List<string>();
        foreach (var path in parameters)
        {
            var range = DeclaredRules.PropertyAt(path)!.GetCustomAttribute<RangeAttribute>()!;
            var row = doc.FirstOrDefault(l => l.StartsWith($"| `{path[2..]}` |", StringComparison.Ordinal));
            var cells = row?.Split('|').Select(c => c.Trim()).ToArray();
            if (cells is null || cells.Length < 4 || cells[3] != DeclaredRules.Describe(range))
                wrong.Add($"{path[2..]}: docs say '{cells?.ElementAtOrDefault(3) ?? "(no row)"}', the code declares '{DeclaredRules.Describe(range)}'");
        }
        Assert.True(wrong.Count == 0, "docs/model.md §6 'allowed' column differs from the declared ranges:" + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Declared_word_lists_are_the_ones_the_model_understands()
    {
        OneOfAttribute OneOf(Type t, string property) => ScenarioShape.Properties(t)[property].GetCustomAttribute<OneOfAttribute>()!;
        Assert.Equal(Policy.TypeNames.Keys.Order(), PolicySpec.TypeNames.Values.Order());
        Assert.Equal(Capabilities.Ids, OneOf(typeof(ImportBanPolicy), "capabilities").Values);
        Assert.Equal(Capabilities.Ids, OneOf(typeof(TechnologyBanPolicy), "capabilities").Values);
        Assert.Equal(Capabilities.Ids, OneOf(typeof(VendorOverride), "quality").Values);
        foreach (var tick in OneOf(typeof(Scenario), "tick").Values) ScenarioTicks.Parse(tick); // throws for a word the model does not know
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("two\nlines")]
    [InlineData("has space")]
    public void Names_that_are_not_identifiers_are_rejected_everywhere_they_appear(string bad)
    {
        var json = Template();
        json["name"] = bad;
        json["policies"]![0]!["id"] = bad;
        json["groups"] = new JsonObject { [bad] = new JsonArray("KEN") };
        var file = Write(json, "names");
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file));
        Assert.Contains(ex.Problems, p => p.Path == "$.name" && p.Message.Contains("not a valid name", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Path == "$.policies[0].id" && p.Message.Contains("letters, digits", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Path.StartsWith("$.groups", StringComparison.Ordinal) && p.Message.Contains("not a valid name", StringComparison.Ordinal));
        Assert.All(ex.Problems, p => Assert.DoesNotContain('\n', p.Message));
    }

    [Fact]
    public void A_name_of_64_characters_is_fine_and_65_is_not()
    {
        var json = Template();
        json["name"] = new string('a', 64);
        Assert.Equal(64, ScenarioLoader.Load(Write(json, "long-ok")).Scenario.Name.Length);
        json["name"] = new string('a', 65);
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Write(json, "long-bad")));
        Assert.Contains(ex.Problems, p => p.Path == "$.name");
    }
}
