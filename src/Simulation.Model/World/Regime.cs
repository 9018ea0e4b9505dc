namespace Simulation.Model.World;

/// <summary>V-Dem Regimes of the World classes (Lührmann et al. 2018), as coded in the world data.</summary>
public static class Regime
{
    public const int ClosedAutocracy = 0, ElectoralAutocracy = 1, ElectoralDemocracy = 2, LiberalDemocracy = 3;
    public const int Count = 4;

    public static string Label(int regime) => regime switch
    {
        0 => "Closed autocracy",
        1 => "Electoral autocracy",
        2 => "Electoral democracy",
        3 => "Liberal democracy",
        _ => throw new ArgumentOutOfRangeException(nameof(regime)),
    };

    /// <summary>0 for a liberal democracy, 1 for a closed autocracy: how autocratic the regime is.</summary>
    public static double Autocracy(int regime) => (3 - regime) / 3.0;

    public static bool IsDemocracy(int regime) => regime >= ElectoralDemocracy;
}
