using System.Collections.Immutable;
using Simulation.Model.Agents;
using Simulation.Model.Engine;
using Simulation.Model.Market;
using Simulation.Model.Policies;
using Simulation.Model.Setup;
using Simulation.Scenarios;

namespace Simulation.Benchmarks;

/// <summary>
/// Realistic state for the benchmarks: the shipped baseline scenario on the real world (scenarios/world), run by the
/// real tick driver up to the end of a tick a few years in, with that tick's offers, board, tenders, outcomes and
/// reports kept, and the agents alive as the tick left them.
/// </summary>
public sealed class BaselineState
{
    /// <summary>December 2013, six years in: a year end, so recording counts the year-end indicators too.</summary>
    public const int DefaultTick = 71;

    public required RunContext Context { get; init; }
    public required SequentialRuntime Runtime { get; init; }
    public required TickDriver Driver { get; init; }
    public required int Tick { get; init; }
    public required ImmutableArray<VendorOffer>[] Offers { get; init; }
    public required TickBoard Board { get; init; }
    public required ImmutableArray<Tender>[] Tenders { get; init; }
    public required ImmutableArray<TenderOutcome>[] Outcomes { get; init; }
    public required ImmutableArray<CountryReport>[] Reports { get; init; }

    public static LoadedScenario LoadBaseline() => ScenarioLoader.Load(Path.Combine(RepoRoot(), "scenarios", "baseline.json"));

    /// <summary>Runs ticks 0..tick−1 in full, then tick up to (not including) its Apply when <paramref name="stopBeforeApply"/>.</summary>
    public static BaselineState At(LoadedScenario loaded, int replicates, int tick = DefaultTick, bool stopBeforeApply = false)
    {
        var plan = loaded.Plan.Runs(replicates, loaded.Scenario.Seed);
        var runtime = new SequentialRuntime { StopBeforeApplyAt = stopBeforeApply ? tick : -1 };
        var driver = new TickDriver(runtime);
        using var cancel = new CancellationTokenSource();
        try
        {
            driver.RunAsync(plan, new Inline(done => { if (done > tick) cancel.Cancel(); }), cancel.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // stopped where asked: the agents stay as that tick left them
        }
        runtime.StopBeforeApplyAt = -1;
        return new BaselineState
        {
            Context = RunContext.For(plan), Runtime = runtime, Driver = driver, Tick = tick,
            Offers = runtime.LastOffers, Board = runtime.LastBoard!, Tenders = runtime.LastTenders,
            Outcomes = runtime.LastOutcomes, Reports = runtime.LastReports,
        };
    }

    /// <summary>A fresh financing ledger opened at the state's tick, as the driver opens one.</summary>
    public FinancingLedger OpenLedger()
    {
        var ledger = new FinancingLedger(Context.Policies, Context.Calendar, Context.Replicates);
        ledger.Begin(Tick);
        return ledger;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Simulation.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class Inline(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
