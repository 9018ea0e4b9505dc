using Simulation.Runner.Pipeline;
using Simulation.Runner.Results;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>Turns exceptions into exit codes and plain messages: bad input never shows a stack trace.</summary>
public static class Guard
{
    public static async Task<int> RunAsync(Func<Task<int>> action, bool verbose = false)
    {
        try
        {
            return await action();
        }
        catch (ScenarioException e)
        {
            Console.Error.WriteLine($"error: the {e.Subject} has {e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}; nothing was run:");
            foreach (var p in e.Problems) Console.Error.WriteLine("  " + p);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is OutputExistsException or UnsafeOutputException or OutputNotWritableException or OutputBusyException or ArgumentException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException e)
        {
            Console.Error.WriteLine($"interrupted: {(e is InterruptedWithResults ? e.Message : "nothing was written and earlier results are untouched")}");
            return Interrupts.ExitCode;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("internal error: " + e.Message);
            if (verbose) Console.Error.WriteLine(e);
            else Console.Error.WriteLine("  (run again with --verbose for details)");
            return ExitCodes.InternalError;
        }
    }
}
