namespace Simulation.Runner.Results;

/// <summary>
/// Outputs are written into a hidden staging folder beside the destination and moved into place only when complete,
/// so an interrupted or failed run never leaves a half-written folder and never touches an earlier one.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private bool _committed;
    private FileStream? _lock;

    private OutputFolder(string destination, bool replace, string command)
    {
        Destination = RealPath.Of(destination); // through a symbolic link: the link stays, the folder it names is written
        Replace = replace;
        var parent = Path.GetDirectoryName(Destination)!;
        Staging = Path.Combine(parent, $".{Path.GetFileName(Destination)}.partial-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(parent);
            StagingFolders.RemoveStale(parent); // left by runs that were killed
            if (Directory.Exists(Staging)) Directory.Delete(Staging, true);
            StagingFolders.Track(Staging);
            Directory.CreateDirectory(Staging);
            OutputSafety.WriteMarker(Staging, command);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OutputNotWritableException(parent, e.Message);
        }
    }

    public string Destination { get; }
    public string Staging { get; }
    private bool Replace { get; }
    /// <summary>The name reserved for a numbered out/ folder (<see cref="StagingFolders.Reserve"/>), released at the end.</summary>
    private string? Reservation { get; init; }

    /// <summary>
    /// Picks the destination: --out as given (an existing non-empty folder only with --force), or without --out a new
    /// folder under out/ named after the scenario, numbered if that name is taken.
    /// </summary>
    /// <param name="command">The command writing the folder, recorded in its marker file.</param>
    /// <param name="inputs">Files the command reads: --out may never hold one of them.</param>
    public static OutputFolder Open(string? requested, string scenarioName, bool force, string command, IEnumerable<string> inputs)
    {
        if (requested != null)
        {
            OutputExistsException.ThrowIfNotAFolder(requested);
            if (Directory.Exists(requested) && Directory.EnumerateFileSystemEntries(requested).Any() && !force)
                throw new OutputExistsException(requested);
            OutputSafety.CheckReplaceable(requested, inputs);
            // Held until the results are in place: a sweep still writing into the folder, or another run, is not replaced.
            var @lock = FolderLock.Take(RealPath.Of(requested), requested);
            try { return new OutputFolder(requested, force, command) { _lock = @lock }; }
            catch
            {
                @lock.Dispose();
                throw;
            }
        }
        var (path, reservation) = StagingFolders.Reserve("out", SafeName(scenarioName));
        try { return new OutputFolder(path, false, command) { Reservation = reservation }; }
        catch
        {
            StagingFolders.Release(reservation);
            throw;
        }
    }

    /// <summary>A file or folder name from a scenario name: letters, digits, '-', '_' and '.', never a path.</summary>
    public static string SafeName(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var safe = new string(chars).Trim('.');
        return safe.Length == 0 ? "scenario" : safe;
    }

    public string PathOf(string file) => Path.Combine(Staging, file);

    public void Commit()
    {
        // Everything in the staging folder is this tool's: listed in its marker, so a later --force knows it from a user's file.
        OutputSafety.Claim(Staging, Directory.EnumerateFileSystemEntries(Staging, "*", SearchOption.AllDirectories)
            .Where(e => Path.GetFileName(e) != OutputSafety.MarkerFile));
        if (Directory.Exists(Destination))
        {
            // The folder itself stays (a folder the user made keeps its owner and permissions): its contents are replaced.
            if (Directory.EnumerateFileSystemEntries(Destination).Any())
            {
                if (!Replace) throw new OutputExistsException(Destination);
                OutputSafety.CheckOnlyOurs(Destination, Destination, afterRun: true); // a file a user put there while this ran
                var old = Destination + $".old-{Environment.ProcessId}";
                Directory.CreateDirectory(old);
                FolderLock.MoveContents(Destination, old);
                FolderLock.MoveContents(Staging, Destination);
                Directory.Delete(old, true);
            }
            else FolderLock.MoveContents(Staging, Destination);
            Directory.Delete(Staging);
        }
        else Directory.Move(Staging, Destination);
        _committed = true;
        StagingFolders.Untrack(Staging);
        StagingFolders.Release(Reservation);
    }

    public void Dispose()
    {
        _lock?.Dispose();
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, true);
        StagingFolders.Untrack(Staging);
        StagingFolders.Release(Reservation);
    }
}

/// <summary>The output folder's parent cannot be written (read-only, no permission): bad input, exit 2.</summary>
public sealed class OutputNotWritableException(string parent, string reason)
    : Exception($"cannot write the output folder in '{parent}': {reason.TrimEnd('.')}; choose another --out");

public sealed class OutputExistsException(string path, bool isFile = false)
    : Exception(isFile ? NotAFolder(path)
        : $"output folder '{path}' already exists and is not empty; choose another --out or add --force to replace it")
{
    /// <summary>Refuses an --out that names a file, or a symbolic link whose target is missing (which .NET reports as a file).</summary>
    public static void ThrowIfNotAFolder(string path)
    {
        if (File.Exists(path)) throw new OutputExistsException(path, isFile: true);
    }

    private static string NotAFolder(string path) => new FileInfo(path).LinkTarget is { } target && !Path.Exists(RealPath.Of(path))
        ? $"--out '{path}' is a symbolic link to '{target}', which does not exist; create that folder or choose another --out"
        : $"--out '{path}' is a file, not a folder; choose a folder name";
}
