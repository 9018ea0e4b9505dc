namespace Simulation.Model.Output;

/// <summary>
/// One recorded series: its metric and group (the output contract's names), a readable label of the group ("China",
/// "Hikvision", "Facial recognition"), the metric's unit and description, and what its group column holds.
/// </summary>
public sealed record SeriesInfo(int Index, string Metric, string Group, string Label, string Unit, string Description, string Breakdown);

/// <summary>The ordered series of a run, found by metric and group.</summary>
public sealed class SeriesCatalog
{
    private readonly Dictionary<(string, string), SeriesInfo> _byKey = [];

    public SeriesCatalog(IReadOnlyList<SeriesInfo> all)
    {
        All = all;
        foreach (var s in all) _byKey[(s.Metric, s.Group)] = s;
    }

    public IReadOnlyList<SeriesInfo> All { get; }
    public int Count => All.Count;

    public SeriesInfo Get(string metric, string group) =>
        _byKey.TryGetValue((metric, group), out var s) ? s : throw new KeyNotFoundException($"no series {metric}/{group}");

    public bool TryGet(string metric, string group, out SeriesInfo series) => _byKey.TryGetValue((metric, group), out series!);
}
