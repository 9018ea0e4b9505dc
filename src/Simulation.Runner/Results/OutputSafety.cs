namespace Simulation.Runner.Results;

/// <summary>
/// What `--force` may replace: only a folder this tool wrote (it carries <see cref="MarkerFile"/>) or an empty one,
/// and never one that holds what the command reads, the current directory or a repository. A user's scenarios, data
/// or repository must never be deleted by a mistyped --out.
/// </summary>
public static class OutputSafety
{
    /// <summary>Written into every output folder (run, compare, sweep, calibrate) so --force can recognise it.</summary>
    public const string MarkerFile = ".simulation-output";

    /// <summary>Output folders written before the marker existed are still recognised by their own description file.</summary>
    private static readonly string[] LegacyMarkers = ["manifest.json", "sweep.json"];

    public static void WriteMarker(string folder, string command) =>
        File.WriteAllText(Path.Combine(folder, MarkerFile),
            $"Written by the simulation's `{command}` command; `--force` may replace this folder.\n");

    /// <summary>Throws <see cref="UnsafeOutputException"/> unless <paramref name="folder"/> may be replaced.</summary>
    /// <param name="inputs">Every file the command reads (scenario, extends chain, world files, targets).</param>
    public static void CheckReplaceable(string folder, IEnumerable<string> inputs)
    {
        var full = Normalise(folder);
        var cwd = Normalise(Directory.GetCurrentDirectory());
        if (IsSameOrInside(cwd, full))
            throw new UnsafeOutputException(folder, full == cwd ? "it is the current directory" : "it holds the current directory");
        var input = inputs.Select(Normalise).FirstOrDefault(i => IsSameOrInside(i, full));
        if (input != null)
            throw new UnsafeOutputException(folder, $"it holds '{input}', which this command reads");
        if (!Directory.Exists(full)) return;
        if (Directory.Exists(Path.Combine(full, ".git")) || File.Exists(Path.Combine(full, ".git")) ||
            Directory.EnumerateFiles(full, "*.sln").Any())
            throw new UnsafeOutputException(folder, "it is a repository");
        if (!Directory.EnumerateFileSystemEntries(full).Any()) return;
        if (File.Exists(Path.Combine(full, MarkerFile)) || LegacyMarkers.Any(m => File.Exists(Path.Combine(full, m)))) return;
        throw new UnsafeOutputException(folder, "it was not written by this tool (it has no " + MarkerFile + " file)");
    }

    private static string Normalise(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || folder == Path.GetPathRoot(folder);
}

/// <summary>--force refused: the folder is not one this tool may replace. Bad input (exit 2); nothing is touched.</summary>
public sealed class UnsafeOutputException(string path, string reason)
    : Exception($"--force will not replace '{path}': {reason}. Choose a new or empty --out folder; nothing was run or deleted");
