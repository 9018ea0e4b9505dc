using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Simulation.Tests;

/// <summary>
/// run.ps1 runs in a PowerShell engine hosted in this process (no pwsh needed), forwards its arguments to the runner
/// via dotnet run and exits with the runner's exit code. Each test starts dotnet run, so each takes tens of seconds.
/// </summary>
public class RunScriptTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    [Fact]
    public void Validate_baseline_exits_0_and_reports_ok()
    {
        var (exit, output) = RunScript("validate", "scenarios/baseline.json");
        Assert.True(exit == 0, $"exit code {exit}, output:\n{output}");
        Assert.Contains("ok", output, StringComparison.Ordinal);
        Assert.Contains("baseline", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_missing_scenario_exits_2()
    {
        var (exit, output) = RunScript("validate", "scenarios/does-not-exist.json");
        Assert.True(exit == 2, $"exit code {exit}, output:\n{output}");
        Assert.Contains("file not found", output, StringComparison.Ordinal);
    }

    /// <summary>Invokes run.ps1 with the arguments; returns its exit code ($LASTEXITCODE) and merged stdout+stderr.</summary>
    private static (int Exit, string Output) RunScript(params string[] args)
    {
        var script = Path.Combine(RepoRoot, "run.ps1");
        Assert.True(File.Exists(script), $"missing {script}");
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create(runspace);
        // Start somewhere other than the repo root: the script must find its own way there.
        runspace.SessionStateProxy.Path.SetLocation(Path.GetTempPath());
        ps.AddScript("""
            param([string] $Script, [string[]] $Arguments)
            $global:LASTEXITCODE = $null
            $lines = & $Script @Arguments 2>&1 | ForEach-Object { "$_" }
            [pscustomobject]@{ Exit = $LASTEXITCODE; Output = ($lines -join [Environment]::NewLine) }
            """)
            .AddParameter("Script", script)
            .AddParameter("Arguments", args);
        var results = ps.Invoke();
        var errors = string.Join(Environment.NewLine, ps.Streams.Error.Select(e => e.ToString()));
        Assert.True(results.Count == 1, $"expected one result, got {results.Count}; errors:\n{errors}");
        var exit = results[0].Properties["Exit"].Value;
        var output = (string)results[0].Properties["Output"].Value + Environment.NewLine + errors;
        Assert.True(exit is int, $"run.ps1 did not set an exit code (got {exit ?? "null"}); output:\n{output}");
        return ((int)exit!, output);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulation.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Simulation.sln above {AppContext.BaseDirectory}");
    }
}
