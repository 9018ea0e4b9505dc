using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Simulation.Scenarios;

/// <summary>
/// One policy lever with its window, as written in a scenario file. The JSON "type" picks the record, so each type
/// carries only its own fields (docs/model.md §7) and the schema lists them per type. A policy whose type is missing or
/// unknown reads as this base record; the validator has then already reported it, and nothing compiles it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = TypeProperty, IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)] // the shape check has reported what a policy of no known type holds
[JsonDerivedType(typeof(SanctionPolicy), "sanction")]
[JsonDerivedType(typeof(ImportBanPolicy), "importBan")]
[JsonDerivedType(typeof(TechnologyBanPolicy), "technologyBan")]
[JsonDerivedType(typeof(ExportControlPolicy), "exportControl")]
[JsonDerivedType(typeof(FinancingPolicy), "financing")]
[JsonDerivedType(typeof(DataLocalizationPolicy), "dataLocalization")]
[JsonDerivedType(typeof(ShockPolicy), "shock")]
public record PolicySpec
{
    public const string TypeProperty = "type";

    /// <summary>The JSON "type" of each policy record.</summary>
    public static readonly IReadOnlyDictionary<Type, string> TypeNames =
        typeof(PolicySpec).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false).Cast<JsonDerivedTypeAttribute>()
            .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The JSON "type" of this policy ("" when it was missing or unknown).</summary>
    [JsonIgnore] public string Type => TypeNames.GetValueOrDefault(GetType(), "");

    [Identifier]
    [Description("Unique name of the policy; labels it on plots.")]
    [JsonPropertyOrder(-1)] public string Id { get; init; } = "";
    [Description("What the policy stands for, with its real-world source.")]
    [JsonPropertyOrder(-1)] public string? Description { get; init; }
    [Description("First month in force, \"YYYY-MM\".")]
    [JsonPropertyOrder(-1)] public string From { get; init; } = "";
    [Description("First month no longer in force, \"YYYY-MM\"; absent = until the horizon.")]
    [JsonPropertyOrder(-1)] public string? Until { get; init; }
    [Description("Countries (ISO3 or groups) and vendors (ids or home states) the policy applies to.")]
    [JsonPropertyOrder(-1)] public PolicyTargets Targets { get; init; } = new();
}

/// <summary>A state lists vendors (the US Entity List): component embargo, market ban for it and its followers, reputation.</summary>
[Description("sanction: a state lists vendors (e.g. the US Entity List); targets.vendors are the listed vendors.")]
public sealed record SanctionPolicy : PolicySpec
{
    [Description("The listing state (ISO3).")]
    public string? Imposer { get; init; }
    [Description("Countries or groups that join the imposer's market ban.")]
    public List<string> Followers { get; init; } = [];
    [Description("Cut the vendor's access to the imposer's components (quality and capacity drop by its dependence).")]
    public bool ComponentEmbargo { get; init; } = true;
    [Description("The imposer and followers sign no new contracts with the listed vendors.")]
    public bool MarketBan { get; init; } = true;
    [Description("Democracies see the listing as a reputation cost when choosing vendors.")]
    public bool Reputation { get; init; } = true;
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    [Description("Years for domestic substitutes to halve the embargo's effect (default: parameters.policies.substitutionHalfLifeYears).")]
    public double? SubstitutionHalfLifeYears { get; init; }
}

/// <summary>Importing countries bar listed vendors (e.g. the UK's 2020 Huawei ban), optionally ripping out what is installed.</summary>
[Description("importBan: targets.countries sign no new contracts with targets.vendors.")]
public sealed record ImportBanPolicy : PolicySpec
{
    [OneOf("capability", "safe_city", "facial_recognition", "smart_policing")]
    [Description("Capabilities covered (empty = all).")]
    public List<string> Capabilities { get; init; } = [];
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    [Description("Remove installed equipment of the listed vendors linearly over this many years and re-tender it.")]
    public double? RipAndReplaceYears { get; init; }
}

/// <summary>Countries stop adopting a capability (a moratorium on facial recognition), switching part of it off.</summary>
[Description("technologyBan: targets.countries adopt no more of the listed capabilities.")]
public sealed record TechnologyBanPolicy : PolicySpec
{
    [OneOf("capability", "safe_city", "facial_recognition", "smart_policing")]
    [Description("Capabilities banned (at least one).")]
    public List<string> Capabilities { get; init; } = [];
    [Range(0.0, 1.0)]
    [Description("Share (0..1) of the existing installed base switched off when the ban starts.")]
    public double DecommissionShare { get; init; }
}

/// <summary>A state bars its vendors from selling to destinations (e.g. EU dual-use rules for regime:0..1).</summary>
[Description("exportControl: the imposer's vendors (or targets.vendors) may not sell to targets.countries.")]
public sealed record ExportControlPolicy : PolicySpec
{
    [Description("The state whose vendors are controlled (ISO3).")]
    public string? Imposer { get; init; }
}

/// <summary>A state subsidises its vendors' bids to eligible countries (e.g. Chinese Exim soft loans).</summary>
[Description("financing: the imposer's vendors (or targets.vendors) may offer targets.countries a discount paid from a budget.")]
public sealed record FinancingPolicy : PolicySpec
{
    [Description("The state whose vendors are financed (ISO3).")]
    public string? Imposer { get; init; }
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    [Description("Price discount (0..1) the financed vendors can offer eligible countries.")]
    public double Discount { get; init; }
    [Range(0.0, 1e13)]
    [Description("Yearly budget in USD (discount × contract value is spent from it); 0 = unlimited.")]
    public double BudgetUsdPerYear { get; init; }
}

/// <summary>Countries require data to stay in the country, which costs vendors a premium.</summary>
[Description("dataLocalization: targets.countries require data to stay in the country.")]
public sealed record DataLocalizationPolicy : PolicySpec
{
    [Range(0.0, 1.0)]
    [Description("Price premium (0..1) for keeping data in the country.")]
    public double Premium { get; init; } = 0.1;
}

/// <summary>A temporary push to unrest or privacy pressure (a protest wave, a scandal).</summary>
[Description("shock: adds to unrest or privacy pressure in targets.countries while in force.")]
public sealed record ShockPolicy : PolicySpec
{
    [Range(-10.0, 10.0)]
    [Description("Added to unrest (standard deviations of the unrest process) while in force.")]
    public double Unrest { get; init; }
    [Range(-10.0, 10.0)]
    [Description("Added to privacy pressure while in force.")]
    public double Privacy { get; init; }
}
