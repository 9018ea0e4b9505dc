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

/// <summary>One policy lever with its window. Which fields apply depends on <see cref="Type"/> (docs/model.md §7).</summary>
public sealed record PolicySpec
{
    /// <summary>Unique name of the policy; labels it on plots.</summary>
    public string Id { get; init; } = "";
    /// <summary>sanction, importBan, technologyBan, exportControl, financing, dataLocalization or shock.</summary>
    public string Type { get; init; } = "";
    /// <summary>What the policy stands for, with its real-world source.</summary>
    public string? Description { get; init; }
    /// <summary>First month in force, "YYYY-MM".</summary>
    public string From { get; init; } = "";
    /// <summary>First month no longer in force, "YYYY-MM"; absent = until the horizon.</summary>
    public string? Until { get; init; }
    /// <summary>Countries (ISO3 or groups) and vendors (ids or home states) the policy applies to.</summary>
    public PolicyTargets Targets { get; init; } = new();
    /// <summary>sanction: the listing state; exportControl and financing: the state whose vendors are controlled or financed.</summary>
    public string? Imposer { get; init; }
    /// <summary>sanction: countries or groups that join the imposer's market ban.</summary>
    public List<string> Followers { get; init; } = [];
    /// <summary>importBan, technologyBan: capabilities covered (empty = all, for importBan only).</summary>
    public List<string> Capabilities { get; init; } = [];
    /// <summary>sanction: cut the vendor's access to the imposer's components (quality and capacity drop by its dependence).</summary>
    public bool ComponentEmbargo { get; init; } = true;
    /// <summary>sanction: the imposer and followers sign no new contracts with the listed vendors.</summary>
    public bool MarketBan { get; init; } = true;
    /// <summary>sanction: democracies see the listing as a reputation cost when choosing vendors.</summary>
    public bool Reputation { get; init; } = true;
    /// <summary>sanction: years for domestic substitutes to halve the embargo's effect (default: parameters.policies.substitutionHalfLifeYears).</summary>
    public double? SubstitutionHalfLifeYears { get; init; }
    /// <summary>importBan: remove installed equipment of the listed vendors linearly over this many years and re-tender it.</summary>
    public double? RipAndReplaceYears { get; init; }
    /// <summary>technologyBan: share (0..1) of the existing installed base switched off when the ban starts.</summary>
    public double DecommissionShare { get; init; }
    /// <summary>financing: price discount (0..1) the financed vendors can offer eligible countries.</summary>
    public double Discount { get; init; }
    /// <summary>financing: yearly budget in USD (discount × contract value is spent from it); 0 = unlimited.</summary>
    public double BudgetUsdPerYear { get; init; }
    /// <summary>dataLocalization: price premium (0..1) for keeping data in the country.</summary>
    public double Premium { get; init; } = 0.1;
    /// <summary>shock: added to unrest (standard deviations of the unrest process) while in force.</summary>
    public double Unrest { get; init; }
    /// <summary>shock: added to privacy pressure while in force.</summary>
    public double Privacy { get; init; }
}
