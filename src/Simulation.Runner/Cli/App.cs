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

    /// <summary>An empty value ("") names no file, folder or number: say which option got it, not .NET's "(Parameter 'path')".</summary>
    private static IEnumerable<string> EmptyValues(ParseResult parse)
    {
        var tokens = parse.Tokens;
        for (var i = 0; i < tokens.Count; i++)
            if (tokens[i].Type == TokenType.Argument && string.IsNullOrWhiteSpace(tokens[i].Value))
                yield return i > 0 && tokens[i - 1].Type == TokenType.Option
                    ? $"{tokens[i - 1].Value} was given an empty value"
                    : $"argument {i + 1} of the command line is empty";
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
