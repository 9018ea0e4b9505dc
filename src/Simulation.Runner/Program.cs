using System.CommandLine;
using Simulation.Runner.Cli;

var root = new RootCommand("AI-surveillance diffusion simulator: countries tender, vendors bid, policies change the rules.")
{
    RunCommand.Create(),
    ValidateCommand.Create(),
    BenchCommand.Create(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine("error: " + error.Message);
    Console.Error.WriteLine("Run with --help to see the commands and options.");
    return ExitCodes.BadInput;
}
return await parse.InvokeAsync();
