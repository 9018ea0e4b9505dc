namespace Simulation.Model.Scenarios;

/// <summary>One thing wrong with a scenario file, located precisely enough to fix by hand.</summary>
public sealed record ScenarioProblem(string File, int Line, int Column, string Path, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Path}: {Message}";
}

/// <summary>A scenario that cannot run. Carries every problem found, not only the first.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ScenarioProblem> Problems { get; } = problems;
}
