using System.Text.Json;
using Orleans.Serialization;
using Simulation.Model.Setup;

namespace Simulation.Abstractions;

/// <summary>
/// Model records cross silo boundaries through Orleans' System.Text.Json codec, so the model core needs no Orleans
/// attributes. JSON writes doubles in shortest round-trip form, so a value arrives bit-identical on another silo.
/// Same-silo calls wrap payloads in Immutable&lt;T&gt; and are never copied.
/// </summary>
public static class ModelCodec
{
    private static readonly System.Reflection.Assembly ModelAssembly = typeof(RunPlan).Assembly;

    public static ISerializerBuilder AddModelCodec(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(IsModelType, new JsonSerializerOptions { IncludeFields = false });

    private static bool IsModelType(Type type) => type.Assembly == ModelAssembly;
}
