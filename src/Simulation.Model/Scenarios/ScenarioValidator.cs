using Simulation.Model.Engine;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Model.Scenarios;

/// <summary>Value checks on a deserialised scenario: ranges, dates, horizon, references to the world.</summary>
public static class ScenarioValidator
{
    /// <summary>Records a problem at a JSON path; <paramref name="at"/> overrides the path's position (e.g. a repeated key).</summary>
    public delegate void Report(string path, string message, (int Line, int Column)? at = null);

    /// <summary>Checks that need no world data; returns the calendar when the horizon is valid.</summary>
    public static Calendar? Check(Scenario s, Report problem)
    {
        if (string.IsNullOrWhiteSpace(s.Name)) problem("$.name", "a scenario needs a name, e.g. \"name\": \"baseline\"");
        if (s.Replicates is < 1 or > ScenarioLoader.MaxReplicates)
            problem("$.replicates", $"must be between 1 and {ScenarioLoader.MaxReplicates}, not {s.Replicates}");
        var okStart = Date(s.Start, "$.start", problem, out var start);
        var okEnd = Date(s.End, "$.end", problem, out var end);
        TickSize? tick = null;
        try { tick = ScenarioTicks.Parse(s.Tick); }
        catch (FormatException e) { problem("$.tick", e.Message); }
        if (okStart && okEnd && end < start) problem("$.end", $"end {end} is before start {start}");
        if (okStart && okEnd && end.Year - start.Year > ScenarioLoader.MaxHorizonYears)
            problem("$.end", $"horizon {start}..{end} is longer than {ScenarioLoader.MaxHorizonYears} years");
        CheckParameters(s.Parameters, problem);
        return okStart && okEnd && tick is { } t && end >= start && end.Year - start.Year <= ScenarioLoader.MaxHorizonYears
            ? new Calendar(start, end, t) : null;
    }

    public static bool Date(string? text, string path, Report problem, out YearMonth date)
    {
        if (YearMonth.TryParse(text, out date)) return true;
        problem(path, $"'{text}' is not a date of the form YYYY-MM (month 01..12), e.g. \"2019-05\"");
        return false;
    }

    private static void CheckParameters(ModelParameters p, Report problem)
    {
        void NonNegative(double v, string path) { if (!(v >= 0)) problem(path, $"must be ≥ 0, not {v}"); }
        void Share(double v, string path) { if (v is not (>= 0 and <= 1)) problem(path, $"must be between 0 and 1, not {v}"); }
        void Length(double[] a, int n, string path) { if (a.Length != n) problem(path, $"needs exactly {n} values, not {a.Length}"); }

        NonNegative(p.Adoption.Innovation, "$.parameters.adoption.innovation");
        NonNegative(p.Adoption.Imitation, "$.parameters.adoption.imitation");
        NonNegative(p.Adoption.RegionWeight, "$.parameters.adoption.regionWeight");
        NonNegative(p.Adoption.BlocWeight, "$.parameters.adoption.blocWeight");
        Length(p.Adoption.CapabilityOffset, Capabilities.Count, "$.parameters.adoption.capabilityOffset");
        if (p.Adoption.TenderPatienceMonths < 1) problem("$.parameters.adoption.tenderPatienceMonths", "must be at least 1 month");
        Share(p.Coverage.TargetBase, "$.parameters.coverage.targetBase");
        Share(p.Coverage.InitialScope, "$.parameters.coverage.initialScope");
        Share(p.Coverage.ExpansionScope, "$.parameters.coverage.expansionScope");
        NonNegative(p.Coverage.ExpansionRate, "$.parameters.coverage.expansionRate");
        if (p.Contracts.DurationMonths < 1) problem("$.parameters.contracts.durationMonths", "must be at least 1 month");
        Length(p.Contracts.CostPerPersonUsd, Capabilities.Count, "$.parameters.contracts.costPerPersonUsd");
        if (p.Choice.MeansElasticity < 0) problem("$.parameters.choice.meansElasticity", "must be ≥ 0");
        if (p.Vendors.ProgressRatio is not (> 0 and <= 1)) problem("$.parameters.vendors.progressRatio", "must be in (0, 1]");
        Share(p.Vendors.PriceFloor, "$.parameters.vendors.priceFloor");
        if (p.Vendors.ExperienceScale <= 0) problem("$.parameters.vendors.experienceScale", "must be > 0");
        if (p.Dynamics.UnrestReversion <= 0) problem("$.parameters.dynamics.unrestReversion", "must be > 0");
        NonNegative(p.Dynamics.UnrestVolatility, "$.parameters.dynamics.unrestVolatility");
        Length(p.Dynamics.PrivacyByRegime, 4, "$.parameters.dynamics.privacyByRegime");
    }

    /// <summary>Free parameters must name numbers of the scenario (or of a world vendor) and bound their current value.</summary>
    private static void CheckCalibration(Scenario s, WorldData world, Report problem)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(s, ScenarioLoader.Options)!.AsObject();
        for (var i = 0; i < s.Calibration.Count; i++)
        {
            var f = s.Calibration[i];
            try
            {
                VendorOverride.WriteWorldValues(json, world, [f.Path]);
                var value = ScenarioPaths.Get(json, f.Path);
                if (!(f.Min < f.Max)) problem($"$.calibration[{i}].max", $"max {f.Max} must be above min {f.Min}");
                else if (VendorNumber.Parse(f.Path, world) is { } n && !n.Allows(f.Min, f.Max))
                    problem($"$.calibration[{i}].path", $"bounds [{f.Min}, {f.Max}] go outside what {f.Path} may be: {n.Range}");
                else if (value < f.Min || value > f.Max) problem($"$.calibration[{i}].path", $"the current value {value} of {f.Path} is outside [{f.Min}, {f.Max}]");
            }
            catch (ArgumentException e) { problem($"$.calibration[{i}].path", e.Message); }
        }
    }

    /// <summary>Checks that need the world: groups, vendor overrides, free parameters, and (with a valid horizon) policies.</summary>
    public static void CheckReferences(Scenario s, WorldData world, Calendar? calendar, Report problem)
    {
        foreach (var (name, members) in s.Groups)
        {
            if (world.CountryIndex.ContainsKey(name) || world.VendorIndex.ContainsKey(name))
                problem($"$.groups.{name}", $"'{name}' is already a country or vendor id; give the group another name");
            for (var i = 0; i < members.Count; i++)
                if (!world.CountryIndex.ContainsKey(members[i]))
                    problem($"$.groups.{name}[{i}]", $"unknown country '{members[i]}'{Suggest.DidYouMean(members[i], world.CountryIndex.Keys)}");
        }
        var breakdown = Metrics.CountryGroups.For(world, s.Groups).Select(g => g.Name).ToArray();
        for (var i = 0; i < s.Report.Groups.Count; i++)
            if (!breakdown.Contains(s.Report.Groups[i]))
                problem($"$.report.groups[{i}]", $"'{s.Report.Groups[i]}' is not a group results are broken down by (a region code, EU, NATO, BRI, " +
                    $"income:<group>, regime:<0-3> or a group of this scenario){Suggest.DidYouMean(s.Report.Groups[i], breakdown)}");
        VendorOverride.Check(s, world, problem);
        CheckCalibration(s, world, problem);
        if (calendar != null) Policies.PolicyCompiler.Compile(s, world, calendar, problem); // policy windows need valid dates
    }
}
