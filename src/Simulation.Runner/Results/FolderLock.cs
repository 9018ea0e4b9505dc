namespace Simulation.Runner.Results;

/// <summary>
/// Held by a command while it writes or replaces an output folder (".NAME.lock" beside it, an exclusive lock the
/// operating system drops if the process dies): a second command into the same folder is refused instead of writing
/// every row twice or replacing a folder that a sweep is still writing.
/// </summary>
public static class FolderLock
{
    /// <summary>The lock on <paramref name="real"/> (a resolved folder path), or <see cref="OutputBusyException"/>.</summary>
    public static FileStream Take(string real, string requested)
    {
        var parent = Path.GetDirectoryName(real)!;
        try
        {
            Directory.CreateDirectory(parent);
            return new FileStream(Path.Combine(parent, $".{Path.GetFileName(real)}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (Directory.Exists(parent) && File.Exists(Path.Combine(parent, $".{Path.GetFileName(real)}.lock")))
        {
            throw new OutputBusyException(requested);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OutputNotWritableException(parent, e.Message);
        }
    }

    /// <summary>
    /// Moves what <paramref name="from"/> holds into <paramref name="to"/> (an existing folder), entry by entry, so the
    /// folder itself, its owner and its permissions stay.
    /// </summary>
    public static void MoveContents(string from, string to)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var target = Path.Combine(to, Path.GetFileName(entry));
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null) Directory.Move(entry, target);
            else File.Move(entry, target);
        }
    }
}

/// <summary>Another command is writing into the folder now: bad input (exit 2), nothing touched.</summary>
public sealed class OutputBusyException(string path)
    : Exception($"another command (a run, sweep or sensitivity analysis) is writing into '{path}' now; wait for it to finish or choose another --out");
