namespace Simulation.Scenarios;

/// <summary>
/// Reads an input file (scenario, world data, targets) safely: only a regular file, at most a given number of bytes,
/// counted while reading, so /dev/zero or a pipe named as a scenario cannot exhaust memory, and its size is never trusted
/// from the file system alone. Problems are plain messages for the caller to place.
/// </summary>
public static class InputFile
{
    /// <summary>The world files and targets are small: the shipped countries.csv is about 30 KB.</summary>
    public const int MaxDataBytes = 16 << 20;

    /// <summary>The file's bytes, or null with <paramref name="problem"/> saying why not.</summary>
    public static byte[]? TryRead(string path, int maxBytes, out string problem)
    {
        problem = "";
        try
        {
            if (path.Contains('\0')) { problem = "the path contains a NUL character"; return null; }
            if (Directory.Exists(path)) { problem = "this is a folder, not a file"; return null; }
            var info = new FileInfo(path);
            if (!info.Exists) { problem = "file not found"; return null; }
            if (info.Length > maxBytes) { problem = TooLarge(info.Length, maxBytes, exact: true); return null; }
            using var stream = Open(path, info.Length, out problem);
            if (stream is null) return null;
            if (!stream.CanSeek)
            {
                problem = "not a regular file (a named pipe or socket); name a file";
                return null;
            }
            var buffer = new byte[Math.Min(maxBytes + 1L, Math.Max(info.Length + 1, 4096))];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > maxBytes) break;
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
                }
                var n = stream.Read(buffer, total, buffer.Length - total);
                if (n == 0) break;
                total += n;
            }
            if (total > maxBytes)
            {
                problem = info.Length == 0
                    ? "not a regular file (a device or pipe such as /dev/zero); name a file"
                    : TooLarge(total - 1, maxBytes, exact: false);
                return null;
            }
            if (total != info.Length && info.Length == 0)
            {
                problem = "not a regular file (a device or pipe such as /dev/urandom); name a file";
                return null;
            }
            return buffer[..total];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"cannot read it: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// Opens the file to read. Opening a named pipe (FIFO) waits until something writes to it, so a pipe named as a
    /// scenario would hang the tool: on Unix an empty-looking file (a pipe's length is 0) is opened without waiting
    /// (O_NONBLOCK, which regular files ignore), and the caller sees from CanSeek that it is not a file.
    /// </summary>
    private static FileStream? Open(string path, long length, out string problem)
    {
        problem = "";
        if (length != 0 || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        var flags = OperatingSystem.IsLinux() ? LinuxNonBlock | LinuxCloseOnExec : MacNonBlock | MacCloseOnExec;
        var fd = Unix.open(path, flags);
        if (fd >= 0) return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, 1);
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        problem = errno == NoDeviceOrAddress
            ? "not a regular file (a socket or device); name a file" // open(2) refuses a Unix socket, and a device with nothing behind it, with ENXIO
            : $"cannot open it: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)}";
        return null;
    }

    private const int NoDeviceOrAddress = 6; // ENXIO on Linux and macOS
    private const int LinuxNonBlock = 0x800, LinuxCloseOnExec = 0x80000, MacNonBlock = 0x4, MacCloseOnExec = 0x1000000; // O_RDONLY is 0

    private static class Unix
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        internal static extern int open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);
    }

    private static string TooLarge(long size, int max, bool exact) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"file is {(exact ? "" : "more than ")}{size:N0} bytes; it may be at most {max:N0} bytes");

    /// <summary>
    /// The first place JSON text cannot be decoded: a byte sequence that is not UTF-8, or a property name with a lone
    /// UTF-16 surrogate escape ("\ud800"), which no text can hold (string values are checked with their JSON path by
    /// <see cref="ScenarioShape"/>). Null when the text decodes.
    /// </summary>
    public static (int Line, int Column, string Message)? FirstUndecodable(ReadOnlySpan<byte> utf8)
    {
        try { new System.Text.UTF8Encoding(false, true).GetCharCount(utf8); }
        catch (System.Text.DecoderFallbackException e)
        {
            var (line, column) = Position(utf8, Math.Max(0, e.Index));
            return (line, column, $"invalid UTF-8 (byte 0x{utf8[Math.Max(0, e.Index)]:X2}); save the file as UTF-8 text");
        }
        var reader = new System.Text.Json.Utf8JsonReader(utf8, new System.Text.Json.JsonReaderOptions
            { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != System.Text.Json.JsonTokenType.PropertyName) continue;
                try { reader.GetString(); }
                catch (InvalidOperationException)
                {
                    var (line, column) = Position(utf8, (int)reader.TokenStartIndex);
                    return (line, column, "a property name has an invalid \\u escape (a lone UTF-16 surrogate such as \\ud800); write the character itself");
                }
            }
        }
        catch (System.Text.Json.JsonException) { } // syntax errors are reported by the parser, with their position
        return null;
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, System.Text.Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
