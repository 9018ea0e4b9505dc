using System.CommandLine;
using System.CommandLine.Help;

namespace Simulation.Runner.Cli;

/// <summary>The command line: run, validate, bench. Parse errors are bad input (exit 2), like a bad scenario.</summary>
public static class App
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Interrupts are ours (Interrupts.cs), from the first moment: System.CommandLine would end the process two
        // seconds after Ctrl+C, before a staging folder is removed.
        using var interrupts = Interrupts.Listen();
        var parse = Root().Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine("error: " + error.Message);
            Console.Error.WriteLine("Run with --help to see the commands and options.");
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, interrupts.Token);
    }

    /// <summary>Every command and its options (the tests walk it to feed each option bad values).</summary>
    public static RootCommand Root() =>
        new("AI-surveillance diffusion simulator: countries tender, vendors bid, policies change the rules.")
        {
            RunCommand.Create(),
            ValidateCommand.Create(),
            BenchCommand.Create(),
            SchemaCommand.Create(),
            CompareCommand.Create(),
            SweepCommand.Create(),
            CalibrateCommand.Create(),
            SensitivityCommand.Create(),
            ListCommand.Create(),
            SiloCommand.Create(),
        };
}
