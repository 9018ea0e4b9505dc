namespace Simulation.Runner.Results;

/// <summary>
/// Where a path really leads: absolute, with every symbolic link along it followed (as realpath(3) does), so that two
/// names of one folder compare equal. Parts that do not exist yet are kept as written.
/// </summary>
public static class RealPath
{
    public static string Of(string path) => Of(Path.GetFullPath(path), depth: 0);

    private static string Of(string full, int depth)
    {
        full = Path.TrimEndingDirectorySeparator(full);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (depth < 40 && info.LinkTarget is { } target)
                next = Of(Path.GetFullPath(target, current), depth + 1); // a link's target may hold links too (40: the kernel's limit)
            current = next;
        }
        return Path.TrimEndingDirectorySeparator(current);
    }
}
