using System.Text.RegularExpressions;

namespace Simulation.Tests;

/// <summary>
/// Inside the model the folders are layers too (docs/architecture.md): data and set-up at the bottom (Time, World,
/// Parameters, Randomness, Policies, Setup), agents, market and metrics above them, the engine on top. The graph of
/// which Simulation.Model.* namespace each file uses (a using, a qualified name, or a name qualified by a sibling
/// namespace, which C# resolves through Simulation.Model) must have no cycle.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>The model's namespaces below Simulation.Model by their last name (Agents, Engine, ...) and the simple names of their types.</summary>
    private static readonly IReadOnlyDictionary<string, HashSet<string>> ModelNamespaces = Model.GetTypes()
        .Where(t => t.Namespace?.StartsWith("Simulation.Model.", StringComparison.Ordinal) == true && !t.IsNested && !t.Name.Contains('<'))
        .GroupBy(t => t.Namespace!["Simulation.Model.".Length..].Split('.')[0])
        .ToDictionary(g => g.Key, g => g.Select(t => t.Name.Split('`')[0]).ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void The_model_namespaces_form_no_cycle()
    {
        var root = Path.Combine(TestWorld.RepoRoot, "src", "Simulation.Model");
        var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => f.Split(Path.DirectorySeparatorChar)[0] is not ("obj" or "bin")).Order(StringComparer.Ordinal)
            .Select(f => (f.Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllLines(Path.Combine(root, f))));
        var uses = ModelUses(files);
        Assert.True(uses.Count >= 10, "the model's files were not found or their imports not read");
        var cycle = ModelCycle(uses);
        Assert.True(cycle is null, $"the model's namespaces import each other in a cycle: {cycle}");
    }

    [Fact]
    public void The_cycle_check_names_the_cycle_and_where_each_step_is()
    {
        (string, string[]) agents = ("Agents/A.cs", ["using Simulation.Model.Setup;", "namespace Simulation.Model.Agents;",
            "// Engine.TickDriver in a comment is no import", "var d = new Engine.TickDriver(runtime);"]);
        (string, string[]) engine = ("Engine/E.cs", ["namespace Simulation.Model.Engine;",
            "var a = new Simulation.Model.Agents.CountryAgent(ctx, 0, 0);"]);
        (string, string[]) setup = ("Setup/S.cs", ["namespace Simulation.Model.Setup;", "var n = World.Countries.Length; // a property, not the namespace"]);

        Assert.Equal("Agents → Engine (Agents/A.cs:4) → Agents (Engine/E.cs:2)", ModelCycle(ModelUses([agents, engine, setup])));
        Assert.Null(ModelCycle(ModelUses([agents, setup])));
        Assert.Equal(["Agents → Setup (Agents/A.cs:1)", "Agents → Engine (Agents/A.cs:4)"],
            ModelUses([agents, setup]).Select(u => $"{u.From} → {u.To} ({u.Where})"));
    }

    private sealed record ModelUse(string From, string To, string Where);

    /// <summary>Every use of another model namespace, in file and line order.</summary>
    private static List<ModelUse> ModelUses(IEnumerable<(string Name, string[] Lines)> files)
    {
        var uses = new List<ModelUse>();
        foreach (var (name, raw) in files)
        {
            var lines = Strip(raw);
            var own = lines.Select(l => ModelNamespaceLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            if (own is null) continue;
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].StartsWith("namespace ", StringComparison.Ordinal)) continue;
                var full = QualifiedModelName().Matches(lines[i]).Select(m => m.Groups[1].Value);
                var partial = SiblingQualifiedName().Matches(lines[i])
                    .Where(m => ModelNamespaces.TryGetValue(m.Groups[1].Value, out var types) && types.Contains(m.Groups[2].Value))
                    .Select(m => m.Groups[1].Value);
                uses.AddRange(full.Concat(partial).Where(to => to != own && ModelNamespaces.ContainsKey(to)).Distinct()
                    .Select(to => new ModelUse(own, to, $"{name}:{i + 1}")));
            }
        }
        return uses;
    }

    /// <summary>The first cycle a depth-first walk in name order finds, as "A → B (where) → A (where)"; null if none.</summary>
    private static string? ModelCycle(IReadOnlyList<ModelUse> uses)
    {
        var edges = uses.GroupBy(u => u.From).ToDictionary(g => g.Key,
            g => g.GroupBy(u => u.To).Select(e => e.First()).OrderBy(e => e.To, StringComparer.Ordinal).ToList());
        var done = new HashSet<string>();
        var path = new List<ModelUse>();
        var onPath = new List<string>();

        string? Walk(string ns)
        {
            onPath.Add(ns);
            foreach (var use in edges.GetValueOrDefault(ns) ?? [])
            {
                path.Add(use);
                var back = onPath.IndexOf(use.To);
                if (back >= 0) return onPath[back] + string.Concat(path.Skip(back).Select(u => $" → {u.To} ({u.Where})"));
                if (!done.Contains(use.To) && Walk(use.To) is { } found) return found;
                path.RemoveAt(path.Count - 1);
            }
            onPath.RemoveAt(onPath.Count - 1);
            done.Add(ns);
            return null;
        }

        return edges.Keys.Order(StringComparer.Ordinal).Where(ns => !done.Contains(ns)).Select(Walk).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"^namespace Simulation\.Model\.(\w+)")]
    private static partial Regex ModelNamespaceLine();

    [GeneratedRegex(@"\bSimulation\.Model\.(\w+)")]
    private static partial Regex QualifiedModelName();

    /// <summary>A name qualified by a sibling namespace alone (Market.ContractStatus), which C# finds through Simulation.Model.</summary>
    [GeneratedRegex(@"(?<![\w.:])(\w+)\.(\w+)")]
    private static partial Regex SiblingQualifiedName();
}
