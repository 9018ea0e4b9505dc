using Simulation.Scenarios;

namespace Simulation.Tests;

/// <summary>Inputs that are not what they seem: endless devices, deep extends chains, NUL characters in paths.</summary>
public sealed class InputFileTests
{
    [Fact]
    public async Task A_named_pipe_given_as_a_scenario_is_refused_at_once_instead_of_waiting_for_a_writer()
    {
        if (!OperatingSystem.IsLinux()) return; // mkfifo; the O_NONBLOCK open is the Unix path
        var pipe = Path.Combine(TestWorld.TempDir("fifo"), "scenario.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe])!) await mkfifo.WaitForExitAsync();
        // Before, opening the pipe blocked until a writer came, and an interrupt could not end the tool.
        var read = Task.Run(() => ScenarioLoader.Load(pipe));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30))));
        var ex = await Assert.ThrowsAsync<ScenarioException>(() => read);
        Assert.Contains("not a regular file (a named pipe or socket)", Assert.Single(ex.Problems).Message);
    }

    [Fact]
    public void A_socket_given_as_a_scenario_is_named_as_one()
    {
        if (!OperatingSystem.IsLinux()) return; // a Unix-domain socket file; open(2) refuses it with ENXIO
        var path = Path.Combine(TestWorld.TempDir("socket"), "scenario.json");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.Equal("not a regular file (a socket or device); name a file", Assert.Single(ex.Problems).Message); // was "errno 6"
    }

    [Fact]
    public void A_long_extends_chain_stops_at_the_cap_with_one_problem_at_the_first_file()
    {
        var dir = TestWorld.TempDir("extends-chain");
        const int files = 40;
        for (var i = 0; i < files; i++)
            File.WriteAllText(Path.Combine(dir, $"s{i}.json"), i == files - 1
                ? $$"""{ "name": "s{{i}}", "world": { "countries": "{{TestWorld.CountriesCsv.Replace("\\", "/")}}", "vendors": "{{TestWorld.VendorsJson.Replace("\\", "/")}}" } }"""
                : $$"""{ "extends": "s{{i + 1}}.json", "name": "s{{i}}" }""");
        var first = Path.Combine(dir, "s0.json");
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(first));
        var p = Assert.Single(ex.Problems);
        Assert.Equal((first, 1, "$.extends"), (p.File, p.Line, p.Path));
        Assert.Contains($"longer than {ScenarioLoader.MaxExtendsDepth} files", p.Message);
    }

    [Fact]
    public void A_chain_within_the_cap_loads()
    {
        var dir = TestWorld.TempDir("extends-ok");
        const int files = 10;
        for (var i = 0; i < files; i++)
            File.WriteAllText(Path.Combine(dir, $"s{i}.json"), i == files - 1
                ? $$"""{ "name": "s{{i}}", "world": { "countries": "{{TestWorld.CountriesCsv.Replace("\\", "/")}}", "vendors": "{{TestWorld.VendorsJson.Replace("\\", "/")}}" } }"""
                : $$"""{ "extends": "s{{i + 1}}.json", "name": "s{{i}}" }""");
        Assert.Equal("s0", ScenarioLoader.Load(Path.Combine(dir, "s0.json")).Scenario.Name);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_is_not_read_past_the_cap(string device)
    {
        if (!File.Exists(device)) return;
        var bytes = InputFile.TryRead(device, 1 << 20, out var why);
        Assert.Null(bytes);
        Assert.Contains("not a regular file", why);
    }

    [Fact]
    public void A_file_larger_than_the_cap_is_refused_before_reading()
    {
        var path = Path.Combine(TestWorld.TempDir("big"), "big.json");
        File.WriteAllBytes(path, new byte[2048]);
        Assert.Null(InputFile.TryRead(path, 1024, out var why));
        Assert.Contains("2,048 bytes", why);
        Assert.NotNull(InputFile.TryRead(path, 4096, out _));
    }
}
