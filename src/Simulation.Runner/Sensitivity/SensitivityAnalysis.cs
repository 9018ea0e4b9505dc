using System.Globalization;
using MathNet.Numerics.Statistics;
using Simulation.Runner.Estimators;
using Simulation.Runner.Results;

namespace Simulation.Runner.Sensitivity;

/// <summary>One row of sensitivity.csv.</summary>
public sealed record IndexRow(string Outcome, string Parameter, string Method, string Index, double Value, double CiLow, double CiHigh);

/// <summary>
/// The indices of one outcome: per parameter (in design order), the replicate-noise shares, and for Morris the μ*
/// replicate noise alone would give.
/// </summary>
public sealed record OutcomeAnalysis(SensitivityOutcome Outcome, double Mean, double Spread, int Points,
    IReadOnlyList<MorrisIndex>? Morris, IReadOnlyList<SobolIndex>? Sobol, double NoiseShare, double NoiseFloor);

/// <summary>Reads the finished points back from outcomes.csv and computes the indices the method calls for.</summary>
public static class SensitivityAnalysis
{
    public const string NoiseParameter = "(replicate noise)";

    public static IReadOnlyList<OutcomeAnalysis> Compute(string directory, SensitivityDesign design, IReadOnlyList<SensitivityOutcome> outcomes, int replicates)
    {
        var n = design.Sweep.Points.Count;
        var values = outcomes.ToDictionary(o => o.Id, _ => Enumerable.Range(0, n).Select(_ => new List<double>()).ToArray());
        foreach (var line in File.ReadLines(Path.Combine(directory, SensitivityPipeline.ResultsFile)).Skip(1))
        {
            var f = line.Split(','); // point,outcome,replicate,value (an outcome id has no comma)
            if (values.TryGetValue(f[1], out var byPoint))
                byPoint[int.Parse(f[0], CultureInfo.InvariantCulture)].Add(double.Parse(f[3], CultureInfo.InvariantCulture));
        }
        return outcomes.Select(o =>
        {
            var byPoint = values[o.Id].Select(v => v.ToArray()).ToArray();
            var mean = byPoint.Select(v => v.Length > 0 ? v.Average() : double.NaN).ToArray();
            var variance = byPoint.Select(v => v.Length > 1 ? v.Variance() : double.NaN).ToArray();
            var finished = mean.Where(double.IsFinite).ToArray();
            var noise = ReplicateNoise.Share(mean, variance, replicates);
            var morris = design.Method == SensitivityDesign.Morris;
            return new OutcomeAnalysis(o, finished.Length > 0 ? finished.Average() : double.NaN,
                finished.Length > 1 ? finished.StandardDeviation() : double.NaN, finished.Length,
                morris ? Morris.Estimate(design.Unit, mean, design.K) : null,
                morris ? null : Sobol.Estimate(mean, design.K), noise,
                morris ? Morris.NoiseFloor(design.Unit, byPoint, design.K) : double.NaN);
        }).ToArray();
    }

    private static double[] Filled(int n) => Enumerable.Repeat(double.NaN, n).ToArray();

    public static IEnumerable<IndexRow> Rows(OutcomeAnalysis a, SensitivityDesign design)
    {
        string P(int i) => design.Sweep.Parameters[i].Column;
        var id = a.Outcome.Id;
        if (a.Morris != null)
            foreach (var m in a.Morris)
            {
                yield return new IndexRow(id, P(m.Factor), design.Method, "mu_star", m.MuStar, m.MuStarCi.Low, m.MuStarCi.High);
                yield return new IndexRow(id, P(m.Factor), design.Method, "mu", m.Mu, double.NaN, double.NaN);
                yield return new IndexRow(id, P(m.Factor), design.Method, "sigma", m.Sigma, m.SigmaCi.Low, m.SigmaCi.High);
            }
        if (a.Sobol != null)
            foreach (var s in a.Sobol)
            {
                yield return new IndexRow(id, P(s.Factor), design.Method, "first_order", s.First, s.FirstCi.Low, s.FirstCi.High);
                yield return new IndexRow(id, P(s.Factor), design.Method, "total", s.Total, s.TotalCi.Low, s.TotalCi.High);
            }
        yield return new IndexRow(id, NoiseParameter, design.Method, "variance_share", a.NoiseShare, double.NaN, double.NaN);
        if (a.Morris != null) yield return new IndexRow(id, NoiseParameter, design.Method, "mu_star_of_noise", a.NoiseFloor, double.NaN, double.NaN);
    }

    /// <summary>sensitivity.csv: outcome,parameter,method,index,value,ci_low,ci_high (no interval: empty cells).</summary>
    public static void WriteCsv(string path, IReadOnlyList<OutcomeAnalysis> analysis, SensitivityDesign design)
    {
        using var csv = new Csv(path, "outcome,parameter,method,index,value,ci_low,ci_high");
        foreach (var r in analysis.SelectMany(a => Rows(a, design)))
        {
            csv.Field(r.Outcome).Field(r.Parameter).Field(r.Method).Field(r.Index);
            foreach (var v in new[] { r.Value, r.CiLow, r.CiHigh })
                if (double.IsFinite(v)) csv.Field(v); else csv.Field("");
            csv.EndRow();
        }
    }
}
