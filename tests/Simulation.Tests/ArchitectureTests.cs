using System.Reflection;
using System.Text.RegularExpressions;
using Simulation.Model.Setup;
using Simulation.Runner.Pipeline;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>
/// Imports go one way (docs/architecture.md): scenarios → model → engines → results → plots/report → commands. The
/// projects are checked by their compiled references; the runner's folders, which share one assembly, by the names
/// their code uses (comments and plain strings left out), so a `using`, a qualified name or a bare type name of a
/// layer above fails alike.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly Assembly Model = typeof(RunPlan).Assembly;
    private static readonly Assembly Scenarios = typeof(ScenarioLoader).Assembly;
    private static readonly Assembly Runner = typeof(RunPipeline).Assembly;
    private static readonly Assembly Grains = typeof(Simulation.Grains.CountryGrain).Assembly;
    private static readonly Assembly Abstractions = typeof(Simulation.Abstractions.GrainKeys).Assembly;

    [Theory]
    [InlineData("Simulation.Model", new[] { "Simulation.Scenarios", "Simulation.Runner", "Simulation.Grains", "Simulation.Abstractions", "Orleans", "ScottPlot" })]
    [InlineData("Simulation.Scenarios", new[] { "Simulation.Runner", "Simulation.Grains", "Simulation.Abstractions", "Orleans", "ScottPlot" })]
    [InlineData("Simulation.Abstractions", new[] { "Simulation.Scenarios", "Simulation.Runner", "Simulation.Grains", "ScottPlot" })]
    [InlineData("Simulation.Grains", new[] { "Simulation.Scenarios", "Simulation.Runner", "ScottPlot" })]
    public void A_project_references_nothing_above_it(string project, string[] above)
    {
        var assembly = new[] { Model, Scenarios, Abstractions, Grains }.Single(a => a.GetName().Name == project);
        var wrong = assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => above.Any(a => name == a || name.StartsWith(a + ".", StringComparison.Ordinal))).ToArray();
        Assert.True(wrong.Length == 0, $"{project} references {string.Join(", ", wrong)}, a layer above it");
    }

    /// <summary>Namespaces a runner folder must not use: everything that runs, loads or orchestrates.</summary>
    private static readonly string[] AboveResults =
    [
        "Simulation.Scenarios", "Simulation.Runner.Pipeline", "Simulation.Runner.Calibration", "Simulation.Runner.Cli",
        "Simulation.Runner.Engines", "Simulation.Runner.Cluster", "Simulation.Runner.Sweeps", "Simulation.Runner.Sensitivity",
        "Simulation.Model.Agents", "Simulation.Grains", "Simulation.Abstractions", "Orleans",
    ];

    /// <summary>The model's run machinery, which shares namespaces with what results may read (RunPlan, IChunkSink, the profiles).</summary>
    private static readonly string[] ModelInternals =
        ["RunRecorder", "RunContext", "TickDriver", "IAgentRuntime", "InProcessRuntime", "GroupRecorder", "FinancingLedger", "WorldData"];

    [Theory]
    [InlineData("Results", new[] { "Simulation.Runner.Plots", "Simulation.Runner.Report" })]
    [InlineData("Plots", new[] { "Simulation.Runner.Report" })]
    [InlineData("Report", new string[0])]
    public void Results_plots_and_report_read_only_the_run(string folder, string[] alsoAbove)
    {
        var found = RunReaderViolations(alsoAbove, FolderFiles(folder));
        Assert.True(found.Length == 0, $"Runner/{folder} imports against the direction:\n  " + string.Join("\n  ", found));
    }

    /// <summary>The engines (embedded silo, cluster client and silo host) run a plan and return a result; nothing of what reads it.</summary>
    [Theory]
    [InlineData("Engines")]
    [InlineData("Cluster")]
    public void The_engines_know_nothing_of_results_pipelines_or_commands(string folder)
    {
        string[] above =
        [
            "Simulation.Scenarios", "Simulation.Runner.Results", "Simulation.Runner.Plots", "Simulation.Runner.Report",
            "Simulation.Runner.Pipeline", "Simulation.Runner.Calibration", "Simulation.Runner.Cli", "Simulation.Runner.Sweeps",
            "Simulation.Runner.Sensitivity",
        ];
        var found = Violations(above, [], FolderFiles(folder));
        Assert.True(found.Length == 0, $"Runner/{folder} imports against the direction:\n  " + string.Join("\n  ", found));
    }

    private static IEnumerable<(string Name, string[] Lines)> FolderFiles(string folder) =>
        Directory.GetFiles(Path.Combine(TestWorld.RepoRoot, "src", "Simulation.Runner", folder), "*.cs").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(TestWorld.RepoRoot, f), File.ReadAllLines(f)));

    private static string[] RunReaderViolations(string[] alsoAbove, IEnumerable<(string Name, string[] Lines)> files) =>
        Violations(AboveResults.Concat(alsoAbove).ToArray(), ModelInternals, files);

    private static string[] Violations(string[] above, IEnumerable<string> alsoNames, IEnumerable<(string Name, string[] Lines)> files)
    {
        var names = ForbiddenTypeNames(above).Concat(alsoNames);
        var pattern = new Regex($@"\b(?:{string.Join("|", above.Concat(names).Select(Regex.Escape))})\b");
        return [.. files.SelectMany(f => Strip(f.Lines).Select((line, i) => (f.Name, Line: i + 1, Match: pattern.Match(line))))
            .Where(x => x.Match.Success).Select(x => $"{x.Name}:{x.Line} uses {x.Match.Value}")];
    }

    [Fact]
    public void The_check_fails_on_a_using_a_qualified_name_or_a_bare_type_name_of_a_layer_above()
    {
        string[] report =
        [
            "using Simulation.Runner.Pipeline;", "var json = RunPipeline.PortableJson(s);",
            "var s = Simulation.Scenarios.ScenarioLoader.Load(p); // fine in a comment: LoadedScenario",
            "var r = new RunRecorder(ctx);", "var t = \"LoadedScenario\";", "report.Heading(run.Summary.Scenario);",
        ];
        string[] results = ["var x = ComparePlots.ScenarioColor(0);"];
        Assert.Equal(["Report.cs:1 uses Simulation.Runner.Pipeline", "Report.cs:2 uses RunPipeline", "Report.cs:3 uses Simulation.Scenarios", "Report.cs:4 uses RunRecorder"],
            RunReaderViolations([], [("Report.cs", report)]));
        Assert.Equal(["Results.cs:1 uses ComparePlots"], RunReaderViolations(["Simulation.Runner.Plots"], [("Results.cs", results)]));
        Assert.Empty(RunReaderViolations([], [("Plots.cs", results)]));
    }

    /// <summary>
    /// Simple names of the types in the forbidden namespaces, less those the allowed layers also define as a type or a
    /// member (a summary's <c>Scenario</c> is its name, not the scenario file's type).
    /// </summary>
    private static IReadOnlyList<string> ForbiddenTypeNames(IReadOnlyList<string> above)
    {
        static bool In(Type t, string ns) => t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true;
        static string Simple(Type t) => t.Name.Split('`')[0];
        var types = new[] { Model, Scenarios, Runner, Grains, Abstractions }.SelectMany(a => a.GetTypes())
            .Where(t => !t.Name.Contains('<') && !t.IsNested).ToArray();
        var allowed = types.Where(t => !above.Any(ns => In(t, ns))).ToArray();
        var own = allowed.Select(Simple)
            .Concat(allowed.SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)).Select(m => m.Name))
            .ToHashSet(StringComparer.Ordinal);
        return [.. types.Where(t => above.Any(ns => In(t, ns))).Select(Simple).Where(n => !own.Contains(n)).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The lines without comments and plain string literals (an interpolated string's holes are code, so it stays).</summary>
    private static IReadOnlyList<string> Strip(IReadOnlyList<string> lines)
    {
        var result = new List<string>();
        var inBlock = false;
        foreach (var raw in lines)
        {
            var line = raw;
            if (inBlock)
            {
                var end = line.IndexOf("*/", StringComparison.Ordinal);
                if (end < 0) { result.Add(""); continue; }
                line = line[(end + 2)..];
                inBlock = false;
            }
            line = BlockComment().Replace(line, "");
            line = PlainString().Replace(line, "\"\"");
            var slash = line.IndexOf("//", StringComparison.Ordinal);
            if (slash >= 0) line = line[..slash];
            var open = line.IndexOf("/*", StringComparison.Ordinal);
            if (open >= 0) { line = line[..open]; inBlock = true; }
            result.Add(line.Trim());
        }
        return result;
    }

    [GeneratedRegex(@"/\*.*?\*/")]
    private static partial Regex BlockComment();

    /// <summary>A string literal not preceded by $ or @ (escapes inside handled).</summary>
    [GeneratedRegex(@"(?<![$@\w])""(?:[^""\\]|\\.)*""")]
    private static partial Regex PlainString();
}
