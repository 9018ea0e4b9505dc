using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

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
        var errors = parse.Errors.Select(e => e.Message).Concat(EmptyValues(parse)).ToArray();
        if (errors.Length > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in errors) Console.Error.WriteLine("error: " + error);
            Console.Error.WriteLine("Run with --help to see the commands and options.");
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, interrupts.Token);
    }

    /// <summary>
    /// An empty value ("") names no file, folder or number: say which option or argument got it, not .NET's
    /// "(Parameter 'path')". The parse says what each value belongs to (after a flag such as --force, "" is the
    /// scenario argument, not the flag's value).
    /// </summary>
    private static IEnumerable<string> EmptyValues(ParseResult parse)
    {
        for (SymbolResult? command = parse.CommandResult; command != null; command = command.Parent)
            foreach (var child in ((CommandResult)command).Children)
            {
                // A subcommand's result holds its own values (walked above); a value with its own error is named there.
                if (child is CommandResult || parse.Errors.Any(e => e.SymbolResult == child)) continue;
                if (child.Tokens.Any(t => t.Type == TokenType.Argument && string.IsNullOrWhiteSpace(t.Value)))
                    yield return child is OptionResult o
                        ? $"{o.IdentifierToken?.Value ?? o.Option.Name} was given an empty value"
                        : $"the <{((ArgumentResult)child).Argument.Name}> argument is empty";
            }
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
