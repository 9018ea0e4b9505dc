using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulation.Scenarios;

/// <summary>
/// How every JSON input file (scenarios, the vendors file) is read: camelCase, unknown members are errors, comments and
/// trailing commas allowed, a policy's "type" in any position; written indented without nulls.
/// </summary>
public static class InputJson
{
    public const int MaxDepth = 32;

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowOutOfOrderMetadataProperties = true, // a policy's "type" may come after its other fields
        MaxDepth = MaxDepth,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}
