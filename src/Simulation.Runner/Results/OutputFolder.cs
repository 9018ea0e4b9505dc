namespace Simulation.Runner.Results;

/// <summary>
/// Outputs are written into a hidden staging folder beside the destination and moved into place only when complete,
/// so an interrupted or failed run never leaves a half-written folder and never touches an earlier one.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private bool _committed;

    private OutputFolder(string destination, bool replace)
    {
        Destination = Path.GetFullPath(destination);
        Replace = replace;
        var parent = Path.GetDirectoryName(Destination)!;
        Directory.CreateDirectory(parent);
        Staging = Path.Combine(parent, $".{Path.GetFileName(Destination)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(Staging)) Directory.Delete(Staging, true);
        Directory.CreateDirectory(Staging);
    }

    public string Destination { get; }
    public string Staging { get; }
    private bool Replace { get; }

    /// <summary>
    /// Picks the destination: --out as given (an existing non-empty folder only with --force), or without --out a new
    /// folder under out/ named after the scenario, numbered if that name is taken.
    /// </summary>
    public static OutputFolder Open(string? requested, string scenarioName, bool force)
    {
        if (requested != null)
        {
            if (File.Exists(requested)) throw new OutputExistsException(requested, isFile: true);
            if (Directory.Exists(requested) && Directory.EnumerateFileSystemEntries(requested).Any() && !force)
                throw new OutputExistsException(requested);
            return new OutputFolder(requested, force);
        }
        var name = SafeName(scenarioName);
        var path = Path.Combine("out", name);
        for (var n = 2; Directory.Exists(path) || File.Exists(path); n++) path = Path.Combine("out", $"{name}-{n}");
        return new OutputFolder(path, false);
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
        if (Directory.Exists(Destination) && !Directory.EnumerateFileSystemEntries(Destination).Any())
            Directory.Delete(Destination); // an empty folder the user made for the results
        if (Directory.Exists(Destination))
        {
            if (!Replace) throw new OutputExistsException(Destination);
            var old = Destination + $".old-{Environment.ProcessId}";
            Directory.Move(Destination, old);
            Directory.Move(Staging, Destination);
            Directory.Delete(old, true);
        }
        else Directory.Move(Staging, Destination);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, true);
    }
}

public sealed class OutputExistsException(string path, bool isFile = false)
    : Exception(isFile ? $"--out '{path}' is a file, not a folder; choose a folder name"
        : $"output folder '{path}' already exists and is not empty; choose another --out or add --force to replace it");
