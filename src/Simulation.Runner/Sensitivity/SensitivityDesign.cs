using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Runner.Estimators;
using Simulation.Runner.Sweeps;
using Simulation.Scenarios;

namespace Simulation.Runner.Sensitivity;

/// <summary>
/// The design of a sensitivity analysis: the uncertain parameters, their points on the unit cube (Morris trajectories
/// or the Saltelli matrices) and the same points in the parameters' units, as a sweep design the sweep machinery runs.
/// A whole-number field (months) is rounded, and <see cref="Unit"/> holds where the rounded value really lies.
/// </summary>
public sealed record SensitivityDesign(string Method, int Samples, IReadOnlyList<FreeParameter> Parameters, SweepDesign Sweep, double[][] Unit)
{
    public const string Morris = "morris";
    public const string Sobol = "sobol";
    public const int MorrisLevels = 4;

    public int K => Parameters.Count;

    public static SensitivityDesign Create(string method, int samples, IReadOnlyList<FreeParameter> parameters, JsonObject resolved, ulong seed)
    {
        var k = parameters.Count;
        var designSeed = (int)(seed % int.MaxValue);
        var unit = method == Morris ? Estimators.Morris.Trajectories(k, samples, MorrisLevels, designSeed) : Estimators.Sobol.Saltelli(k, samples, designSeed);
        var whole = parameters.Select(p => ScenarioPaths.IsWholeNumber(resolved, p.Path)).ToArray();
        var values = unit.Select(u => u.Select((x, i) =>
        {
            var v = parameters[i].Min + x * (parameters[i].Max - parameters[i].Min);
            return whole[i] ? Math.Round(v) : v;
        }).ToArray()).ToArray();
        var actual = values.Select(v => v.Select((x, i) => (x - parameters[i].Min) / (parameters[i].Max - parameters[i].Min)).ToArray()).ToArray();
        var kind = method == Morris
            ? $"Morris elementary effects ({samples} trajectories × {k + 1} points, {MorrisLevels} levels)"
            : $"Sobol indices, Saltelli design (N = {samples}, {samples} × ({k} + 2) points)";
        var sweep = new SweepDesign([.. parameters.Select(p => new SweepParameter(ScenarioPaths.Normalise(p.Path), [p.Min, p.Max]))], values, kind);
        return new SensitivityDesign(method, samples, parameters, sweep, actual);
    }

    /// <summary>Design points a method needs for k parameters and the given samples.</summary>
    public static int PointCount(string method, int k, int samples) => method == Morris ? samples * (k + 1) : Estimators.Sobol.PointCount(k, samples);
}
