using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Simulation.Model.World;

namespace Simulation.Model.Parameters;

// Every number here is documented in docs/model.md (parameter table) with its source or "assumption", and has one
// declared [Range] (applied by DeclaredRules, exported to the JSON Schema, listed in the table; a test keeps them in step).
// Scenario files override any of them under "parameters"; unspecified ones keep these defaults.

/// <summary>All tunable model parameters, grouped as in the model spec.</summary>
public sealed record ModelParameters
{
    [Description("First adoption: the Bass hazard and what raises or lowers demand.")]
    public AdoptionParameters Adoption { get; init; } = new();
    [Description("How far a country builds out a capability after adopting it.")]
    public CoverageParameters Coverage { get; init; } = new();
    [Description("Contract terms and costs.")]
    public ContractParameters Contracts { get; init; } = new();
    [Description("Utility weights of the multinomial-logit vendor choice.")]
    public ChoiceParameters Choice { get; init; } = new();
    [Description("Vendor learning, experience curve and capacity.")]
    public VendorParameters Vendors { get; init; } = new();
    [Description("Unrest and privacy-pressure dynamics.")]
    public CountryDynamics Dynamics { get; init; } = new();
    [Description("Defaults of the policy levers.")]
    public PolicyParameters Policies { get; init; } = new();
}

/// <summary>Defaults of the policy levers.</summary>
public sealed record PolicyParameters
{
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    [Description("Years for domestic substitutes to halve a component embargo's loss of quality and capacity.")]
    public double SubstitutionHalfLifeYears { get; init; } = 2.0;
}

/// <summary>First adoption: Bass hazard h = 1 − exp(−Δt (p + q·peers) · demand).</summary>
public sealed record AdoptionParameters
{
    [Range(0.0, 1.0)]
    [Description("Bass innovation coefficient p, per year.")]
    public double Innovation { get; init; } = 0.0033;
    [Range(0.0, 5.0)]
    [Description("Bass imitation coefficient q, per year.")]
    public double Imitation { get; init; } = 0.22;
    [Range(0.0, 10.0)]
    [Description("Weight of the country's World Bank region in its peer share.")]
    public double RegionWeight { get; init; } = 1.0;
    [Range(0.0, 10.0)]
    [Description("Weight of each bloc (EU, NATO, BRI) the country belongs to in its peer share.")]
    public double BlocWeight { get; init; } = 0.5;
    [Range(-10.0, 10.0), Length(Capabilities.Count, Capabilities.Count)]
    [Description("Log-demand offset per capability (safe_city, facial_recognition, smart_policing).")]
    public double[] CapabilityOffset { get; init; } = [0.0, 0.1, -0.1];
    [Range(-10.0, 10.0)]
    [Description("Log-demand when the country already uses another capability (capabilities come bundled: Carnegie's 75 adopting countries use 2.3 of the 3 capabilities on average).")]
    public double CrossCapability { get; init; } = 2.3;
    [Range(-10.0, 10.0), Length(4, 4)]
    [Description("Log-demand by V-Dem Regimes of the World class (closed autocracy, electoral autocracy, electoral democracy, liberal democracy): one number per class, not a linear score.")]
    public double[] RegimeDemand { get; init; } = [0.0, 0.0, 0.0, 0.0];
    [Range(-10.0, 10.0)]
    [Description("Log-demand per unit of ln(military spending / USD 1 bn): the security budget that buys surveillance (Carnegie 2019: 40 of the top 50 military spenders use AI surveillance).")]
    public double MilitarySpending { get; init; } = 0.35;
    [Range(-10.0, 10.0)]
    [Description("Log-demand per unit of ln(1 + cities of 300,000+): more cities, more procurement units for safe-city deals.")]
    public double Cities { get; init; } = 0.2;
    [Range(-10.0, 10.0)]
    [Description("Log-demand per unit of ln(homicide rate / homicideReference): crime raises demand for policing technology (Greitens 2020).")]
    public double Crime { get; init; } = 0.1;
    [Range(-10.0, 10.0)]
    [Description("Log-demand per unit of ln(1 + Chinese official finance 2000–2017 as % of GDP): the PRC's engagement brings safe-city offers and loans (AidData GCDF; Greitens 2020).")]
    public double ChineseFinance { get; init; } = 0.2;
    [Range(-10.0, 10.0), Length(4, 4)]
    [Description("Log-demand per unit of unrest, by regime class (closed autocracy .. liberal democracy): unrest raises demand in autocracies and weak democracies, not in liberal democracies (Beraja, Kao, Yang & Yuchtman 2023).")]
    public double[] UnrestByRegime { get; init; } = [0.5, 0.5, 0.5, 0.0];
    [Range(0.0, 10.0)]
    [Description("Log-demand per unit of ln(incomeReferenceUsd / GDP per capita), floored at 0, while a soft loan is open to the country: financing makes adoption affordable for poor countries.")]
    public double FinancedDemand { get; init; } = 0.5;
    [Range(-10.0, 10.0)]
    [Description("Log-demand per unit of ln(GDP per capita / incomeReferenceUsd).")]
    public double Income { get; init; } = 0.35;
    [Range(1000.0, 100000.0)]
    [Description("GDP per capita (USD) at which every income term is zero: the income term of demand, the poverty that soft loans relieve, a buyer's means and the income scaling of contract cost.")]
    public double IncomeReferenceUsd { get; init; } = 10_000;
    [Range(0.1, 100.0)]
    [Description("Homicide rate (per 100,000) at which the crime term of demand is zero: about the world rate (UNODC, Global Study on Homicide 2019: 6.1 in 2017).")]
    public double HomicideReference { get; init; } = 6.0;
    [Range(0.01, 10.0)]
    [Description("Lowest homicide rate (per 100,000) the crime term uses, so that ln stays finite for a reported 0.")]
    public double HomicideFloor { get; init; } = 0.1;
    [Range(-10.0, 10.0)]
    [Description("Log-demand per unit of privacy pressure (negative: concern delays adoption).")]
    public double Privacy { get; init; } = -0.5;
    [Range(1, 600)]
    [Description("Months an adoption decision waits for an acceptable bid before it lapses.")]
    public int TenderPatienceMonths { get; init; } = 24;
}

/// <summary>How far a country builds out a capability after adopting it (coverage = share of its population).</summary>
public sealed record CoverageParameters
{
    [Range(0.0, 1.0)]
    [Description("Target coverage of a liberal democracy of low income.")]
    public double TargetBase { get; init; } = 0.25;
    [Range(-1.0, 1.0)]
    [Description("Added to the target per unit of autocracy.")]
    public double TargetAutocracy { get; init; } = 0.35;
    [Range(-1.0, 1.0)]
    [Description("Added to the target per income level (0 low .. 3 high).")]
    public double TargetPerIncomeLevel { get; init; } = 0.08;
    [Range(0.0, 1.0)]
    [Description("Lowest coverage target, whatever the regime and income (the target formula can fall below it only for a negative targetBase).")]
    public double TargetMin { get; init; } = 0.05;
    [Range(0.0, 1.0)]
    [Description("First contract's scope as a share of the target.")]
    public double InitialScope { get; init; } = 0.3;
    [Range(0.0, 12.0)]
    [Description("Rate (per year) of an expansion tender while coverage is below target.")]
    public double ExpansionRate { get; init; } = 0.35;
    [Range(0.0, 1.0)]
    [Description("Expansion contract scope as a share of the target.")]
    public double ExpansionScope { get; init; } = 0.25;
}

/// <summary>Contract terms.</summary>
public sealed record ContractParameters
{
    [Range(1, 600)]
    [Description("Duration of a contract, months; at its end the country re-tenders.")]
    public int DurationMonths { get; init; } = 60;
    [Range(0.0, 1000.0, MinimumIsExclusive = true), Length(Capabilities.Count, Capabilities.Count)]
    [Description("Full-price cost per person covered, USD, per capability (safe_city, facial_recognition, smart_policing).")]
    public double[] CostPerPersonUsd { get; init; } = [12.0, 3.0, 3.0];
    [Range(-3.0, 3.0)]
    [Description("Elasticity of cost with GDP per capita (installation and services cost more in rich countries).")]
    public double CostIncomeElasticity { get; init; } = 0.3;
}

/// <summary>Multinomial-logit vendor choice with an outside option.</summary>
public sealed record ChoiceParameters
{
    [Range(-20.0, 20.0)]
    [Description("Utility per unit of ln(effective price / the country's means).")]
    public double Price { get; init; } = -1.5;
    [Range(-20.0, 20.0)]
    [Description("Utility per unit of quality (0..1).")]
    public double Quality { get; init; } = 3.0;
    [Range(-20.0, 20.0)]
    [Description("Utility per unit of alignment with the vendor's home state (1 − 2 × UN General Assembly ideal-point distance, −1..1).")]
    public double Alignment { get; init; } = 1.5;
    [Range(-20.0, 20.0)]
    [Description("Utility of a vendor whose home state is a treaty ally of the buyer (NATO, EU, US, Russian and Chinese treaties).")]
    public double Alliance { get; init; } = 0.5;
    [Range(-20.0, 20.0)]
    [Description("Utility per unit of rivalry (voting distance between non-allies) for a vendor whose home government can compel access to the data, at full security salience.")]
    public double Rivalry { get; init; } = -4.0;
    [Range(0.0, 1.0), Length(Capabilities.Count, Capabilities.Count)]
    [Description("Share of the rivalry penalty by capability (safe_city, facial_recognition, smart_policing): platforms that hold the state's data carry it fully, camera and face-recognition hardware less.")]
    public double[] RivalryByCapability { get; init; } = [1.0, 0.3, 1.0];
    [Range(0.0, 1.0)]
    [Description("Security salience of a rival's data access before the security debates of 2018–2019 (share of its later level).")]
    public double SalienceBeforeDebate { get; init; } = 0.25;
    [Range(1990.0, 2100.0)]
    [Description("Year the security debates on Chinese suppliers began (salience starts rising).")]
    public double SecurityDebateFrom { get; init; } = 2018.0;
    [Range(1990.0, 2100.0)]
    [Description("Year by which salience reached its full level (5G and Huawei debates in the EU, Australia, Japan, the USA).")]
    public double SecurityDebateTo { get; init; } = 2020.0;
    [Range(-5.0, 5.0)]
    [Description("Utility per unit of ln(distance / 1,000 km) between the buyer and the vendor's home state (gravity: an origin's odds scale as distance^w, so w < 0 favours nearer origins; Disdier & Head 2008 put trade's at about −0.9).")]
    public double Distance { get; init; } = 0.0;
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    [Description("Nested logit by vendor home state: similarity of brands within one origin, 0..1 (1 = plain logit; small = a new brand barely adds to its origin's share).")]
    public double NestSimilarity { get; init; } = 0.5;
    [Range(-20.0, 20.0)]
    [Description("Utility of a Chinese vendor per unit of ln(1 + Chinese official finance 2000–2017 as % of the buyer's GDP): countries strategically important to the PRC lean to Chinese platforms (Greitens 2020; AidData GCDF).")]
    public double ChineseFinance { get; init; } = 0.2;
    [Range(-20.0, 20.0)]
    [Description("Utility per unit of unrest for a vendor whose home state is an autocracy (does not constrain surveillance use), in buyers that are not liberal democracies (Beraja et al. 2023).")]
    public double UnrestAutocraticVendor { get; init; } = 0.5;
    [Range(-20.0, 20.0)]
    [Description("Utility of the incumbent for this capability (switching cost).")]
    public double Incumbent { get; init; } = 1.5;
    [Range(-20.0, 20.0)]
    [Description("Utility of a vendor already serving the country in another capability.")]
    public double Relationship { get; init; } = 0.5;
    [Range(-20.0, 20.0)]
    [Description("Utility per unit of (foreign data access × privacy pressure), for a vendor whose home state is not a treaty ally of the buyer.")]
    public double DataAccess { get; init; } = -0.8;
    [Range(-20.0, 20.0)]
    [Description("Utility penalty in democracies for a vendor under sanctions (times democracy = regime/3).")]
    public double Reputation { get; init; } = -1.0;
    [Range(-20.0, 20.0)]
    [Description("Utility of the outside option (no deal this tick).")]
    public double Outside { get; init; } = 0.0;
    [Range(0.0, 3.0)]
    [Description("Elasticity of a country's means with GDP per capita (means = (GDP pc / adoption.incomeReferenceUsd)^e).")]
    public double MeansElasticity { get; init; } = 0.5;
}

/// <summary>Vendor learning, experience curve and capacity.</summary>
public sealed record VendorParameters
{
    [Range(0.0, 5.0)]
    [Description("Learning elasticity of quality: 1 − q = (1 − q0)(1 + E/E0)^(−λ).")]
    public double LearningElasticity { get; init; } = 0.15;
    [Range(0.0, 1000.0, MinimumIsExclusive = true)]
    [Description("Experience scale E0, coverage units.")]
    public double ExperienceScale { get; init; } = 1.0;
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    [Description("Wright's-law progress ratio: price falls to this share with each doubling of experience.")]
    public double ProgressRatio { get; init; } = 0.9;
    [Range(0.0, 1.0)]
    [Description("Lowest price as a share of the entry price.")]
    public double PriceFloor { get; init; } = 0.5;
    [Range(-0.5, 1.0)]
    [Description("Yearly growth of a vendor's contract capacity.")]
    public double CapacityGrowth { get; init; } = 0.05;
    [Range(0.0, 10.0)]
    [Description("Contracts a year a vendor adds to its capacity for each award it refused for lack of capacity (supply follows the backlog).")]
    public double CapacityResponse { get; init; } = 0.25;
    [Description("Whether the home market's exogenous build-out feeds vendor experience.")]
    public bool HomeMarketExperience { get; init; } = true;
    [Range(0.0, 10.0)]
    [Description("Weight of one home-market coverage unit relative to one exported unit.")]
    public double HomeMarketWeight { get; init; } = 0.5;
}

/// <summary>Country dynamics: unrest and privacy pressure.</summary>
public sealed record CountryDynamics
{
    [Range(0.0, 52.0, MinimumIsExclusive = true)]
    [Description("Mean-reversion rate of unrest, per year (Ornstein–Uhlenbeck θ).")]
    public double UnrestReversion { get; init; } = 1.0;
    [Range(0.0, 10.0)]
    [Description("Volatility of unrest, per √year (OU σ).")]
    public double UnrestVolatility { get; init; } = 0.5;
    [Range(0.0, 10.0), Length(Regime.Count, Regime.Count)]
    [Description("Baseline privacy pressure by regime (closed autocracy .. liberal democracy).")]
    public double[] PrivacyByRegime { get; init; } = [0.1, 0.3, 0.6, 1.0];
    [Range(0.0, 10.0)]
    [Description("Privacy pressure added per unit of mean coverage (deployments raise concern).")]
    public double PrivacyFromCoverage { get; init; } = 0.5;
}
