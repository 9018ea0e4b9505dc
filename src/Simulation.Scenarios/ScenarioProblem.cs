namespace Simulation.Scenarios;

/// <summary>Records a problem at a JSON path; <paramref name="at"/> overrides the path's position (e.g. a repeated key).</summary>
public delegate void ProblemReport(string path, string message, (int Line, int Column)? at = null);

/// <summary>One thing wrong with a scenario file, located precisely enough to fix by hand.</summary>
public sealed record ScenarioProblem(string File, int Line, int Column, string Path, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Path}: {Message}";
}

/// <summary>A scenario that cannot run. Carries every problem found, not only the first.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioProblem> problems, string subject = "scenario")
    : Exception(string.Join(Environment.NewLine, Ordered(problems)))
{
    /// <summary>What was wrong, for the summary line: "scenario" or "targets file".</summary>
    public string Subject { get; } = subject;

    /// <summary>In reading order: by file, then line and column.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; } = Ordered(problems);

    private static ScenarioProblem[] Ordered(IEnumerable<ScenarioProblem> problems) =>
        [.. problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)];
}
