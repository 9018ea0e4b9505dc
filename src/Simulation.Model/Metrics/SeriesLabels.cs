using Simulation.Model.World;

namespace Simulation.Model.Metrics;

/// <summary>Readable names of a series' group for legends: "Any capability", "Facial recognition", "China", "Hikvision".</summary>
public static class SeriesLabels
{
    public static string Of(WorldData world, string metric, string group)
    {
        if (group == MetricCatalog.Any) return metric == MetricCatalog.CountriesAdopted ? "Any capability" : "All countries";
        if (Capabilities.TryParse(group, out var capability)) return capability.Label();
        if (group.StartsWith("regime:", StringComparison.Ordinal) && int.TryParse(group[7..], out var regime)) return Regime.Label(regime);
        if (metric is MetricCatalog.FinancingSpentUsd) return group; // a financing policy's id
        if (world.VendorIndex.TryGetValue(group, out var vendor)) return world.Vendors[vendor].Name;
        if (world.CountryIndex.TryGetValue(group, out var home)) return world.Countries[home].Name;
        return group;
    }
}
