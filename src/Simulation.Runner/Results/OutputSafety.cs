namespace Simulation.Runner.Results;

/// <summary>
/// What `--force` may replace: only a folder this tool wrote, holding nothing but what it wrote (its marker file lists
/// every file it put there), or an empty one; never one that holds what the command reads, the current directory or a
/// repository. A user's scenarios, data, notes or repository must never be deleted by a mistyped --out.
/// </summary>
public static class OutputSafety
{
    /// <summary>Written into every output folder (run, compare, sweep, calibrate, sensitivity): says who wrote it and what.</summary>
    public const string MarkerFile = ".simulation-output";

    private const string WrittenPrefix = "written: ";

    public static void WriteMarker(string folder, string command) =>
        File.WriteAllText(Path.Combine(folder, MarkerFile),
            $"Written by the simulation's `{command}` command; `--force` may replace this folder if it holds only the files listed below.\n");

    /// <summary>Records files (or folders) this tool wrote into <paramref name="folder"/>, so --force knows them from a user's.</summary>
    public static void Claim(string folder, IEnumerable<string> paths) =>
        File.AppendAllLines(Path.Combine(folder, MarkerFile),
            paths.Select(p => WrittenPrefix + Path.GetRelativePath(folder, Path.Combine(folder, p)).Replace('\\', '/')));

    public static void Claim(string folder, params string[] paths) => Claim(folder, (IEnumerable<string>)paths);

    /// <summary>Entries of a marked folder this tool did not write (a user's notes, a copied file), relative; all of them if it has no marker.</summary>
    public static IReadOnlyList<string> Unclaimed(string folder)
    {
        var marker = Path.Combine(folder, MarkerFile);
        var claimed = File.Exists(marker)
            ? File.ReadLines(marker).Where(l => l.StartsWith(WrittenPrefix, StringComparison.Ordinal)).Select(l => l[WrittenPrefix.Length..]).ToHashSet(StringComparer.Ordinal)
            : [];
        bool Known(string relative) => claimed.Contains(relative) || claimed.Any(c => c.StartsWith(relative + "/", StringComparison.Ordinal));
        return [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(e => Path.GetRelativePath(folder, e).Replace('\\', '/'))
            .Where(r => r != MarkerFile && !Known(r))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Throws <see cref="UnsafeOutputException"/> unless <paramref name="folder"/> may be replaced.</summary>
    /// <param name="inputs">Every file the command reads (scenario, extends chain, world files, targets).</param>
    /// <param name="replacing">False when the folder is kept and written on (a design resumed): only where it is matters.</param>
    public static void CheckReplaceable(string folder, IEnumerable<string> inputs, bool replacing = true)
    {
        var full = RealPath.Of(folder);
        var cwd = RealPath.Of(Directory.GetCurrentDirectory());
        if (IsSameOrInside(cwd, full))
            throw new UnsafeOutputException(folder, full == cwd ? "it is the current directory" : "it holds the current directory");
        // Compared where they really are: a symbolic link must not hide an input inside the folder.
        var input = inputs.Select(RealPath.Of).FirstOrDefault(i => IsSameOrInside(i, full));
        if (input != null)
            throw new UnsafeOutputException(folder, $"it holds '{input}', which this command reads");
        if (!Directory.Exists(full)) return;
        if (Directory.Exists(Path.Combine(full, ".git")) || File.Exists(Path.Combine(full, ".git")) ||
            Directory.EnumerateFiles(full, "*.sln").Any())
            throw new UnsafeOutputException(folder, "it is a repository");
        if (!replacing || !Directory.EnumerateFileSystemEntries(full).Any()) return;
        if (!File.Exists(Path.Combine(full, MarkerFile)))
            throw new UnsafeOutputException(folder, "it was not written by this tool (it has no " + MarkerFile + " file)");
        CheckOnlyOurs(folder, full);
    }

    /// <summary>A marked folder may be replaced only if everything in it is what this tool wrote there.</summary>
    /// <param name="afterRun">Checked again once the results are ready: they are then dropped, not the user's file.</param>
    public static void CheckOnlyOurs(string folder, string full, bool afterRun = false)
    {
        var foreign = Unclaimed(full);
        if (foreign.Count > 0)
            throw new UnsafeOutputException(folder, $"it holds {(foreign.Count == 1 ? "a file" : $"{foreign.Count} files")} this tool did not write " +
                $"('{string.Join("', '", foreign.Take(3))}'{(foreign.Count > 3 ? ", ..." : "")}); move {(foreign.Count == 1 ? "it" : "them")} out first", afterRun);
    }

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || folder == Path.GetPathRoot(folder);
}

/// <summary>--force refused: the folder is not one this tool may replace. Bad input (exit 2); nothing is touched.</summary>
public sealed class UnsafeOutputException(string path, string reason, bool afterRun = false)
    : Exception($"--force will not replace '{path}': {reason}. Choose a new or empty --out folder; " +
        (afterRun ? "nothing was deleted, and this run's results were not kept" : "nothing was run or deleted"));
