using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Simulation.Model.Agents;
using Simulation.Model.Market;
using Simulation.Model.Metrics;
using Simulation.Model.Randomness;
using Simulation.Model.World;
using Simulation.Scenarios;

namespace Simulation.Benchmarks;

/// <summary>
/// The phases of one tick of the baseline, December 2013, for every country (or vendor) of <see cref="Replicates"/>
/// replicates, on one thread. Decide and recording are repeated on the same state (Decide redraws the same tick's
/// streams; its only lasting effect is on the tenders' pending list); the award rounds refresh the vendors' offers first
/// so capacity does not run dry over the iterations.
/// </summary>
[MemoryDiagnoser]
public class TickPhaseBenchmarks
{
    public const int Replicates = 20;

    private BaselineState _state = null!;
    private RunRecorder _recorder = null!;
    private double[] _spent = [];
    private bool[] _noTies = [], _allOpen = [];

    [GlobalSetup]
    public void Setup()
    {
        _state = BaselineState.At(BaselineState.LoadBaseline(), Replicates);
        _recorder = new RunRecorder(_state.Context);
        _spent = new double[Replicates * _state.Context.Policies.Financing.Count];
        var world = _state.Context.World;
        _noTies = new bool[world.Vendors.Count];
        _allOpen = [.. Enumerable.Repeat(true, _state.Context.Policies.Financing.Count)];
    }

    /// <summary>Phase 3: every country decides its tenders and ranks the bids (<see cref="CountryEnsemble.Decide"/>).</summary>
    [Benchmark]
    public int Decide()
    {
        var tenders = _state.Runtime.DecideAsync(_state.Board).Result;
        return tenders.Sum(t => t.Length);
    }

    /// <summary>The nested-logit ranking alone: a safe-city tender of 10 % scope from every country in every replicate.</summary>
    [Benchmark]
    public int Rank()
    {
        var ctx = _state.Context;
        var ranked = 0;
        for (var r = 0; r < Replicates; r++)
            for (var c = 0; c < ctx.World.Countries.Count; c++)
            {
                var buyer = new VendorChoice.Buyer(c, ctx.World.Countries[c], 0.2, 0.1, _noTies, _noTies, _allOpen);
                var rng = Streams.For(ctx.Seed, r, ctx.CountryKeys[buyer.Country], _state.Tick, Phase.VendorChoice);
                ranked += VendorChoice.Rank(ctx, buyer, Capability.SafeCity, 0.1, _state.Tick, _state.Board.Offers[r].AsSpan(), ref rng).Length;
            }
        return ranked;
    }

    /// <summary>Phases 2 and 4: the vendors' offer sheets, then the award rounds over the tick's tenders.</summary>
    [Benchmark]
    public int OfferAndAward()
    {
        _state.Runtime.OfferAsync(_state.Tick).Wait();
        var outcomes = _state.Driver.AwardAsync(_state.Context, _state.Tick, _state.Tenders, _state.OpenLedger()).Result;
        return outcomes.Sum(o => o.Length);
    }

    /// <summary>Phase 5's data collection at a year end: the tick's series for every replicate, the country indicators and the group series.</summary>
    [Benchmark]
    public void RecordYearEnd() => _recorder.Record(_state.Tick, _state.Offers, _state.Reports, _spent);

    /// <summary>The same within a year (eleven ticks in twelve): the tick's series only.</summary>
    [Benchmark]
    public void RecordMidYear() => _recorder.Record(_state.Tick - 1, _state.Offers, _state.Reports, _spent);
}

/// <summary>
/// Phase 5: every country signs its won tenders, closes what ended and reports (<see cref="CountryEnsemble.Apply"/>).
/// Apply changes the state for good, so each iteration starts from a fresh run stopped just before it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8, invocationCount: 1)]
public class ApplyBenchmarks
{
    private LoadedScenario _loaded = null!;
    private BaselineState _state = null!;

    [GlobalSetup]
    public void Setup() => _loaded = BaselineState.LoadBaseline();

    [IterationSetup]
    public void Rewind() => _state = BaselineState.At(_loaded, TickPhaseBenchmarks.Replicates, stopBeforeApply: true);

    [Benchmark]
    public ImmutableArray<CountryReport>[] Apply() => _state.Runtime.ApplyAsync(_state.Tick, _state.Tenders, _state.Outcomes).Result;
}

/// <summary>A whole short run (2008–2010, monthly) of the baseline through the tick driver, one thread: every phase and the driver's own work.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class RunBenchmarks
{
    private LoadedScenario _loaded = null!;

    [GlobalSetup]
    public void Setup()
    {
        var baseline = BaselineState.LoadBaseline();
        _loaded = baseline.EndingAt("2010-12");
    }

    [Benchmark]
    public int ThreeYears()
    {
        var plan = _loaded.Plan.Runs(TickPhaseBenchmarks.Replicates, _loaded.Scenario.Seed);
        var result = new Simulation.Model.Engine.TickDriver(new SequentialRuntime()).RunAsync(plan).GetAwaiter().GetResult();
        return result.Contracts.Length;
    }
}
