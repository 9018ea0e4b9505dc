using Spectre.Console;
using Spectre.Console.Rendering;

namespace Simulation.Runner.Cli;

/// <summary>
/// Spectre output bound to the current Console.Out at each call (AnsiConsole's shared console keeps the writer it was
/// first created with, which breaks when the standard output is redirected in between, as tests do).
/// </summary>
public static class Terminal
{
    public static void Write(IRenderable renderable) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }).Write(renderable);
}
