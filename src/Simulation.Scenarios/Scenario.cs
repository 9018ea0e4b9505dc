using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Simulation.Model.Parameters;

namespace Simulation.Scenarios;

/// <summary>A scenario file: the world, the horizon, the parameters and the policies of one experiment.</summary>
public sealed record Scenario
{
    [Description("Editor hint: path of the JSON schema (scenario.schema.json). Ignored by the model.")]
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    [Description("Another scenario file (path relative to this one) this file builds on: objects merge deeply, values and lists replace, policies append (same id replaces).")]
    public string? Extends { get; init; }
    [Description("Ids of policies inherited through 'extends' to drop.")]
    public List<string>? RemovePolicies { get; init; }
    [Identifier]
    [Description("Short name; names the output folder and the legend entries.")]
    public string Name { get; init; } = "";
    [Description("What the scenario models and why, with the real events and dates it follows.")]
    public string Description { get; init; } = "";
    [Range(typeof(ulong), "0", "18446744073709551615")]
    [Description("Master seed of every random stream.")]
    public ulong Seed { get; init; } = 1;
    [Range(1, ScenarioLoader.MaxReplicates)]
    [Description("Replicates to run unless the command line says otherwise.")]
    public int Replicates { get; init; } = 100;
    [Description("First month simulated, \"YYYY-MM\".")]
    public string Start { get; init; } = "2008-01";
    [Description("Last month simulated, \"YYYY-MM\".")]
    public string End { get; init; } = "2040-12";
    [OneOf("tick", "month", "quarter", "year")]
    [Description("Tick length: \"month\", \"quarter\" or \"year\".")]
    public string Tick { get; init; } = "month";
    [Description("World data files, relative to the scenario file.")]
    public WorldFiles World { get; init; } = new();
    [Description("Model parameters; anything not given keeps its documented default.")]
    public ModelParameters Parameters { get; init; } = new();
    [Description("Changes to vendor profiles of the world's vendors file, by vendor id, e.g. \"huawei\": { \"price\": 0.7 }; unset fields keep the file's values.")]
    public Dictionary<string, VendorOverride> Vendors { get; init; } = [];
    [Identifier]
    [Description("Named groups of countries usable as policy targets, e.g. \"EAST_AFRICA\": [\"KEN\", \"UGA\"].")]
    public Dictionary<string, List<string>> Groups { get; init; } = [];
    [Description("Parameters the calibrate command may fit, each with its bounds.")]
    public List<FreeParameter> Calibration { get; init; } = [];
    [Description("Parameters whose values are assumptions, each with a defensible range and the reason for it; the sensitivity command varies them.")]
    public List<FreeParameter> Uncertain { get; init; } = [];
    [Description("Policies in force over the horizon, each with its own window.")]
    public List<PolicySpec> Policies { get; init; } = [];
    [Description("How reports present the results, e.g. which country groups they lead with.")]
    public ReportSettings Report { get; init; } = new();
}

/// <summary>Presentation choices for report.html; they change no result.</summary>
public sealed record ReportSettings
{
    [Description("Country groups the report's group tables lead with (after those the policies target), e.g. [\"EAST_AFRICA\", \"BRI\"]: a region code, EU, NATO, BRI, income:low, regime:0 or a group of this scenario.")]
    public List<string> Groups { get; init; } = [];
}

/// <summary>A parameter the calibrate command may fit, or the sensitivity command vary, within bounds.</summary>
public sealed record FreeParameter
{
    [Description("JSON path of a number in this scenario, e.g. \"$.parameters.adoption.innovation\".")]
    [Required] // in the file: the shape check names a missing one (not C#'s `required`, which would stop at the first)
    public string Path { get; init; } = "";
    [Required]
    [Range(-1e15, 1e15)]
    [Description("Lowest value the fit may use.")]
    public double Min { get; init; }
    [Required]
    [Range(-1e15, 1e15)]
    [Description("Highest value the fit may use.")]
    public double Max { get; init; }
    [Description("Why these bounds: the evidence or argument behind the range.")]
    public string? Reason { get; init; }
}

/// <summary>Where the world data lives, relative to the scenario file.</summary>
public sealed record WorldFiles
{
    [Description("Country table (CSV), relative to the scenario file.")]
    public string Countries { get; init; } = "world/countries.csv";
    [Description("Vendor profiles (JSON), relative to the scenario file.")]
    public string Vendors { get; init; } = "world/vendors.json";
}

/// <summary>Countries and vendors a policy applies to: ISO3 codes, vendor ids, home states or group names.</summary>
public sealed record PolicyTargets
{
    [Description("ISO3 codes or groups: EU, NATO, BRI, FIVE_EYES, World Bank regions (EAS, ECS, LCN, MEA, NAC, SAS, SSF), income:low..income:high, regime:0..regime:3, or the scenario's own groups.")]
    public List<string> Countries { get; init; } = [];
    [Description("Vendor ids (e.g. huawei) or home states (ISO3, e.g. CHN) standing for all their vendors.")]
    public List<string> Vendors { get; init; } = [];
}
