namespace Simulation.Model.Output;

/// <summary>A country group of the breakdown: its name as scenarios write it (SSF, EU, income:low), kind and label.</summary>
/// <param name="Kind">region, bloc, income, regime or scenario.</param>
public sealed record BreakdownGroup(string Name, string Kind, string Label, int Members);

/// <summary>
/// The headline series by country group, per replicate at every year end (the same metric and group names as the
/// world's series). Wraps the recorder's rows: [replicate][yearEnd × groups × series].
/// </summary>
public sealed class GroupBreakdown(IReadOnlyList<BreakdownGroup> groups, IReadOnlyList<SeriesInfo> series, double[][] rows)
{
    public IReadOnlyList<BreakdownGroup> Groups { get; } = groups;
    public IReadOnlyList<SeriesInfo> Series { get; } = series;

    public double Value(int replicate, int yearEnd, int group, int series) =>
        rows[replicate][(yearEnd * Groups.Count + group) * Series.Count + series];

    /// <summary>One replicate's values (year end × group × series): the array itself, as a batch hands it on.</summary>
    public double[] Row(int replicate) => rows[replicate];

    /// <summary>The group's index, or −1 (a scenario group only some scenarios define).</summary>
    public int GroupIndex(string name)
    {
        for (var g = 0; g < Groups.Count; g++)
            if (Groups[g].Name == name) return g;
        return -1;
    }

    /// <summary>The series' index, or −1.</summary>
    public int SeriesIndex(string metric, string group) =>
        Series.FirstOrDefault(s => s.Metric == metric && s.Group == group)?.Index ?? -1;
}
