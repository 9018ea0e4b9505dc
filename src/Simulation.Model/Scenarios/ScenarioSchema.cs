using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Simulation.Model.Scenarios;

/// <summary>
/// The JSON Schema of scenario files, generated from the C# scenario types (System.Text.Json's schema exporter):
/// every property with its [Description], unknown properties disallowed, defaults from the types. Editors such as
/// VS Code use it for completion and inline errors; scenarios/scenario.schema.json is this output, checked by a test.
/// </summary>
public static class ScenarioSchema
{
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
                if (context.TypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
                    schema["additionalProperties"] = false;
                return schema;
            },
        };
        var root = JsonSchemaExporter.GetJsonSchemaAsNode(ScenarioLoader.Options, typeof(Scenario), exporter).AsObject();
        root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        root.Insert(1, "title", "AI-surveillance diffusion scenario");
        root.Insert(2, "description", "A scenario for the simulator: world, horizon, parameters and policies. See docs/model.md.");
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
