using System.Text.Json;
using System.Text.Json.Nodes;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.Statistics;
using Simulation.Model.Engine;
using Simulation.Model.Scenarios;

namespace Simulation.Runner.Calibration;

/// <summary>
/// A target's observed value against the ensemble: median, band, the relative error of the median, and the smooth
/// (Harrell–Davis) median the loss uses.
/// </summary>
public sealed record TargetFit(Target Target, double Observed, double P05, double P50, double P95, double SmoothMedian)
{
    public double RelativeError => (P50 - Observed) / Observed;
    public bool WithinTenPercent => Math.Abs(RelativeError) <= 0.10;
    public bool InsideBand => Observed >= P05 && Observed <= P95;
}

public sealed record CalibrationResult(IReadOnlyList<(FreeParameter Parameter, double Value)> Fitted, double Loss,
    IReadOnlyList<TargetFit> Fits, int Evaluations, IReadOnlyList<double> LossTrace);

/// <summary>
/// Fits the scenario's free parameters to the targets. Loss = Σ weight × ((ensemble median − observed) / observed)²:
/// relative errors so counts and shares weigh alike; the median because the targets are judged on it, estimated by
/// Harrell–Davis (a Beta-weighted average of all order statistics), which, unlike the sample median of integer counts,
/// moves smoothly with the parameters, so the simplex can follow it. Every evaluation uses the same seed and
/// replicates (common random numbers), so the loss surface is not re-drawn between evaluations. Parameters are searched on a logistic scale inside their bounds with MathNet's
/// Nelder–Mead simplex; the budget counts ensemble runs. Each ensemble runs in this process unless
/// <paramref name="simulate"/> runs it elsewhere (a cluster).
/// </summary>
public sealed class Calibrator(LoadedScenario scenario, TargetFile targets, int replicates, ulong seed, Func<RunSpec, RunResult>? simulate = null)
{
    private readonly JsonObject _resolved = Resolved(scenario);
    private readonly IReadOnlyList<FreeParameter> _free = scenario.Scenario.Calibration;

    private static JsonObject Resolved(LoadedScenario scenario)
    {
        var json = JsonNode.Parse(scenario.ResolvedJson)!.AsObject();
        VendorOverride.WriteWorldValues(json, scenario.World, scenario.Scenario.Calibration.Select(f => f.Path));
        return json;
    }

    public CalibrationResult Fit(int budget, IProgress<(int Evaluation, double Loss, double Best)>? progress = null, CancellationToken cancel = default)
    {
        if (_free.Count == 0) throw new ArgumentException($"{scenario.Path}: the scenario marks no parameters as free (\"calibration\": [...])");
        var trace = new List<double>();
        var best = (Loss: double.PositiveInfinity, Values: _free.Select(f => ScenarioPaths.Get(_resolved, f.Path)).ToArray());
        double Objective(Vector<double> x)
        {
            cancel.ThrowIfCancellationRequested();
            if (trace.Count >= budget) throw new BudgetSpent();
            var values = FromUnbounded(x);
            var loss = Loss(Evaluate(values));
            trace.Add(loss);
            if (loss < best.Loss) best = (loss, values);
            progress?.Report((trace.Count, loss, best.Loss));
            return loss;
        }
        var start = Vector<double>.Build.DenseOfArray(best.Values.Select((v, i) => ToUnbounded(v, _free[i])).ToArray());
        var step = Vector<double>.Build.Dense(_free.Count, 0.6);
        try
        {
            new NelderMeadSimplex(1e-4, budget).FindMinimum(ObjectiveFunction.Value(Objective), start, step);
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

    /// <summary>The targets' fit for given values of the free parameters (or the scenario's own, with none given).</summary>
    public IReadOnlyList<TargetFit> Evaluate(double[]? values = null)
    {
        var json = _resolved.DeepClone().AsObject();
        if (values != null)
            for (var i = 0; i < _free.Count; i++) ScenarioPaths.Set(json, _free[i].Path, values[i]);
        var s = json.Deserialize<Scenario>(ScenarioLoader.Options)!;
        var spec = RunSpec.Create(s, scenario.World, replicates, seed);
        var result = simulate?.Invoke(spec) ?? new TickDriver(new InProcessRuntime()).RunAsync(spec).GetAwaiter().GetResult();
        return targets.Targets.Select(t =>
        {
            var v = TargetMeasure.PerReplicate(result.Recorder, t, targets.Date);
            var sorted = v.Order().ToArray();
            return new TargetFit(t, t.Observed, SortedArrayStatistics.QuantileCustom(sorted, 0.05, QuantileDefinition.R8),
                SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R8),
                SortedArrayStatistics.QuantileCustom(sorted, 0.95, QuantileDefinition.R8), HarrellDavisMedian(sorted));
        }).ToArray();
    }

    public static double Loss(IEnumerable<TargetFit> fits) =>
        fits.Sum(f => f.Target.Weight * Math.Pow((f.SmoothMedian - f.Observed) / f.Observed, 2));

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

    private double[] FromUnbounded(Vector<double> x) =>
        x.Select((xi, i) => _free[i].Min + (_free[i].Max - _free[i].Min) / (1 + Math.Exp(-xi))).ToArray();

    private static double ToUnbounded(double v, FreeParameter f)
    {
        var u = Math.Clamp((v - f.Min) / (f.Max - f.Min), 1e-6, 1 - 1e-6);
        return Math.Log(u / (1 - u));
    }

    private sealed class BudgetSpent : Exception;
}
