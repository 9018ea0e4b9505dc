using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulation.Runner.Results;

/// <summary>manifest.json: what was run, with what, and how long it took.</summary>
public sealed record Manifest(
    string Scenario,
    string ScenarioFile,
    string ScenarioHash,
    ulong Seed,
    int Replicates,
    string Engine,
    int Silos,
    string Tick,
    string Start,
    string End,
    IReadOnlyDictionary<string, string> Versions,
    double WallSeconds)
{
    public static IReadOnlyDictionary<string, string> CurrentVersions() => new SortedDictionary<string, string>
    {
        ["simulation"] = Version(typeof(Manifest).Assembly),
        ["dotnet"] = Environment.Version.ToString(),
        // By name: results know nothing of the engines, only the version they were built with.
        ["orleans"] = Version(Assembly.Load(new AssemblyName("Orleans.Core.Abstractions"))),
        ["mathnet"] = Version(typeof(MathNet.Numerics.Statistics.Statistics).Assembly),
        ["scottplot"] = Version(typeof(ScottPlot.Plot).Assembly),
    };

    private static string Version(Assembly a) =>
        a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+', ' ')[0].TrimEnd('.') ?? a.GetName().Version?.ToString() ?? "?";

    /// <summary>Written as scenario files are (camelCase, indented, no nulls).</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");
}
