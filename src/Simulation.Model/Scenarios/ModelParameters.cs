namespace Simulation.Model.Scenarios;

// Every number here is documented in docs/model.md (parameter table) with its source or "assumption".
// Scenario files override any of them under "parameters"; unspecified ones keep these defaults.

/// <summary>All tunable model parameters, grouped as in the model spec.</summary>
public sealed record ModelParameters
{
    public AdoptionParameters Adoption { get; init; } = new();
    public CoverageParameters Coverage { get; init; } = new();
    public ContractParameters Contracts { get; init; } = new();
    public ChoiceParameters Choice { get; init; } = new();
    public VendorParameters Vendors { get; init; } = new();
    public CountryDynamics Dynamics { get; init; } = new();
    public PolicyParameters Policies { get; init; } = new();
}

/// <summary>Defaults of the policy levers.</summary>
public sealed record PolicyParameters
{
    /// <summary>Years for domestic substitutes to halve a component embargo's loss of quality and capacity.</summary>
    public double SubstitutionHalfLifeYears { get; init; } = 2.0;
}

/// <summary>First adoption: Bass hazard h = 1 − exp(−Δt (p + q·peers) · demand).</summary>
public sealed record AdoptionParameters
{
    /// <summary>Bass innovation coefficient p, per year.</summary>
    public double Innovation { get; init; } = 0.0033;
    /// <summary>Bass imitation coefficient q, per year.</summary>
    public double Imitation { get; init; } = 0.22;
    /// <summary>Weight of the country's World Bank region in its peer share.</summary>
    public double RegionWeight { get; init; } = 1.0;
    /// <summary>Weight of each bloc (EU, NATO, BRI) the country belongs to in its peer share.</summary>
    public double BlocWeight { get; init; } = 0.5;
    /// <summary>Log-demand offset per capability (safe_city, facial_recognition, smart_policing).</summary>
    public double[] CapabilityOffset { get; init; } = [0.0, 0.1, -0.1];
    /// <summary>Log-demand when the country already uses another capability (capabilities come bundled: Carnegie's
    /// 75 adopting countries use 2.3 of the 3 capabilities on average).</summary>
    public double CrossCapability { get; init; } = 2.3;
    /// <summary>Log-demand per unit of autocracy (0 liberal democracy .. 1 closed autocracy).</summary>
    public double Autocracy { get; init; } = 0.5;
    /// <summary>Log-demand per unit of unrest.</summary>
    public double Unrest { get; init; } = 0.4;
    /// <summary>Log-demand per unit of ln(GDP per capita / USD 10,000).</summary>
    public double Income { get; init; } = 0.35;
    /// <summary>Log-demand per unit of privacy pressure (negative: concern delays adoption).</summary>
    public double Privacy { get; init; } = -0.5;
    /// <summary>Months an adoption decision waits for an acceptable bid before it lapses.</summary>
    public int TenderPatienceMonths { get; init; } = 24;
}

/// <summary>How far a country builds out a capability after adopting it (coverage = share of its population).</summary>
public sealed record CoverageParameters
{
    /// <summary>Target coverage of a liberal democracy of low income.</summary>
    public double TargetBase { get; init; } = 0.25;
    /// <summary>Added to the target per unit of autocracy.</summary>
    public double TargetAutocracy { get; init; } = 0.35;
    /// <summary>Added to the target per income level (0 low .. 3 high).</summary>
    public double TargetPerIncomeLevel { get; init; } = 0.08;
    /// <summary>First contract's scope as a share of the target.</summary>
    public double InitialScope { get; init; } = 0.3;
    /// <summary>Rate (per year) of an expansion tender while coverage is below target.</summary>
    public double ExpansionRate { get; init; } = 0.35;
    /// <summary>Expansion contract scope as a share of the target.</summary>
    public double ExpansionScope { get; init; } = 0.25;
}

/// <summary>Contract terms.</summary>
public sealed record ContractParameters
{
    /// <summary>Duration of a contract, months; at its end the country re-tenders.</summary>
    public int DurationMonths { get; init; } = 60;
    /// <summary>Full-price cost per person covered, USD, per capability (safe_city, facial_recognition, smart_policing).</summary>
    public double[] CostPerPersonUsd { get; init; } = [12.0, 3.0, 3.0];
    /// <summary>Elasticity of cost with GDP per capita (installation and services cost more in rich countries).</summary>
    public double CostIncomeElasticity { get; init; } = 0.3;
}

/// <summary>Multinomial-logit vendor choice with an outside option.</summary>
public sealed record ChoiceParameters
{
    /// <summary>Utility per unit of ln(effective price / the country's means).</summary>
    public double Price { get; init; } = -1.5;
    /// <summary>Utility per unit of quality (0..1).</summary>
    public double Quality { get; init; } = 3.0;
    /// <summary>Utility per unit of geopolitical alignment (−1..1).</summary>
    public double Alignment { get; init; } = 1.5;
    /// <summary>Utility of the incumbent for this capability (switching cost).</summary>
    public double Incumbent { get; init; } = 1.5;
    /// <summary>Utility of a vendor already serving the country in another capability.</summary>
    public double Relationship { get; init; } = 0.5;
    /// <summary>Utility per unit of (foreign data access × privacy pressure).</summary>
    public double DataAccess { get; init; } = -0.8;
    /// <summary>Utility penalty in democracies for a vendor under sanctions (times democracy = regime/3).</summary>
    public double Reputation { get; init; } = -1.0;
    /// <summary>Utility of the outside option (no deal this tick).</summary>
    public double Outside { get; init; } = 0.0;
    /// <summary>Elasticity of a country's means with GDP per capita (means = (GDP pc / 10,000)^e).</summary>
    public double MeansElasticity { get; init; } = 0.5;
}

/// <summary>Vendor learning, experience curve and capacity.</summary>
public sealed record VendorParameters
{
    /// <summary>Learning elasticity of quality: 1 − q = (1 − q0)(1 + E/E0)^(−λ).</summary>
    public double LearningElasticity { get; init; } = 0.15;
    /// <summary>Experience scale E0, coverage units.</summary>
    public double ExperienceScale { get; init; } = 1.0;
    /// <summary>Wright's-law progress ratio: price falls to this share with each doubling of experience.</summary>
    public double ProgressRatio { get; init; } = 0.9;
    /// <summary>Lowest price as a share of the entry price.</summary>
    public double PriceFloor { get; init; } = 0.5;
    /// <summary>Yearly growth of a vendor's contract capacity.</summary>
    public double CapacityGrowth { get; init; } = 0.05;
    /// <summary>Whether the home market's exogenous build-out feeds vendor experience.</summary>
    public bool HomeMarketExperience { get; init; } = true;
    /// <summary>Weight of one home-market coverage unit relative to one exported unit.</summary>
    public double HomeMarketWeight { get; init; } = 0.5;
}

/// <summary>Country dynamics: unrest and privacy pressure.</summary>
public sealed record CountryDynamics
{
    /// <summary>Mean-reversion rate of unrest, per year (Ornstein–Uhlenbeck θ).</summary>
    public double UnrestReversion { get; init; } = 1.0;
    /// <summary>Volatility of unrest, per √year (OU σ).</summary>
    public double UnrestVolatility { get; init; } = 0.5;
    /// <summary>Baseline privacy pressure by regime (closed autocracy .. liberal democracy).</summary>
    public double[] PrivacyByRegime { get; init; } = [0.1, 0.3, 0.6, 1.0];
    /// <summary>Privacy pressure added per unit of mean coverage (deployments raise concern).</summary>
    public double PrivacyFromCoverage { get; init; } = 0.5;
}
