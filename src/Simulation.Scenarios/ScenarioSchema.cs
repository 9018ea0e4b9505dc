using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Simulation.Scenarios;

/// <summary>
/// The JSON Schema of scenario files, generated from the C# scenario types (System.Text.Json's schema exporter):
/// every property with its [Description], unknown properties disallowed, defaults from the types. Editors such as
/// VS Code use it for completion and inline errors; scenarios/scenario.schema.json is this output, checked by a test.
/// </summary>
public static class ScenarioSchema
{
    /// <summary>The declared rules (<see cref="DeclaredRules"/>) as JSON Schema keywords, on the value or its items.</summary>
    private static void AddDeclaredRules(JsonObject schema, ICustomAttributeProvider attributes, Type type)
    {
        T? Get<T>() where T : Attribute => attributes.GetCustomAttributes(typeof(T), false).OfType<T>().FirstOrDefault();
        var isMap = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>);
        var isList = type.IsArray || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);
        var values = isMap ? schema["additionalProperties"] as JsonObject : isList ? schema["items"] as JsonObject : schema;
        if (Get<RangeAttribute>() is { } range && values != null)
        {
            var (min, max) = DeclaredRules.Bounds(range);
            values[range.MinimumIsExclusive ? "exclusiveMinimum" : "minimum"] = Number(min);
            values[range.MaximumIsExclusive ? "exclusiveMaximum" : "maximum"] = Number(max);
        }
        if (Get<LengthAttribute>() is { } length)
        {
            schema["minItems"] = length.MinimumLength;
            schema["maxItems"] = length.MaximumLength;
        }
        var words = isMap ? (JsonObject)(schema["propertyNames"] = new JsonObject()) : values;
        if (Get<OneOfAttribute>() is { } oneOf && words != null) words["enum"] = new JsonArray([.. oneOf.Values.Select(v => JsonValue.Create(v))]);
        if (Get<IdentifierAttribute>() != null && words != null)
        {
            words["pattern"] = IdentifierAttribute.Pattern;
            words["maxLength"] = IdentifierAttribute.MaxLength;
        }
        if (isMap && words is { Count: 0 }) schema.Remove("propertyNames");
    }

    /// <summary>Whole bounds print as integers (1, not 1.0), the way the schema's readers expect for integer fields.</summary>
    private static JsonNode Number(double x) =>
        x == Math.Floor(x) && Math.Abs(x) < 1e15 ? JsonValue.Create((long)x) : x >= ulong.MaxValue ? JsonValue.Create(ulong.MaxValue) : JsonValue.Create(x);

    public static string Generate()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                if (node is not JsonObject schema) return node;
                var description = context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), false)
                    .OfType<DescriptionAttribute>().FirstOrDefault()?.Description
                    ?? context.TypeInfo.Type.GetCustomAttribute<DescriptionAttribute>()?.Description;
                if (description != null) schema.Insert(0, "description", description);
                if (schema["anyOf"] is JsonArray variants) // a policy: one branch per "type", each closed; none without a type
                    foreach (var untyped in variants.Where(v => v?["properties"]?[PolicySpec.TypeProperty] is null).ToArray()) variants.Remove(untyped);
                else if (context.TypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
                {
                    schema["additionalProperties"] = false;
                    var required = context.TypeInfo.Properties
                        .Where(p => p.AttributeProvider?.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), false) == true)
                        .Select(p => (JsonNode)p.Name).ToArray();
                    if (required.Length > 0) schema["required"] = new JsonArray(required);
                }
                if (context.PropertyInfo?.AttributeProvider is { } attributes) AddDeclaredRules(schema, attributes, context.TypeInfo.Type);
                return schema;
            },
        };
        var root = JsonSchemaExporter.GetJsonSchemaAsNode(InputJson.Options, typeof(Scenario), exporter).AsObject();
        root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        root.Insert(1, "title", "AI-surveillance diffusion scenario");
        root.Insert(2, "description", "A scenario for the simulator: world, horizon, parameters and policies. See docs/model.md.");
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
