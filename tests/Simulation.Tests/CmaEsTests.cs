using Simulation.Runner.Calibration;
using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>The global search `calibrate --search cma-es` uses, on functions whose minimum is known.</summary>
public sealed class CmaEsTests
{
    /// <summary>A rotated ellipsoid, condition 10⁴: parameters that trade off against each other, as the adoption terms do.</summary>
    private static double Ellipsoid(double[] x)
    {
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            // Rotate by summing neighbours so no axis is a principal one; minimum 0 at x = (1, …, 1).
            var z = (x[i] - 1) + (i + 1 < x.Length ? x[i + 1] - 1 : 0);
            sum += Math.Pow(1e4, (double)i / (x.Length - 1)) * z * z;
        }
        return sum;
    }

    [Fact]
    public void Finds_the_minimum_of_an_ill_conditioned_rotated_valley_in_eight_dimensions()
    {
        var (point, loss) = CmaEs.Minimise(Ellipsoid, new double[8], sigma0: 1, budget: 4000, seed: 20190917);
        Assert.True(loss < 1e-3, $"loss {loss}");
        Assert.All(point, v => Assert.InRange(v, 0.95, 1.05));
    }

    [Fact]
    public void Restarts_with_larger_populations_leave_a_local_minimum()
    {
        // Rastrigin in 4 dimensions: a local minimum at every integer point, the global one (0) at the origin. Started
        // in the basin of (3, 3, 3, 3) (loss 36), where a local search ends.
        static double Rastrigin(double[] x) => 10 * x.Length + x.Sum(v => v * v - 10 * Math.Cos(2 * Math.PI * v));
        var (point, loss) = CmaEs.Minimise(Rastrigin, [3, 3, 3, 3], sigma0: 2, budget: 20000, seed: 7);
        Assert.True(loss < 1.5, $"loss {loss} at ({string.Join(", ", point.Select(v => v.ToString("0.00")))})");
        // The first runs alone end in a local minimum: it is the restarts the larger budget buys that leave it.
        Assert.True(CmaEs.Minimise(Rastrigin, [3, 3, 3, 3], sigma0: 2, budget: 300, seed: 7).Loss > 3);
    }

    [Fact]
    public void Spends_its_budget_and_repeats_exactly_from_a_seed()
    {
        var calls = 0;
        double Counted(double[] x) { calls++; return Ellipsoid(x); }
        var first = CmaEs.Minimise(Counted, new double[5], 1, budget: 137, seed: 3);
        Assert.Equal(137, calls);
        var again = CmaEs.Minimise(Ellipsoid, new double[5], 1, budget: 137, seed: 3);
        Assert.Equal(first.Point, again.Point);
        Assert.NotEqual(first.Point, CmaEs.Minimise(Ellipsoid, new double[5], 1, budget: 137, seed: 4).Point);
    }

    [Fact]
    public void A_calibration_from_scratch_with_cma_es_stays_inside_the_bounds_spends_its_budget_and_repeats()
    {
        var hindcast = ScenarioLoader.Load(CalibrationTests.SmallFit(TestWorld.TempDir("cmaes")));
        var targets = TargetFile.Load(CalibrationTests.Targets) is var all ? all with { Targets = [.. all.Targets.Take(4)] } : null!;
        CalibrationResult Scratch() => new Calibrator(hindcast, targets, replicates: 3, seed: 7).Fit(budget: 12, scout: 4, fromScratch: true, search: Search.CmaEs);
        var (first, again) = (Scratch(), Scratch());
        Assert.Equal(12, first.Evaluations);
        Assert.Equal(first.LossTrace, again.LossTrace);
        Assert.Equal(first.Fitted.Select(f => f.Value), again.Fitted.Select(f => f.Value));
        Assert.All(first.Fitted, f => Assert.InRange(f.Value, f.Parameter.Min, f.Parameter.Max));
        Assert.Equal(first.LossTrace.Min(), first.Loss, 12); // the answer is the best point it ran
        // Without scouting it starts from the scenario's values, runs them first and never ends worse than them.
        var warm = new Calibrator(hindcast, targets, replicates: 3, seed: 7);
        var fromShipped = warm.Fit(budget: 6, search: Search.CmaEs);
        Assert.Equal(Calibrator.Loss(warm.Evaluate()), fromShipped.LossTrace[0], 12);
        Assert.True(fromShipped.Loss <= fromShipped.LossTrace[0]);
    }

    [Fact]
    public void Calibrate_with_cma_es_and_folds_from_scratch_says_so_and_that_the_folds_did_not_converge()
    {
        var dir = TestWorld.TempDir("cmaes-folds");
        var folder = CalibratePipeline.Run(CalibrationTests.SmallFit(dir), CalibrationTests.Targets, replicates: 4, budget: 4, seed: null,
            Path.Combine(dir, "out"), force: false, folds: 2, foldBudget: 5, scout: 3, search: Search.CmaEs);
        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("3 Latin-hypercube points, then CMA-ES with restarts; 2 folds of 5 runs each, fitted from scratch", report);
        // Five runs from a hypercube do not reach the full fit (which started from the shipped values): the report says
        // the held-out errors measure the search.
        Assert.Contains("did not converge, so its held-out errors measure the search as much as the model.", report);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(folder, "calibration.csv")).Skip(1).Select(l => l.Split(',')[8]).Distinct().Count());
    }
}
