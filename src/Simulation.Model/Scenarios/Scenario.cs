using System.Text.Json.Serialization;

namespace Simulation.Model.Scenarios;

/// <summary>A scenario file: the world, the horizon, the parameters and the policies of one experiment.</summary>
public sealed record Scenario
{
    /// <summary>Editor hint: path of the JSON schema. Ignored by the model.</summary>
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    /// <summary>Short name; names the output folder and the legend entries.</summary>
    public string Name { get; init; } = "";
    /// <summary>What the scenario models and why, with the real events and dates it follows.</summary>
    public string Description { get; init; } = "";
    /// <summary>Master seed of every random stream.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>Replicates to run unless the command line says otherwise.</summary>
    public int Replicates { get; init; } = 100;
    /// <summary>First month simulated, "YYYY-MM".</summary>
    public string Start { get; init; } = "2008-01";
    /// <summary>Last month simulated, "YYYY-MM".</summary>
    public string End { get; init; } = "2040-12";
    /// <summary>Tick length: "month", "quarter" or "year".</summary>
    public string Tick { get; init; } = "month";
    /// <summary>World data files, relative to the scenario file.</summary>
    public WorldFiles World { get; init; } = new();
    /// <summary>Model parameters; anything not given keeps its documented default.</summary>
    public ModelParameters Parameters { get; init; } = new();
    /// <summary>Named groups of countries usable as policy targets, e.g. "EAST_AFRICA": ["KEN", "UGA"].</summary>
    public Dictionary<string, List<string>> Groups { get; init; } = [];
    /// <summary>Policies in force over the horizon, each with its own window.</summary>
    public List<PolicySpec> Policies { get; init; } = [];
}

/// <summary>Where the world data lives, relative to the scenario file.</summary>
public sealed record WorldFiles
{
    public string Countries { get; init; } = "world/countries.csv";
    public string Vendors { get; init; } = "world/vendors.json";
}

/// <summary>Countries and vendors a policy applies to: ISO3 codes, vendor ids, home states or group names.</summary>
public sealed record PolicyTargets
{
    public List<string> Countries { get; init; } = [];
    public List<string> Vendors { get; init; } = [];
}

/// <summary>One policy lever with its window. Which fields apply depends on <see cref="Type"/> (docs/model.md).</summary>
public sealed record PolicySpec
{
    public string Id { get; init; } = "";
    /// <summary>sanction, importBan, technologyBan, exportControl, financing, dataLocalization or shock.</summary>
    public string Type { get; init; } = "";
    /// <summary>First month in force, "YYYY-MM".</summary>
    public string From { get; init; } = "";
    /// <summary>First month no longer in force, "YYYY-MM"; absent = until the horizon.</summary>
    public string? Until { get; init; }
    public PolicyTargets Targets { get; init; } = new();
    /// <summary>Imposing or financing state (ISO3).</summary>
    public string? Imposer { get; init; }
    /// <summary>Countries or groups that follow a sanction's market ban.</summary>
    public List<string> Followers { get; init; } = [];
    public List<string> Capabilities { get; init; } = [];
    public bool ComponentEmbargo { get; init; } = true;
    public bool MarketBan { get; init; } = true;
    public bool Reputation { get; init; } = true;
    public double? RipAndReplaceYears { get; init; }
    public double DecommissionShare { get; init; }
    public double Discount { get; init; }
    public double BudgetUsdPerYear { get; init; }
    public double Premium { get; init; }
    public double Unrest { get; init; }
    public double Privacy { get; init; }
}
