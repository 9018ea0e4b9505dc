using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulation.Runner.Results;

/// <summary>
/// The hidden folders and files this tool makes beside an output folder while it works: staging folders
/// (".NAME.partial-PID") and name reservations (".NAME.reserved", holding the PID). A replaced folder's old copy
/// ("NAME.old-PID") is never removed here: it holds a user's earlier results. Live ones are tracked so an interrupt can remove them; ones left by a process that no longer runs (killed
/// with kill -9, a power cut) are removed by the next run that writes beside them. Nothing else is ever touched.
/// </summary>
public static partial class StagingFolders
{
    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);

    public static void Track(string path) => Live.TryAdd(path, 0);
    public static void Untrack(string path) => Live.TryRemove(path, out _);

    /// <summary>Removes every tracked folder and reservation now (a second Ctrl+C: the process is about to exit).</summary>
    public static void RemoveAll()
    {
        foreach (var path in Live.Keys)
        {
            try
            {
                if (Directory.Exists(path)) RemoveStaging(path);
                else if (File.Exists(path)) File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // best effort: the next run retries
        }
    }

    /// <summary>
    /// Removes a staging folder while its writer may still be finishing a file: the marker goes last, and only if nothing
    /// came back, so a folder a late write leaves behind still carries it and the next run beside it removes it.
    /// </summary>
    private static void RemoveStaging(string path)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).Where(e => Path.GetFileName(e) != OutputSafety.MarkerFile))
            if (Directory.Exists(entry)) Directory.Delete(entry, true);
            else File.Delete(entry);
        if (Directory.EnumerateFileSystemEntries(path).All(e => Path.GetFileName(e) == OutputSafety.MarkerFile)) Directory.Delete(path, true);
    }

    /// <summary>Removes staging folders and reservations in <paramref name="parent"/> whose process has ended.</summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveStale(string parent)
    {
        if (!Directory.Exists(parent)) return 0;
        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(parent, ".*"))
        {
            var name = Path.GetFileName(entry);
            try
            {
                if (Staging().Match(name) is { Success: true } m && Directory.Exists(entry) && IsOurs(entry) && !Alive(Pid(m.Groups["pid"].Value)))
                {
                    Directory.Delete(entry, true);
                    removed++;
                }
                else if (name.EndsWith(".reserved", StringComparison.Ordinal) && File.Exists(entry)
                         && int.TryParse(File.ReadAllText(entry).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Alive(pid))
                {
                    File.Delete(entry);
                    removed++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // another run got there first
        }
        return removed;
    }

    /// <summary>
    /// The first free name of NAME, NAME-2, NAME-3, ... in <paramref name="parent"/>, reserved atomically (a
    /// ".NAME.reserved" file created only if absent), so two runs started together land in two folders.
    /// </summary>
    public static (string Path, string Reservation) Reserve(string parent, string name)
    {
        Directory.CreateDirectory(parent);
        for (var n = 1; ; n++)
        {
            var leaf = n == 1 ? name : $"{name}-{n}";
            var path = Path.Combine(parent, leaf);
            if (Directory.Exists(path) || File.Exists(path)) continue;
            var reservation = Path.Combine(parent, $".{leaf}.reserved");
            try
            {
                using (var file = new FileStream(reservation, FileMode.CreateNew, FileAccess.Write))
                    file.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
            }
            catch (IOException) when (File.Exists(reservation)) { continue; } // another run holds this name
            if (Directory.Exists(path)) { File.Delete(reservation); continue; } // committed between the two checks
            Track(reservation);
            return (path, reservation);
        }
    }

    public static void Release(string? reservation)
    {
        if (reservation == null) return;
        Untrack(reservation);
        try { File.Delete(reservation); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>A staging folder carries the tool's marker file from its first moment; an empty one was cut off before that.</summary>
    private static bool IsOurs(string folder) =>
        File.Exists(Path.Combine(folder, OutputSafety.MarkerFile)) || !Directory.EnumerateFileSystemEntries(folder).Any();

    private static int Pid(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static bool Alive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return false; }
    }

    [GeneratedRegex(@"^\..+\.partial-(?<pid>\d{1,9})$")]
    private static partial Regex Staging();
}
