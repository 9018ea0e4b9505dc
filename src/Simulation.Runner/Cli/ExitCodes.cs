namespace Simulation.Runner.Cli;

/// <summary>Process exit codes: 0 ok, 1 internal error, 2 bad input (scenario, arguments, output folder), 130/143 interrupted.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
    /// <summary>Stopped by Ctrl+C (SIGINT): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;
    /// <summary>Stopped by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;
}
