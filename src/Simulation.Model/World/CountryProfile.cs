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
    /// <summary>Size, security budget, crime and UN voting (covariates.csv), attached by <see cref="CovariateDerivation"/>.</summary>
    public CountryCovariates Covariates { get; init; } = CountryCovariates.None;

    /// <summary>Freedom House 2019 status ("Free", "Partly Free", "Not Free"), for comparisons with CSIS's profile.</summary>
    public string FreedomHouse { get; init; } = "";

    /// <summary>UN M49 subregion (e.g. "Central Asia"), for comparisons with sources that group countries that way.</summary>
    public string Subregion { get; init; } = "";

    public bool IsDemocracy => World.Regime.IsDemocracy(Regime);

    /// <summary>ln(1 + Chinese official finance 2000–2017 as % of 2018 GDP): how much the PRC has invested in the country.</summary>
    public double ChineseFinanceIndex => Math.Log(1 + 100 * Covariates.ChineseFinanceUsd / Math.Max(1, GdpPerCapitaUsd * Population));
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
