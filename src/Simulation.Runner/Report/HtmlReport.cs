using System.Net;
using System.Text;

namespace Simulation.Runner.Report;

/// <summary>
/// A self-contained HTML report: plots inlined as SVG, tables, captions, and the resolved scenarios; no scripts and
/// no network access, so it opens the same anywhere and can be mailed as one file.
/// </summary>
public sealed class HtmlReport(string title)
{
    private readonly StringBuilder _body = new();

    public HtmlReport Heading(string text, int level = 2)
    {
        _body.Append($"<h{level}>{Encode(text)}</h{level}>\n");
        return this;
    }

    public HtmlReport Paragraph(string text)
    {
        _body.Append($"<p>{Encode(text)}</p>\n");
        return this;
    }

    public HtmlReport Facts(IEnumerable<(string Name, string Value)> facts)
    {
        _body.Append("<dl class=\"facts\">\n");
        foreach (var (name, value) in facts) _body.Append($"<dt>{Encode(name)}</dt><dd>{Encode(value)}</dd>\n");
        _body.Append("</dl>\n");
        return this;
    }

    /// <summary>An SVG file inlined as a figure with a plain-language caption.</summary>
    public HtmlReport Figure(string svgPath, string caption)
    {
        var svg = File.ReadAllText(svgPath);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        _body.Append("<figure>\n").Append(Scalable(start >= 0 ? svg[start..] : svg))
            .Append($"\n<figcaption>{Encode(caption)}</figcaption>\n</figure>\n");
        return this;
    }

    /// <summary>
    /// ScottPlot writes a fixed width and height but no viewBox, so in a window narrower than the plot the CSS
    /// max-width cut its right edge off instead of scaling it; a viewBox of the same size makes it scale.
    /// </summary>
    private static string Scalable(string svg)
    {
        var tag = SvgSize.Match(svg);
        return !tag.Success || tag.Value.Contains("viewBox", StringComparison.Ordinal) ? svg
            : svg.Insert(tag.Index + "<svg".Length, $" viewBox=\"0 0 {tag.Groups[1].Value} {tag.Groups[2].Value}\"");
    }

    private static readonly System.Text.RegularExpressions.Regex SvgSize =
        new(@"<svg\b[^>]*?\bwidth=""([0-9.]+)""[^>]*?\bheight=""([0-9.]+)""[^>]*>");

    /// <summary>A table; cells marked with a leading '*' are emphasised (e.g. a difference whose interval excludes zero).</summary>
    public HtmlReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        _body.Append("<table>\n");
        if (caption != null) _body.Append($"<caption>{Encode(caption)}</caption>\n");
        _body.Append("<thead><tr>").Append(string.Concat(header.Select(h => $"<th>{Encode(h)}</th>"))).Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
            _body.Append("<tr>").Append(string.Concat(row.Select(Cell))).Append("</tr>\n");
        _body.Append("</tbody></table>\n");
        return this;
    }

    /// <summary>A framed box with a heading and a list, for warnings a reader should not miss.</summary>
    public HtmlReport Box(string heading, IEnumerable<string> points, string? note = null)
    {
        _body.Append($"<aside class=\"box\"><h3>{Encode(heading)}</h3>\n<ul>\n");
        foreach (var p in points) _body.Append($"<li>{Encode(p)}</li>\n");
        _body.Append("</ul>\n");
        if (note != null) _body.Append($"<p>{Encode(note)}</p>\n");
        _body.Append("</aside>\n");
        return this;
    }

    public HtmlReport Preformatted(string summary, string text)
    {
        _body.Append($"<details><summary>{Encode(summary)}</summary><pre>{Encode(text)}</pre></details>\n");
        return this;
    }

    public void Write(string path) => File.WriteAllText(path, $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}}</title>
        <style>
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1250px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
        figure { margin: 1.5em 0; } figure svg { max-width: 100%; height: auto; }
        figcaption { color: #444; font-size: 0.95em; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        td.significant { font-weight: bold; background: #fff4cc; }
        caption { caption-side: top; text-align: left; font-weight: bold; margin-bottom: 0.4em; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
        aside.box { border: 2px solid #D55E00; background: #fff6f0; padding: 0.5em 1.2em; margin: 1.5em 0; }
        aside.box h3 { margin: 0.4em 0; }
        dt { font-weight: bold; } pre { background: #f6f6f6; padding: 1em; overflow-x: auto; font-size: 0.85em; }
        </style>
        </head>
        <body>
        <h1>{{Encode(title)}}</h1>
        {{_body}}
        </body>
        </html>

        """, new UTF8Encoding(false));

    private static string Cell(string value) =>
        value.StartsWith('*') ? $"<td class=\"significant\">{Encode(value[1..])}</td>" : $"<td>{Encode(value)}</td>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
