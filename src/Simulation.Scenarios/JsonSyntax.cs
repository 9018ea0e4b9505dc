using System.Text.Json;
using System.Text.RegularExpressions;

namespace Simulation.Scenarios;

/// <summary>
/// A JSON syntax error of any input file (scenario, vendors, targets) in words a person editing the file can act on:
/// the reader's own message names bytes and parser states ("'0x0A' is invalid within a JSON string"); the usual
/// mistakes of hand-edited JSON are said plainly, anything else is kept, shortened.
/// </summary>
public static partial class JsonSyntax
{
    public static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        if (text.Contains("maximum configured depth", StringComparison.Ordinal))
            return $"nesting is deeper than {InputJson.MaxDepth} levels; an input file never needs that many";
        return "invalid JSON: " + (Plain(text) ?? QuotedText().Replace(text, m => m.Value.Length <= 42 ? m.Value : m.Value[..38] + "...'").ReplaceLineEndings(" "));
    }

    private static string? Plain(string text) => text switch
    {
        _ when text.StartsWith("'0x0A' is invalid within a JSON string", StringComparison.Ordinal) || text.StartsWith("'0x0D' is invalid within a JSON string", StringComparison.Ordinal) =>
            "a text in quotes is not closed on its line (a closing \" is missing; a line break inside a text is written \\n)",
        _ when text.Contains("is invalid after a value. Expected either ','", StringComparison.Ordinal) =>
            "a comma is missing between two entries (or a value is followed by something other than ',', '}' or ']')",
        _ when text.Contains("is invalid after a single JSON value. Expected end of data", StringComparison.Ordinal) =>
            "there is more text after the file's closing '}'",
        _ when text.StartsWith("''' is an invalid start of a property name", StringComparison.Ordinal) =>
            "names are written in double quotes (\"name\"), not single quotes",
        _ when text.Contains("is an invalid start of a property name", StringComparison.Ordinal) => "a name in double quotes was expected here" +
            (text.Length > 1 && char.IsAsciiDigit(text[1]) ? " (a number written with a thousands separator, 1,000, reads as two values)"
                : text.StartsWith("'{'", StringComparison.Ordinal) ? " (is the '}' of the entry before it missing?)" : ""),
        _ when text.StartsWith("''' is an invalid start of a value", StringComparison.Ordinal) =>
            "texts are written in double quotes (\"text\"), not single quotes",
        _ when text.Contains("is an invalid start of a value", StringComparison.Ordinal) =>
            $"{text[..text.IndexOf(" is", StringComparison.Ordinal)]} cannot start a value: texts are in double quotes, and true, false and null are in lower case",
        _ when text.StartsWith("Expected depth to be zero at the end of the JSON payload", StringComparison.Ordinal) =>
            "the file ends before every '{' or '[' is closed",
        _ when text.Contains("is an invalid JSON literal", StringComparison.Ordinal) =>
            "other formats such as YAML are not read; an input file is a JSON object, { \"name\": ... }",
        _ => null,
    };

    [GeneratedRegex(@"'[^']*'", RegexOptions.Singleline)]
    private static partial Regex QuotedText();
}
