using Simulation.Model.Policies;
using Simulation.Model.Time;
using Simulation.Model.World;

namespace Simulation.Scenarios;

/// <summary>Checks a scenario's policies (their numbers' ranges are declared on PolicySpec and checked by DeclaredRules) against the world and the horizon and compiles them into a <see cref="PolicyBook"/>.</summary>
public static class PolicyCompiler
{
    /// <summary>Compiles every policy; problems go to <paramref name="problem"/> with their JSON paths.</summary>
    public static PolicyBook Compile(Scenario scenario, WorldData world, Calendar calendar, ProblemReport problem)
    {
        var targets = new TargetResolver(world, scenario.Groups);
        var compiled = new List<Policy>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var financing = 0;
        for (var i = 0; i < scenario.Policies.Count; i++)
        {
            var s = scenario.Policies[i];
            var at = $"$.policies[{i}]";
            if (string.IsNullOrWhiteSpace(s.Id)) problem($"{at}.id", "every policy needs an id, e.g. \"id\": \"entity-list-huawei\"");
            else if (!ids.Add(s.Id)) problem($"{at}.id", $"duplicate policy id '{s.Id}'");
            if (!Policy.TypeNames.TryGetValue(s.Type, out var type)) continue; // a missing or unknown type: the shape check reported it
            var window = Window(s, at, calendar, problem);
            var countries = Names(s.Targets.Countries, $"{at}.targets.countries", CheckCountry(targets), problem);
            var vendors = Names(s.Targets.Vendors, $"{at}.targets.vendors", CheckVendor(targets), problem);
            var (imposer, followers) = s switch
            {
                SanctionPolicy p => (p.Imposer, p.Followers),
                ExportControlPolicy p => (p.Imposer, []),
                FinancingPolicy p => (p.Imposer, []),
                _ => ((string?)null, new List<string>()),
            };
            Names(followers, $"{at}.followers", CheckCountry(targets), problem);
            var capabilities = s switch { ImportBanPolicy p => p.Capabilities, TechnologyBanPolicy p => p.Capabilities, _ => [] };
            RequireFields(s, imposer, at, world, problem);
            if (window is not { } w) continue;

            var vendorSet = targets.VendorSet(vendors);
            if (s is ExportControlPolicy or FinancingPolicy && vendors.Count == 0 && imposer != null)
                vendorSet = targets.VendorSet([imposer]);
            var policy = new Policy
            {
                Id = s.Id, Type = type, From = w.From, Until = w.Until, FromTick = w.FromTick, UntilTick = w.UntilTick,
                Countries = targets.CountrySet(countries), Vendors = vendorSet, Capabilities = CapabilitySet(capabilities),
                Bound = targets.CountrySet(followers.Append(imposer ?? "")),
            };
            compiled.Add(s switch
            {
                SanctionPolicy p => policy with
                {
                    ComponentEmbargo = p.ComponentEmbargo, MarketBan = p.MarketBan, Reputation = p.Reputation,
                    HalfLifeYears = p.SubstitutionHalfLifeYears ?? scenario.Parameters.Policies.SubstitutionHalfLifeYears,
                },
                ImportBanPolicy p => policy with { RipAndReplaceYears = p.RipAndReplaceYears },
                TechnologyBanPolicy p => policy with { DecommissionShare = p.DecommissionShare },
                FinancingPolicy p => policy with { Discount = p.Discount, BudgetUsdPerYear = p.BudgetUsdPerYear, FinancingIndex = financing++ },
                DataLocalizationPolicy p => policy with { Premium = p.Premium },
                ShockPolicy p => policy with { Unrest = p.Unrest, Privacy = p.Privacy },
                _ => policy,
            });
        }
        return new PolicyBook(compiled, calendar.Dt);
    }

    private readonly record struct PolicyWindow(YearMonth From, YearMonth? Until, int FromTick, int UntilTick);

    private static PolicyWindow? Window(PolicySpec s, string at, Calendar calendar, ProblemReport problem)
    {
        if (!ScenarioTicks.Date(s.From, $"{at}.from", problem, out var from)) return null;
        var ok = true;
        if (from < calendar.Start || from > calendar.End)
        {
            problem($"{at}.from", $"{from} is outside the scenario's horizon {calendar.Start}..{calendar.End}");
            ok = false;
        }
        YearMonth? until = null;
        if (s.Until != null)
        {
            if (!ScenarioTicks.Date(s.Until, $"{at}.until", problem, out var u)) return null;
            if (u <= from) { problem($"{at}.until", $"until {u} must be after from {from}"); ok = false; }
            else if (u > calendar.End) { problem($"{at}.until", $"{u} is after the scenario's end {calendar.End}; leave 'until' out for a policy that lasts to the end"); ok = false; }
            until = u;
        }
        if (!ok) return null;
        return new PolicyWindow(from, until, calendar.TickOf(from), until is { } e ? calendar.TickOf(e) : int.MaxValue);
    }

    /// <summary>An unknown name gets a "did you mean" from the names that would have been accepted.</summary>
    private static Func<string, string?> CheckCountry(TargetResolver targets) => name =>
        targets.TryCountries(name, out _) ? null : $"unknown country or group '{name}'{Suggest.DidYouMean(name, targets.CountryNames)}";

    private static Func<string, string?> CheckVendor(TargetResolver targets) => name =>
        targets.TryVendors(name, out _) ? null : $"unknown vendor or home state '{name}'{Suggest.DidYouMean(name, targets.VendorNames)}";

    private static List<string> Names(List<string> names, string at, Func<string, string?> check, ProblemReport problem)
    {
        for (var i = 0; i < names.Count; i++)
            if (check(names[i]) is { } message) problem($"{at}[{i}]", message);
        return names;
    }

    private static bool[] CapabilitySet(List<string> ids)
    {
        var set = new bool[Capabilities.Count];
        if (ids.Count == 0) Array.Fill(set, true);
        foreach (var id in ids)
            if (Capabilities.TryParse(id, out var k)) set[(int)k] = true; // unknown ones: the declared rules
        return set;
    }

    /// <summary>What each type needs to mean anything: a policy that silently does nothing is an error.</summary>
    private static void RequireFields(PolicySpec s, string? imposer, string at, WorldData world, ProblemReport problem)
    {
        var hasCountries = s.Targets.Countries.Count > 0;
        var hasVendors = s.Targets.Vendors.Count > 0;
        void Need(bool ok, string field, string message) { if (!ok) problem($"{at}.{field}", message); }
        void Imposer() => Need(imposer != null && world.CountryIndex.ContainsKey(imposer), "imposer",
            imposer == null ? $"a {s.Type} needs an imposer (ISO3 of the state), e.g. \"imposer\": \"USA\""
                : $"unknown country '{imposer}'{Suggest.DidYouMean(imposer, world.CountryIndex.Keys)}");
        void ImposerVendors() => Need(hasVendors || imposer == null || !world.CountryIndex.ContainsKey(imposer)
            || world.Vendors.Any(v => v.Home == imposer), "imposer",
            $"no vendor in the world data has {imposer} as its home, so this {s.Type} would do nothing; list targets.vendors or choose a vendor home state ({string.Join(", ", world.Homes)})");
        switch (s)
        {
            case SanctionPolicy p:
                Imposer();
                Need(hasVendors, "targets.vendors", "a sanction must list at least one vendor");
                Need(p.ComponentEmbargo || p.MarketBan || p.Reputation, "componentEmbargo", "a sanction needs at least one effect: componentEmbargo, marketBan or reputation");
                break;
            case ImportBanPolicy:
                Need(hasCountries, "targets.countries", "an importBan must list the importing countries");
                Need(hasVendors, "targets.vendors", "an importBan must list vendors (ids or home states)");
                break;
            case TechnologyBanPolicy p:
                Need(hasCountries, "targets.countries", "a technologyBan must list countries");
                Need(p.Capabilities.Count > 0, "capabilities", "a technologyBan must name the capabilities it bans");
                break;
            case ExportControlPolicy:
                Imposer();
                ImposerVendors();
                Need(hasCountries, "targets.countries", "an exportControl must list destinations (countries, groups or regime:0..3)");
                break;
            case FinancingPolicy p:
                Imposer();
                ImposerVendors();
                Need(hasCountries, "targets.countries", "financing must list the eligible countries");
                Need(p.Discount is not 0, "discount", "financing needs a discount above 0 (and below 1), e.g. \"discount\": 0.2");
                break;
            case DataLocalizationPolicy:
                Need(hasCountries, "targets.countries", "dataLocalization must list countries");
                break;
            case ShockPolicy p:
                Need(hasCountries, "targets.countries", "a shock must list countries");
                Need(p.Unrest != 0 || p.Privacy != 0, "unrest", "a shock needs a non-zero unrest or privacy");
                break;
        }
    }
}
