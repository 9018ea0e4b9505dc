using System.CommandLine;
using Spectre.Console;
using Simulation.Scenarios;

namespace Simulation.Runner.Cli;

/// <summary>list [folder]: the shipped scenarios, each with the first sentence of its description.</summary>
public static class ListCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder of scenario files", DefaultValueFactory = _ => "scenarios" };
        var command = new Command("list", "List the scenarios in a folder (default: scenarios) with one-line descriptions") { folder };
        command.SetAction(parse => Guard.RunAsync(() =>
        {
            var dir = parse.GetValue(folder)!;
            if (!Directory.Exists(dir)) throw new ArgumentException($"'{dir}' is not a folder of scenario files");
            var table = new Table().AddColumn("Scenario file").AddColumn("What it models");
            foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                var kind = ScenarioFiles.KindOf(file);
                if (kind == ScenarioFileKind.Schema) continue;
                string text;
                try { text = (kind == ScenarioFileKind.Fragment ? "(fragment used through \"extends\") " : "") + FirstSentence(ScenarioLoader.Load(file).Scenario.Description); }
                catch (ScenarioException e) { text = $"invalid: {e.Problems.Count} problem(s); run validate {file}"; }
                table.AddRow(Markup.Escape(file), Markup.Escape(text));
            }
            Terminal.Write(table);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    /// <summary>Up to the first full stop followed by a space (not the dot of "e.g." or "U.S."), at most 160 characters.</summary>
    public static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        while (end >= 2 && (text[end - 2] == '.' || (char.IsUpper(text[end - 1]) && text[end - 2] == ' '))) end = text.IndexOf(". ", end + 1, StringComparison.Ordinal);
        var sentence = end > 0 ? text[..(end + 1)] : text;
        return sentence.Length <= 160 ? sentence : sentence[..157] + "…";
    }
}
