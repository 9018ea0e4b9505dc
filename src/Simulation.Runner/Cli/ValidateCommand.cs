using System.CommandLine;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>validate &lt;file&gt;...: check scenario files without running them.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Scenario files to check", Arity = ArgumentArity.OneOrMore };
        var resolved = new Option<bool>("--resolved") { Description = "Print each scenario with every default filled in, and the members of the groups it names" };
        var command = new Command("validate", "Check scenario files and report every problem with file, line and JSON path") { files, resolved };
        command.SetAction(parse => Guard.RunAsync(() =>
        {
            var failed = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                var kind = File.Exists(file) ? ScenarioFiles.KindOf(file) : ScenarioFileKind.Scenario;
                if (kind == ScenarioFileKind.Schema)
                {
                    Console.WriteLine($"{file}: skipped (the JSON Schema of scenario files, not a scenario)");
                    continue;
                }
                try
                {
                    var loaded = ScenarioLoader.Load(file);
                    if (parse.GetValue(resolved)) Console.WriteLine(loaded.ResolvedJson + "\n" + ScenarioFiles.GroupComment(loaded));
                    else if (kind == ScenarioFileKind.Fragment)
                        Console.WriteLine($"{file}: ok (fragment '{loaded.Scenario.Name}': parameters other scenarios use through \"extends\")");
                    else Console.WriteLine($"{file}: ok ({loaded.Scenario.Name})");
                }
                catch (ScenarioException e)
                {
                    failed++;
                    foreach (var p in e.Problems) Console.Error.WriteLine(p);
                }
            }
            return Task.FromResult(failed == 0 ? ExitCodes.Ok : ExitCodes.BadInput);
        }));
        return command;
    }
}
