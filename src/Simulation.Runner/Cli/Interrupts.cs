using System.Runtime.InteropServices;
using Simulation.Runner.Results;

namespace Simulation.Runner.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM. The first cancels the command's token: it stops at the next tick or file, its
/// <c>using</c> blocks remove the staging folder, and <see cref="Guard"/> prints one line saying what was kept. A second
/// signal removes the staging folders at once and exits. Replaces System.CommandLine's handling, which exits after
/// two seconds whether or not the clean-up has finished.
/// </summary>
public sealed class Interrupts : IDisposable
{
    private static Interrupts? _current;
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    private Interrupts()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>Starts listening for one command's run; dispose at its end.</summary>
    public static Interrupts Listen() => _current = new Interrupts();

    public CancellationToken Token => _source.Token;

    /// <summary>130 after Ctrl+C (SIGINT), 143 after SIGTERM: the shell's convention, 128 + the signal number.</summary>
    public static int ExitCode => _current?._signal is ExitCodes.Terminated ? ExitCodes.Terminated : ExitCodes.Interrupted;

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // this process ends itself, after cleaning up
        var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
        if (Interlocked.CompareExchange(ref _signal, code, 0) == 0)
        {
            Console.Error.WriteLine("stopping (press Ctrl+C again to stop at once)...");
            _ = Task.Run(_source.Cancel); // callbacks run off the signal thread
            return;
        }
        StagingFolders.RemoveAll();
        Console.Error.WriteLine("interrupted again: stopped at once; unfinished output folders were removed (a sweep keeps its finished points)");
        Environment.Exit(code);
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _source.Dispose();
        if (_current == this) _current = null;
    }
}
