using System.Collections.Immutable;

namespace Simulation.Model.World;

/// <summary>The three capability categories of the Carnegie AI Global Surveillance Index.</summary>
public enum Capability { SafeCity = 0, FacialRecognition = 1, SmartPolicing = 2 }

public static class Capabilities
{
    public const int Count = 3;

    /// <summary>An ImmutableArray, whose foreach needs no enumerator object: agents loop over it every tick.</summary>
    public static readonly ImmutableArray<Capability> All = [Capability.SafeCity, Capability.FacialRecognition, Capability.SmartPolicing];

    /// <summary>The id used in scenario files, CSV columns and plots.</summary>
    public static string Id(this Capability c) => c switch
    {
        Capability.SafeCity => "safe_city",
        Capability.FacialRecognition => "facial_recognition",
        Capability.SmartPolicing => "smart_policing",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static string Label(this Capability c) => c switch
    {
        Capability.SafeCity => "Safe city",
        Capability.FacialRecognition => "Facial recognition",
        Capability.SmartPolicing => "Smart policing",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static readonly IReadOnlyList<string> Ids = All.Select(Id).ToArray();

    public static bool TryParse(string id, out Capability capability)
    {
        for (var i = 0; i < Count; i++)
            if (All[i].Id() == id) { capability = All[i]; return true; }
        capability = default;
        return false;
    }
}
