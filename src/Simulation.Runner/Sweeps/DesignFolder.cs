using Simulation.Runner.Results;

namespace Simulation.Runner.Sweeps;

/// <summary>
/// A design's folder (sweep, sensitivity) while the design runs into it. It is written in place, point by point, so an
/// interrupted design resumes; two commands never write into one folder at once (<see cref="FolderLock"/>), and what
/// --force replaces is first put aside (".NAME.replaced-PID") and deleted only when the new design has finished, so an
/// interrupt never loses the earlier results.
/// </summary>
public sealed class DesignFolder : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _real;
    private bool _finished;

    private DesignFolder(FileStream @lock, string real, string? putAside)
    {
        _lock = @lock;
        _real = real;
        PutAside = putAside;
    }

    /// <summary>Where the folder's earlier contents wait while a --force design runs; null if nothing was replaced.</summary>
    public string? PutAside { get; }

    /// <summary>
    /// A fresh folder, or the same design's folder to resume (its description file matches); a folder holding another
    /// design only with --force, and only one this tool wrote that holds nothing else.
    /// </summary>
    /// <param name="inputs">Files the command reads: the folder may never hold one of them.</param>
    /// <param name="command">The command writing the folder, recorded in its marker file.</param>
    public static DesignFolder Prepare(string directory, string descriptionFile, string description, bool force, IEnumerable<string> inputs,
        string command)
    {
        OutputExistsException.ThrowIfNotAFolder(directory);
        var real = RealPath.Of(directory); // through a symbolic link: the link stays, the folder it names is written
        var parent = Path.GetDirectoryName(real)!;
        var @lock = FolderLock.Take(real, directory); // held while the design runs: a second one would write every row twice
        try
        {
            string? aside = null;
            var designFile = Path.Combine(real, descriptionFile);
            if (Directory.Exists(real) && Directory.EnumerateFileSystemEntries(real).Any())
            {
                var same = File.Exists(designFile) && File.ReadAllText(designFile) == description;
                if (same && !File.Exists(Path.Combine(real, OutputSafety.MarkerFile)))
                    throw new UnsafeOutputException(directory, "it was not written by this tool (it has no " + OutputSafety.MarkerFile + " file)");
                if (!same && !force) throw new OutputExistsException(directory);
                OutputSafety.CheckReplaceable(directory, inputs, replacing: !same); // also when resuming: a design never writes among its inputs
                if (!same)
                {
                    aside = Path.Combine(parent, $".{Path.GetFileName(real)}.replaced-{Environment.ProcessId}");
                    for (var n = 2; Directory.Exists(aside) || File.Exists(aside); n++)
                        aside = Path.Combine(parent, $".{Path.GetFileName(real)}.replaced-{Environment.ProcessId}-{n}");
                    Directory.CreateDirectory(aside);
                    FolderLock.MoveContents(real, aside); // the folder itself stays: its owner and permissions are the user's
                }
            }
            else OutputSafety.CheckReplaceable(directory, inputs);
            try
            {
                Directory.CreateDirectory(Path.Combine(real, "points"));
                if (!File.Exists(Path.Combine(real, OutputSafety.MarkerFile))) OutputSafety.WriteMarker(real, command);
                File.WriteAllText(designFile, description);
                OutputSafety.Claim(real, descriptionFile, "points");
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new OutputNotWritableException(directory, e.Message);
            }
            return new DesignFolder(@lock, real, aside);
        }
        catch
        {
            @lock.Dispose();
            throw;
        }
    }

    /// <summary>The design has finished: what --force put aside (by this run or an interrupted one before it) can go.</summary>
    public void Finished()
    {
        _finished = true;
        var parent = Path.GetDirectoryName(_real)!;
        foreach (var aside in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(_real)}.replaced-*"))
            Directory.Delete(aside, true);
    }

    public void Dispose()
    {
        _lock.Dispose();
        if (!_finished && PutAside != null && Directory.Exists(PutAside))
            Console.Error.WriteLine($"The folder's earlier contents are kept in '{PutAside}' until this design finishes.");
    }
}
