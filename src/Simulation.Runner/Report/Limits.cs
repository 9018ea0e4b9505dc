namespace Simulation.Runner.Report;

/// <summary>The "what this model cannot tell you" box: a short form of docs/model.md §8, shown in every report.</summary>
public static class Limits
{
    public static readonly IReadOnlyList<string> Points =
    [
        "How intrusive surveillance is: a country counts as adopting with one active contract, as in the Carnegie index; coverage is an abstract share of the population, not cameras or data.",
        "Domestic politics: regime, GDP and population stay at their 2019 values; there are no elections, courts, campaigns or scandals, and unrest is a random process with no data behind it.",
        "Vendor quality, prices and capacity measured from data: they are judgement calls anchored on sparse evidence (scenarios/world/VENDORS.md); no named vendor's is fitted, though seven keep the values an earlier calibration gave them, and the quality of the other US suppliers (the US fringe) is set by a scan against the 2019 counts.",
        "The path before and after 2019: the model was calibrated to one cross-section (Carnegie, September 2019; CSIS, November 2019); its timing and its future are not tested against data, and it misses or only just meets some 2019 figures: Huawei's safe-city platform is in 29 countries abroad against CSIS's 52 (its reach in any capability is about right, 46 against Carnegie's 50); Huawei's share of safe-city agreements in Asia or Sub-Saharan Africa is 53 % against 59 % (50–54 % on other seeds, near the edge of the tolerance); US vendors reach 29–31 countries against 32, near the edge of theirs; Cisco is a country low (5 against 6); the Belt and Road share of countries with Chinese vendors (about 83 %) can only be checked as a bound on the 2023 list at hand (at least 57 %), which tests it only weakly.",
        "How strong a policy really is: embargo substitution, loan discounts and the equipment a ban switches off are assumptions; read policy scenarios as \"what if it works like this\".",
        "Uncertainty about the parameters: the bands show chance given these parameters, not what other plausible parameters would give, and most of their width is whether adoption spreads early or late between countries of a region or bloc in a replicate as a whole, not which countries adopt; other vendor-choice weights fit the other 2019 figures better but put Huawei in 37 to 39.5 countries, not 50 (docs/model.md §6.1); Belt and Road membership is a 2023 list applied from 2008.",
    ];

    public static void AddTo(HtmlReport report) =>
        report.Box("What this model cannot tell you", Points, "From docs/model.md §8, which says more.");
}
