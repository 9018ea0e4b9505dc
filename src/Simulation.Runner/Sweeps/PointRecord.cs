using Simulation.Runner.Results;
using System.Text.Json;
using Simulation.Scenarios;

namespace Simulation.Runner.Sweeps;

/// <summary>
/// points/point-NNNN.json: a design point's scenario as it ran, written only as a record (the point runs from the
/// validated copy in memory). It holds the replicates and seed actually used (a --replicates or --seed given on the
/// command line included) and world paths relative to the file, so the folder can move and the point re-run alone.
/// It has no "calibration" list: a point may lie outside the bounds of the fit the scenario declares.
/// </summary>
public static class PointRecord
{
    public static void Write(string file, LoadedScenario point, int replicates, ulong seed)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        string Relative(string path) => Path.IsPathRooted(path) ? Path.GetRelativePath(folder, path).Replace('\\', '/') : path;
        var world = point.Scenario.World;
        var record = point.Scenario with
        {
            Replicates = replicates,
            Seed = seed,
            World = new WorldFiles { Countries = Relative(world.Countries), Vendors = Relative(world.Vendors) },
            Calibration = [], // a point is not a fit: its value may lie outside the fit's bounds, and it still runs alone
        };
        File.WriteAllText(file, JsonSerializer.Serialize(record, InputJson.Options));
        OutputSafety.Claim(Path.GetDirectoryName(folder)!, file); // the design's folder holds points/
    }
}
