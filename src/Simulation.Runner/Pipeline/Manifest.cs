using System.Reflection;
using System.Text.Json;
using Simulation.Scenarios;

namespace Simulation.Runner.Pipeline;

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
        ["orleans"] = Version(typeof(Orleans.IGrainFactory).Assembly),
        ["mathnet"] = Version(typeof(MathNet.Numerics.Statistics.Statistics).Assembly),
        ["scottplot"] = Version(typeof(ScottPlot.Plot).Assembly),
    };

    private static string Version(Assembly a) =>
        a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+', ' ')[0].TrimEnd('.') ?? a.GetName().Version?.ToString() ?? "?";

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, ScenarioLoader.Options) + "\n");
}
