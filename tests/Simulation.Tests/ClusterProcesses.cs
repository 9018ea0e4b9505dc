using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Simulation.Tests;

/// <summary>
/// Real processes for cluster tests: a Redis server on a free loopback port (Debian's redis-server, which .ci/run
/// installs) and the tool itself as separate `silo` and `run` processes, so a silo can be killed for real.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _err = new();

    private ChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { _lines.Enqueue(e.Data); _out.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { _lines.Enqueue(e.Data); _err.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Standard output and error as they came.</summary>
    public string Output => string.Join("\n", _lines);
    public string StandardOutput => string.Join("\n", _out);
    public string StandardError => string.Join("\n", _err);
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}"));
    }

    /// <summary>The tool (Simulation.Runner, built beside the tests) with these arguments.</summary>
    public static ChildProcess Tool(params string[] args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "Simulation.Runner.dll"), .. args]);

    /// <summary>Waits until a line containing <paramref name="text"/> appears; fails with the output so far.</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!_lines.Any(l => l.Contains(text)))
        {
            if (_process.HasExited) throw new InvalidOperationException($"process exited ({_process.ExitCode}) before '{text}':\n{Output}");
            if (clock.Elapsed > timeout) throw new TimeoutException($"no '{text}' after {timeout.TotalSeconds} s:\n{Output}");
            await Task.Delay(100);
        }
    }

    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"still running after {timeout.TotalSeconds} s:\n{Output}"); }
        _process.WaitForExit(); // drains the output
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to leave the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The Redis the cluster tests use: the one .ci/run started (SIM_TEST_REDIS), else a throwaway one on a free loopback
/// port, without persistence, for this test class. Each test names its own cluster id, so they never meet.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private ChildProcess? _server;
    public string Connection { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("SIM_TEST_REDIS") is { Length: > 0 } given)
        {
            Connection = given;
            return;
        }
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed (Debian package redis-server; .ci/run installs it)");
        var port = ChildProcess.FreePort();
        _server = ChildProcess.Start(binary, "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        await _server.WaitForAsync("Ready to accept connections", TimeSpan.FromSeconds(20));
        Connection = $"127.0.0.1:{port}";
    }

    public async Task DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync();
    }
}
