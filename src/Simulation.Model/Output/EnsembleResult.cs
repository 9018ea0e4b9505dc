using System.Collections.Immutable;
using Simulation.Model.Market;
using Simulation.Model.Time;

namespace Simulation.Model.Output;

/// <summary>
/// What an ensemble run hands to the results, plots and report: the recorded dates, a catalogue of the series (names,
/// labels, units, descriptions), every replicate's values, the breakdown by country group, the country indicators, the
/// few facts about the world that axes and legends need, and the contracts. It describes itself, so no results code
/// needs the model's context, world or agents. It wraps the recorder's arrays (nothing is copied): a big ensemble holds
/// its series once. Values are read-only by convention; nothing after the engines writes to them.
/// </summary>
public sealed class EnsembleResult(
    IReadOnlyList<YearMonth> dates,
    IReadOnlyList<int> yearEnds,
    SeriesCatalog series,
    double[][] rows,
    GroupBreakdown groups,
    CountryIndicators countries,
    WorldFacts world,
    ImmutableArray<ContractRecord> contracts)
{
    /// <summary>The date of every recorded tick (the x axis of every time plot).</summary>
    public IReadOnlyList<YearMonth> Dates { get; } = dates;
    /// <summary>The ticks that contain a December, where the group breakdown and country indicators are taken.</summary>
    public IReadOnlyList<int> YearEnds { get; } = yearEnds;
    public SeriesCatalog Series { get; } = series;
    public int Replicates => rows.Length;
    /// <summary>The headline series by country group, per replicate, at year ends.</summary>
    public GroupBreakdown Groups { get; } = groups;
    /// <summary>Per country and year end: in how many replicates each indicator held.</summary>
    public CountryIndicators Countries { get; } = countries;
    public WorldFacts World { get; } = world;
    /// <summary>Every contract, in replicate, country and signing order (none when a chunk sink took them as the run went).</summary>
    public ImmutableArray<ContractRecord> Contracts { get; } = contracts;

    public double Value(int replicate, int tick, int series) => rows[replicate][tick * Series.Count + series];

    /// <summary>One replicate's values, tick-major (ticks × catalogue): the array itself, as a batch hands it on.</summary>
    public double[] Row(int replicate) => rows[replicate];

    /// <summary>The tick recorded at a date ("2030-12"), or −1.</summary>
    public int TickOf(string date)
    {
        for (var t = 0; t < Dates.Count; t++)
            if (Dates[t].ToString() == date) return t;
        return -1;
    }

    /// <summary>The year end (index into <see cref="YearEnds"/>) a tick is, or −1.</summary>
    public int YearEndOf(int tick)
    {
        for (var y = 0; y < YearEnds.Count; y++)
            if (YearEnds[y] == tick) return y;
        return -1;
    }

    /// <summary>The same result with other contracts (a run whose contracts a sink took keeps none).</summary>
    public EnsembleResult WithContracts(ImmutableArray<ContractRecord> other) =>
        new(Dates, YearEnds, Series, rows, Groups, Countries, World, other);
}
