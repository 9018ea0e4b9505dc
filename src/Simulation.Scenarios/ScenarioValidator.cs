using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Simulation.Model.Policies;
using Simulation.Model.Setup;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Scenarios;

/// <summary>Value checks on a deserialised scenario: ranges, dates, horizon, references to the world.</summary>
public static class ScenarioValidator
{
    /// <summary>Checks that need no world data; returns the calendar when the horizon is valid.</summary>
    public static Calendar? Check(Scenario s, ProblemReport problem)
    {
        if (string.IsNullOrWhiteSpace(s.Name)) problem("$.name", "a scenario needs a name, e.g. \"name\": \"baseline\"");
        var okStart = ScenarioTicks.Date(s.Start, "$.start", problem, out var start);
        var okEnd = ScenarioTicks.Date(s.End, "$.end", problem, out var end);
        TickSize? tick = null;
        try { tick = ScenarioTicks.Parse(s.Tick); }
        catch (FormatException) { } // reported by the declared rules
        if (okStart && okEnd && end < start) problem("$.end", $"end {end} is before start {start}");
        if (okStart && okEnd && end.Year - start.Year > ScenarioLoader.MaxHorizonYears)
            problem("$.end", $"horizon {start}..{end} is longer than {ScenarioLoader.MaxHorizonYears} years");
        DeclaredRules.Check(s, "$", problem);
        if (!(s.Parameters.Choice.SecurityDebateTo >= s.Parameters.Choice.SecurityDebateFrom))
            problem("$.parameters.choice.securityDebateTo", "must not be before securityDebateFrom");
        return okStart && okEnd && tick is { } t && end >= start && end.Year - start.Year <= ScenarioLoader.MaxHorizonYears
            ? new Calendar(start, end, t) : null;
    }

    /// <summary>
    /// Free and uncertain parameters must name numbers of the scenario (or of a world vendor). A free parameter's bounds
    /// must hold its current value (the fit starts there) and be continuous; an uncertain range need not hold the value,
    /// because a scenario may set a value outside the range it inherits, and a whole-number one is rounded by the design.
    /// </summary>
    private static void CheckBounds(Scenario s, WorldData world, ProblemReport problem, List<FreeParameter> list, string name, bool fitted)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(s, InputJson.Options)!.AsObject();
        for (var i = 0; i < list.Count; i++)
        {
            var f = list[i];
            if (f is null) continue; // its shape was wrong, already reported
            try
            {
                VendorOverride.WriteWorldValues(json, world, [f.Path]);
                var value = ScenarioPaths.Get(json, f.Path);
                if (!(f.Min < f.Max)) problem($"$.{name}[{i}].max", $"max {f.Max} must be above min {f.Min}");
                else if (ScenarioPaths.Normalise(f.Path) is "$.seed" or "$.replicates")
                    problem($"$.{name}[{i}].path", $"{ScenarioPaths.Normalise(f.Path)[2..]} is how the ensemble is run, not a number of the model; name a model parameter");
                else if (fitted && ScenarioPaths.IsWholeNumber(json, f.Path))
                    problem($"$.{name}[{i}].path", $"{f.Path} is a whole number and a fit searches continuous values; set it in the scenario, or sweep it (sweep --set)");
                else if (VendorNumber.Parse(f.Path, world) is { } n && !n.Allows(f.Min, f.Max))
                    problem($"$.{name}[{i}].path", $"bounds [{f.Min}, {f.Max}] go outside what {f.Path} may be: {n.Range}");
                else if (VendorNumber.Parse(f.Path, world) is null && DeclaredRules.PropertyAt(f.Path)?.GetCustomAttribute<RangeAttribute>() is { } r
                         && (DeclaredRules.Violates(r, f.Min) ?? DeclaredRules.Violates(r, f.Max)) != null)
                    problem($"$.{name}[{i}].path", $"bounds [{f.Min}, {f.Max}] go outside what {f.Path} may be: {DeclaredRules.Describe(r)}");
                else if (fitted && (value < f.Min || value > f.Max)) problem($"$.{name}[{i}].path", $"the current value {value} of {f.Path} is outside [{f.Min}, {f.Max}]");
            }
            catch (ArgumentException e) { problem($"$.{name}[{i}].path", e.Message); }
        }
    }

    /// <summary>
    /// Checks that need the world: groups, vendor overrides, free parameters, and (with a valid horizon) policies.
    /// Returns the compiled policies (valid only if nothing was reported), so a run need not compile them again.
    /// A changed copy (<paramref name="freeParameters"/> false: a sweep, sensitivity or calibration point) keeps the
    /// file's free parameters, already checked, and its values need not lie within the fit's bounds.
    /// </summary>
    public static PolicyBook? CheckReferences(Scenario s, WorldData world, Calendar? calendar, ProblemReport problem, bool freeParameters = true)
    {
        foreach (var (name, members) in s.Groups)
        {
            if (world.CountryIndex.ContainsKey(name) || world.VendorIndex.ContainsKey(name))
                problem($"$.groups.{name}", $"'{name}' is already a country or vendor id; give the group another name");
            for (var i = 0; i < members.Count; i++)
                if (!world.CountryIndex.ContainsKey(members[i]))
                    problem($"$.groups.{name}[{i}]", $"unknown country '{members[i]}'{Suggest.DidYouMean(members[i], world.CountryIndex.Keys)}");
        }
        var breakdown = CountryGroups.For(world, s.Groups).Select(g => g.Name).ToArray();
        for (var i = 0; i < s.Report.Groups.Count; i++)
            if (!breakdown.Contains(s.Report.Groups[i]))
                problem($"$.report.groups[{i}]", $"'{s.Report.Groups[i]}' is not a group results are broken down by (a region code, EU, NATO, BRI, " +
                    $"income:<group>, regime:<0-3> or a group of this scenario){Suggest.DidYouMean(s.Report.Groups[i], breakdown)}");
        VendorOverride.Check(s, world, problem);
        if (freeParameters)
        {
            CheckBounds(s, world, problem, s.Calibration, "calibration", fitted: true);
            CheckBounds(s, world, problem, s.Uncertain, "uncertain", fitted: false);
        }
        return calendar is null ? null : PolicyCompiler.Compile(s, world, calendar, problem); // policy windows need valid dates
    }
}
