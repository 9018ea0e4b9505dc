using System.CommandLine;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>schema: print the scenario JSON Schema (the same as scenarios/scenario.schema.json).</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema of scenario files (for editors; see README)");
        command.SetAction(_ =>
        {
            Console.Write(ScenarioSchema.Generate());
            return ExitCodes.Ok;
        });
        return command;
    }
}
