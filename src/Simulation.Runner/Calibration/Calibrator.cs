using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.Statistics;
using Simulation.Model.Output;
using Simulation.Model.Engine;
using Simulation.Model.Setup;
using Simulation.Scenarios;

namespace Simulation.Runner.Calibration;

/// <summary>
/// A target's observed value against the ensemble: median, band, the relative error of the median, and the smooth
/// (Harrell–Davis) median the loss uses.
/// </summary>
public sealed record TargetFit(Target Target, double Observed, double P05, double P50, double P95, double SmoothMedian)
{
    public double RelativeError => (P50 - Observed) / Observed;
    /// <summary>The done-when tolerance (<see cref="Results.Tolerance"/>): ±10 % of a count, ±8 percentage points of a share; a bound on one side only.</summary>
    public bool WithinTolerance => Results.Tolerance.Met(P50, Observed, Target.IsShare, Target.BoundKind);
    /// <summary>Normalised error of the smooth median: relative error / 10 % for counts, error / 8 pp for shares (a bound: its wrong side only).</summary>
    public double ScaledError => Results.Tolerance.Scaled(SmoothMedian, Observed, Target.IsShare, Target.BoundKind);
    /// <summary>Half the 5–95 % band relative to the median.</summary>
    public double BandHalfWidth => P50 > 0 ? (P95 - P05) / 2 / P50 : 0;
    public bool InsideBand => Observed >= P05 && Observed <= P95;
}

public sealed record CalibrationResult(IReadOnlyList<(FreeParameter Parameter, double Value)> Fitted, double Loss,
    IReadOnlyList<TargetFit> Fits, int Evaluations, IReadOnlyList<double> LossTrace)
{
    /// <summary>Out-of-sample check: one entry per fold of the targets left out of the fit (empty if none was run).</summary>
    public IReadOnlyList<FoldFit> Folds { get; init; } = [];
}

/// <summary>One fold of the k-fold check over targets: a fit that never saw <paramref name="HeldOut"/>, and what it predicts for them.</summary>
/// <param name="Fitted">Where the fold's fit ended: set beside another fold's, it shows which numbers the targets pin down.</param>
/// <param name="Loss">The loss of the fold's own fit on the targets it was fitted to.</param>
/// <param name="FullFitLoss">The full fit's loss on those same targets: a fold fit far above it did not converge, and
/// its held-out errors measure the search as much as the model.</param>
/// <param name="HeldOut">The left-out targets, measured at the fold's fit.</param>
public sealed record FoldFit(int Fold, IReadOnlyList<(FreeParameter Parameter, double Value)> Fitted, double Loss, double FullFitLoss,
    IReadOnlyList<TargetFit> HeldOut)
{
    /// <summary>The fold's fit is as good as the full fit on its own targets (within 10 %, or better): the search reached
    /// a point at least as good as one it could have found, so the held-out errors are the model's, not the search's.</summary>
    public bool Converged => Loss <= FullFitLoss * 1.10;
}

/// <summary>
/// Fits the scenario's free parameters to the targets. Loss = Σ weight × (error / tolerance)², the error of a count
/// relative to its ±10 % tolerance and of a share to its ±8 pp; the median because the targets are judged on it, estimated by
/// Harrell–Davis (a Beta-weighted average of all order statistics), which, unlike the sample median of integer counts,
/// moves smoothly with the parameters, so the simplex can follow it. Every evaluation uses the same seed and
/// replicates (common random numbers), so the loss surface is not re-drawn between evaluations. Parameters are searched on a logistic scale inside their bounds with MathNet's
/// Nelder–Mead simplex; the budget counts ensemble runs. Each ensemble runs in this process unless
/// <paramref name="simulate"/> runs it elsewhere (a cluster).
/// </summary>
public sealed class Calibrator(LoadedScenario scenario, TargetFile targets, int replicates, ulong seed, Func<RunPlan, EnsembleResult>? simulate = null)
{
    private readonly IReadOnlyList<FreeParameter> _free = scenario.Scenario.Calibration;

    /// <param name="start">Where the simplex starts (default: the scenario's own values).</param>
    /// <param name="scout">Before the simplex, evaluate this many points of a Latin hypercube over the bounds and start
    /// from the best of them and <paramref name="start"/> (part of the budget).</param>
    /// <param name="fromScratch">Start from the hypercube's best point alone, never from the scenario's values: a fit
    /// that owes nothing to an earlier fit (the folds of <see cref="CrossValidate"/> with scouting).</param>
    /// <param name="search">After scouting: the simplex (local, restarted when it converges early) or CMA-ES (learns the
    /// parameters' correlations; with restarts, a global search).</param>
    public CalibrationResult Fit(int budget, IProgress<(int Evaluation, double Loss, double Best)>? progress = null, CancellationToken cancel = default,
        double[]? start = null, int scout = 0, bool fromScratch = false, Search search = Search.Simplex)
    {
        if (_free.Count == 0) throw new ArgumentException($"{scenario.Path}: the scenario marks no parameters as free (\"calibration\": [...])");
        if (fromScratch && scout < 1) throw new ArgumentException("a fit from scratch needs scouting points");
        var trace = new List<double>();
        var seen = new Dictionary<string, double>(StringComparer.Ordinal); // a point the simplex revisits costs no run
        var best = (Loss: double.PositiveInfinity, Values: start ?? scenario.ValuesAt(_free.Select(f => f.Path)));
        static string Key(double[] values) => string.Join(",", values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        double Score(double[] values)
        {
            var key = Key(values);
            if (seen.TryGetValue(key, out var known)) return known;
            cancel.ThrowIfCancellationRequested();
            if (trace.Count >= budget) throw new BudgetSpent();
            var loss = seen[key] = Loss(Evaluate(values));
            trace.Add(loss);
            if (loss < best.Loss) best = (loss, values);
            progress?.Report((trace.Count, loss, best.Loss));
            return loss;
        }
        try
        {
            if (scout > 0)
            {
                var candidates = ScoutingPoints(scout);
                if (!fromScratch) candidates.Insert(0, best.Values);
                else best = (double.PositiveInfinity, candidates[0]);
                foreach (var point in candidates) Score(point);
            }
            if (search == Search.CmaEs)
            {
                // CMA-ES samples around its start without running it; without scouting, run it, so the fit never ends
                // worse than the values it started from.
                if (double.IsPositiveInfinity(best.Loss)) Score(best.Values);
                CmaEs.Minimise(x => Score(FromUnbounded(Vector<double>.Build.DenseOfArray(x))),
                    [.. best.Values.Select((v, i) => ToUnbounded(v, _free[i]))], CmaEsFirstStep, budget - trace.Count, seed);
            }
            else
            {
                // A simplex in many dimensions often collapses before the budget is spent; it then starts again around the
                // best point, with a simplex as large as the first (to leave a collapsed valley) and, after a restart that
                // found nothing better, half as large, until the budget is spent or the steps are too small to matter.
                // (A MaximumIterationsException, MathNet's own count reaching the budget, ends the whole search like BudgetSpent.)
                for (var size = InitialStep; size >= SmallestStep;)
                {
                    var before = best.Loss;
                    var origin = Vector<double>.Build.DenseOfArray(best.Values.Select((v, i) => ToUnbounded(v, _free[i])).ToArray());
                    // The best point through the logistic scale and back may differ in the last bit: known, so not run again.
                    if (!double.IsPositiveInfinity(best.Loss)) seen.TryAdd(Key(FromUnbounded(origin)), best.Loss);
                    new NelderMeadSimplex(1e-4, budget).FindMinimum(ObjectiveFunction.Value(x => Score(FromUnbounded(x))),
                        origin, Vector<double>.Build.Dense(_free.Count, size));
                    if (best.Loss >= before * (1 - MinimumGain)) size /= 2; // a gain within the noise does not keep the size
                }
            }
        }
        catch (Exception e) when (e.InnerException is OperationCanceledException oce)
        {
            throw oce; // Ctrl+C: nothing is written
        }
        catch (Exception e) when (e is BudgetSpent || e.InnerException is BudgetSpent || e is MaximumIterationsException)
        {
            // The budget ends the search; the best point seen so far is the answer.
        }
        return new CalibrationResult(_free.Select((f, i) => (f, best.Values[i])).ToArray(), best.Loss,
            Evaluate(best.Values), trace.Count, trace);
    }

    /// <summary>
    /// k-fold cross-validation over the targets: target i is in fold i mod k; each fold is left out in turn, the other
    /// targets are re-fitted with <paramref name="budget"/> runs, from <paramref name="full"/> (the full fit, which saw
    /// every target) or, with <paramref name="scout"/> points, from scratch (the best of a Latin hypercube over the
    /// bounds, judged on the fold's own targets), and the
    /// left-out targets are measured at that fit, which never saw them.
    /// </summary>
    /// <param name="progress">Each fold's progress (the fold, then its runs and losses), as for <see cref="Fit"/>.</param>
    public IReadOnlyList<FoldFit> CrossValidate(int folds, int budget, CalibrationResult full, CancellationToken cancel = default, int scout = 0,
        Search search = Search.Simplex, Func<int, IProgress<(int Evaluation, double Loss, double Best)>>? progress = null)
    {
        var all = targets.Targets;
        var result = new List<FoldFit>();
        double[] start = [.. full.Fitted.Select(f => f.Value)];
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            var training = new Calibrator(scenario, targets with { Targets = [.. all.Where((_, i) => i % folds != fold)] }, replicates, seed, simulate);
            var fit = scout > 0 ? training.Fit(budget, progress?.Invoke(fold), cancel, scout: scout, fromScratch: true, search: search)
                : training.Fit(budget, progress?.Invoke(fold), cancel, start: start, search: search);
            var atFit = Evaluate([.. fit.Fitted.Select(x => x.Value)]);
            var fullFitLoss = Loss(full.Fits.Where((_, i) => i % folds != fold));
            result.Add(new FoldFit(fold, fit.Fitted, fit.Loss, fullFitLoss, [.. atFit.Where((_, i) => i % folds == fold)]));
        }
        return result;
    }

    /// <summary>The targets' fit for given values of the free parameters (or the scenario's own, with none given).</summary>
    public IReadOnlyList<TargetFit> Evaluate(double[]? values = null)
    {
        var point = values is null ? scenario : scenario.With(_free.Select((f, i) => (f.Path, values[i]))); // validated like a file
        var plan = point.Plan.Runs(replicates, seed);
        var result = simulate?.Invoke(plan) ?? new TickDriver(new InProcessRuntime()).RunAsync(plan).GetAwaiter().GetResult();
        return targets.Targets.Select(t =>
        {
            var v = TargetMeasure.PerReplicate(result, point.World, t, targets.Date);
            var spread = Results.Spread.Of(v); // sorts v
            return new TargetFit(t, t.Observed, spread.P05, spread.P50, spread.P95, HarrellDavisMedian(v));
        }).ToArray();
    }

    /// <summary>Σ weight × (error / tolerance)²: a count 10 % off and a share 8 pp off cost the same.</summary>
    /// <summary>
    /// Plus, for each headline count, the squared excess of its 5–95 % band over ±30 % of the median (relative to 10 %):
    /// a model that knows who adopts should also be sure of how many.
    /// </summary>
    public static double Loss(IEnumerable<TargetFit> fits) => fits.Sum(f => f.Target.Weight * f.ScaledError * f.ScaledError
        + (f.Target.Headline ? Math.Pow(Math.Max(0, f.BandHalfWidth - MaxBandHalfWidth) / 0.10, 2) : 0));

    /// <summary>The widest 5–95 % band a headline count may have: ±30 % of its median.</summary>
    public const double MaxBandHalfWidth = 0.30;

    /// <summary>Harrell–Davis median: Σ w_i x_(i), w_i = I(i/n) − I((i−1)/n) for the Beta((n+1)/2, (n+1)/2) distribution function I.</summary>
    public static double HarrellDavisMedian(IReadOnlyList<double> sorted)
    {
        var n = sorted.Count;
        var a = (n + 1) / 2.0;
        double sum = 0, previous = 0;
        for (var i = 1; i <= n; i++)
        {
            var cdf = MathNet.Numerics.SpecialFunctions.BetaRegularized(a, a, (double)i / n);
            sum += (cdf - previous) * sorted[i - 1];
            previous = cdf;
        }
        return sum;
    }

    /// <summary>A Latin hypercube over the free parameters' bounds, from the calibration's seed (reproducible).</summary>
    private List<double[]> ScoutingPoints(int n) =>
        [.. Sweeps.SweepDesign.LatinHypercube([.. _free.Select(f => new Sweeps.SweepParameter(f.Path, [f.Min, f.Max]))], n, seed).Points];

    private double[] FromUnbounded(Vector<double> x) =>
        x.Select((xi, i) => _free[i].Min + (_free[i].Max - _free[i].Min) / (1 + Math.Exp(-xi))).ToArray();

    private static double ToUnbounded(double v, FreeParameter f)
    {
        var u = Math.Clamp((v - f.Min) / (f.Max - f.Min), 1e-6, 1 - 1e-6);
        return Math.Log(u / (1 - u));
    }

    /// <summary>The simplex's first step on the logistic scale of each parameter (0.6: about 15 % of its bounds at the middle).</summary>
    private const double InitialStep = 0.6;
    /// <summary>CMA-ES's first step size on the logistic scale (1: one step moves a parameter at the middle of its bounds to 27 % or 73 % of them).</summary>
    private const double CmaEsFirstStep = 1.0;
    /// <summary>No restart with a smaller simplex than this: its moves are within the noise of a median of replicates.</summary>
    private const double SmallestStep = 0.05;
    /// <summary>The relative gain a restart must make to be tried again at the same size.</summary>
    private const double MinimumGain = 1e-4;

    private sealed class BudgetSpent : Exception;
}

/// <summary>The optimiser after the scouting points.</summary>
public enum Search { Simplex, CmaEs }
