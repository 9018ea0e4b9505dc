namespace Simulation.Runner.Cli;

/// <summary>Process exit codes: 0 ok, 1 internal error, 2 bad input (scenario, arguments, output folder).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
}
