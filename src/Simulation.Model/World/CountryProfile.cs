namespace Simulation.Model.World;

/// <summary>
/// The static profile of a country (world data, reference year 2019). Imputed values are listed in
/// <see cref="Imputed"/> so every gap in the sources stays visible.
/// </summary>
public sealed record CountryProfile(
    string Iso3,
    string Name,
    string Region,
    string IncomeGroup,
    double Population,
    double GdpPerCapitaUsd,
    int Regime,
    bool Eu,
    bool Nato,
    bool Bri,
    double Lat,
    double Lon,
    IReadOnlyList<string> Imputed)
{
    public bool IsDemocracy => World.Regime.IsDemocracy(Regime);
    public double Autocracy => World.Regime.Autocracy(Regime);

    /// <summary>Income group as 0 (low) .. 3 (high).</summary>
    public int IncomeLevel => IncomeGroup switch
    {
        "Low" => 0,
        "Lower middle" => 1,
        "Upper middle" => 2,
        "High" => 3,
        _ => throw new InvalidOperationException($"{Iso3}: unknown income group '{IncomeGroup}'"),
    };
}
