using Simulation.Runner.Estimators;

namespace Simulation.Tests;

/// <summary>
/// The sensitivity estimators against test functions whose indices are known analytically (Saltelli et al. 2008,
/// Global Sensitivity Analysis: The Primer, §4.9; Saltelli et al. 2010, CPC 181:259–270). Tolerances are stated per
/// test; every design is seeded, so a pass or a failure repeats exactly.
/// </summary>
public sealed class EstimatorTests
{
    /// <summary>Ishigami: f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³, a = 7, b = 0.1.</summary>
    private static double Ishigami(double[] u)
    {
        double X(int i) => -Math.PI + 2 * Math.PI * u[i];
        return Math.Sin(X(0)) + 7 * Math.Pow(Math.Sin(X(1)), 2) + 0.1 * Math.Pow(X(2), 4) * Math.Sin(X(0));
    }

    private static (double[] First, double[] Total) IshigamiIndices()
    {
        const double a = 7, b = 0.1;
        var pi4 = Math.Pow(Math.PI, 4);
        var v1 = 0.5 * Math.Pow(1 + b * pi4 / 5, 2);
        var v2 = a * a / 8;
        var v13 = Math.Pow(b, 2) * Math.Pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
        var v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    private static readonly double[] GWeights = [0, 1, 4.5, 9, 99, 99, 99, 99];

    /// <summary>Sobol G: Π (|4 x_i − 2| + a_i) / (1 + a_i); small a_i = important factor.</summary>
    private static double SobolG(double[] u) => u.Select((x, i) => (Math.Abs(4 * x - 2) + GWeights[i]) / (1 + GWeights[i])).Aggregate(1.0, (p, t) => p * t);

    private static (double[] First, double[] Total) SobolGIndices()
    {
        var vi = GWeights.Select(a => 1 / (3 * Math.Pow(1 + a, 2))).ToArray();
        var v = vi.Aggregate(1.0, (p, x) => p * (1 + x)) - 1;
        return ([.. vi.Select(x => x / v)], [.. vi.Select((x, i) => x * vi.Where((_, j) => j != i).Aggregate(1.0, (p, y) => p * (1 + y)) / v)]);
    }

    [Fact]
    public void Sobol_Jansen_estimates_recover_the_Ishigami_indices_within_0_03()
    {
        var points = Sobol.Saltelli(3, 8192, seed: 7);
        var indices = Sobol.Estimate([.. points.Select(Ishigami)], 3, bootstrap: 200);
        var (first, total) = IshigamiIndices();
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(indices[i].First, first[i] - 0.03, first[i] + 0.03);
            Assert.InRange(indices[i].Total, total[i] - 0.03, total[i] + 0.03);
            Assert.True(indices[i].TotalCi.Low <= indices[i].Total && indices[i].Total <= indices[i].TotalCi.High);
        }
        // x3 acts only through its interaction with x1: no first-order effect, a sizeable total one.
        Assert.True(indices[2].Total - indices[2].First > 0.2);
    }

    [Fact]
    public void Sobol_Jansen_estimates_recover_the_Sobol_G_indices_within_0_03_and_their_intervals_cover_them()
    {
        var k = GWeights.Length;
        var points = Sobol.Saltelli(k, 4096, seed: 11);
        var indices = Sobol.Estimate([.. points.Select(SobolG)], k, bootstrap: 300);
        var (first, total) = SobolGIndices();
        for (var i = 0; i < k; i++)
        {
            Assert.InRange(indices[i].First, first[i] - 0.03, first[i] + 0.03);
            Assert.InRange(indices[i].Total, total[i] - 0.03, total[i] + 0.03);
        }
        // The bootstrap intervals of the two important factors contain the analytic values.
        for (var i = 0; i < 2; i++)
        {
            Assert.InRange(first[i], indices[i].FirstCi.Low, indices[i].FirstCi.High);
            Assert.InRange(total[i], indices[i].TotalCi.Low, indices[i].TotalCi.High);
        }
    }

    [Fact]
    public void Sobol_rows_with_a_failed_point_are_left_out_not_counted_as_zero()
    {
        var points = Sobol.Saltelli(3, 4096, seed: 3);
        var y = points.Select(Ishigami).ToArray();
        for (var j = 0; j < y.Length; j += 97) y[j] = double.NaN;
        var indices = Sobol.Estimate(y, 3, bootstrap: 50);
        var (first, _) = IshigamiIndices();
        Assert.InRange(indices[1].First, first[1] - 0.05, first[1] + 0.05);
    }

    [Fact]
    public void Morris_on_a_linear_function_gives_each_coefficient_exactly_with_no_spread()
    {
        double[] c = [5, -2, 0.5, 0];
        var points = Morris.Trajectories(4, 10, levels: 4, seed: 5);
        Assert.Equal(10 * 5, points.Length);
        var y = points.Select(x => x.Select((xi, i) => c[i] * xi).Sum()).ToArray();
        var indices = Morris.Estimate(points, y, 4, bootstrap: 50);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Math.Abs(c[i]), indices[i].MuStar, 9);
            Assert.Equal(c[i], indices[i].Mu, 9);
            Assert.Equal(0, indices[i].Sigma, 9);
        }
    }

    [Fact]
    public void Morris_trajectories_move_one_factor_at_a_time_by_delta_inside_the_unit_cube()
    {
        var points = Morris.Trajectories(6, 8, levels: 4, seed: 9);
        for (var t = 0; t < 8; t++)
        {
            var moved = new HashSet<int>();
            for (var s = 0; s < 6; s++)
            {
                var (a, b) = (points[t * 7 + s], points[t * 7 + s + 1]);
                var changed = Enumerable.Range(0, 6).Where(i => a[i] != b[i]).ToArray();
                Assert.Single(changed);
                Assert.Equal(2.0 / 3, Math.Abs(b[changed[0]] - a[changed[0]]), 12);
                Assert.True(moved.Add(changed[0]));
            }
        }
        Assert.All(points.SelectMany(p => p), x => Assert.InRange(x, 0, 1));
    }

    [Fact]
    public void Morris_ranks_the_Sobol_G_factors_by_importance_and_flags_interaction_through_sigma()
    {
        var k = GWeights.Length;
        var points = Morris.Trajectories(k, 40, levels: 4, seed: 13);
        var indices = Morris.Estimate(points, [.. points.Select(SobolG)], k, bootstrap: 100);
        // a = 0, 1, 4.5, 9 are decreasingly important; the a = 99 factors are negligible.
        for (var i = 0; i < 3; i++) Assert.True(indices[i].MuStar > indices[i + 1].MuStar, $"mu* of x{i + 1} should exceed x{i + 2}");
        Assert.All(indices.Skip(4), m => Assert.True(m.MuStar < 0.1 * indices[0].MuStar));
        // G is a product, so the important factors' effects depend on the others: σ is large against μ*.
        Assert.True(indices[0].Sigma > 0.3 * indices[0].MuStar);
    }

    [Fact]
    public void Morris_noise_floor_predicts_the_mu_star_of_an_output_that_is_pure_replicate_noise()
    {
        // Each replicate's output is independent N(0, 1) noise: no factor matters, and μ* should sit at the floor.
        const int k = 3, R = 8;
        var points = Morris.Trajectories(k, 400, levels: 4, seed: 17);
        var rng = new MathNet.Numerics.Random.Xoshiro256StarStar(2, false);
        var replicates = points.Select(_ => Enumerable.Range(0, R).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).ToArray()).ToArray();
        var floor = Morris.NoiseFloor(points, replicates, k);
        var expected = Math.Sqrt(2 / Math.PI) * Math.Sqrt(2.0 / R) / Morris.Delta(4);
        Assert.InRange(floor, 0.9 * expected, 1.1 * expected);
        var indices = Morris.Estimate(points, [.. replicates.Select(r => r.Average())], k, bootstrap: 50);
        Assert.All(indices, m => Assert.InRange(m.MuStar, 0.85 * floor, 1.15 * floor));
    }

    [Fact]
    public void Replicate_noise_share_separates_parameter_variance_from_stream_variance()
    {
        // Means spread with variance 4 (parameters); replicates scatter with variance 1 around them (streams).
        var rng = new MathNet.Numerics.Random.Xoshiro256StarStar(1, false);
        var means = new List<double>();
        var variances = new List<double>();
        const int R = 10;
        for (var p = 0; p < 4000; p++)
        {
            var mu = 2 * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1);
            var sample = Enumerable.Range(0, R).Select(_ => mu + MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).ToArray();
            means.Add(sample.Average());
            variances.Add(MathNet.Numerics.Statistics.Statistics.Variance(sample));
        }
        Assert.InRange(ReplicateNoise.Share(means, variances, R), 0.2 - 0.02, 0.2 + 0.02); // 1 / (4 + 1)
    }
}
