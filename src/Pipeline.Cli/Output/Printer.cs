using Spectre.Console;

namespace Pipeline.Cli.Output;

/// <summary>
/// Writes tables and messages to stdout: Spectre.Console tables on a terminal, aligned plain text when piped.
/// </summary>
public sealed class Printer(ConsoleMode mode)
{
    public void Line(string text = "")
    {
        if (mode.RichOutput) AnsiConsole.MarkupLine(Markup.Escape(text));
        else Console.Out.WriteLine(text);
    }

    public void Heading(string text)
    {
        if (mode.RichOutput) AnsiConsole.MarkupLine($"[bold]{Markup.Escape(text)}[/]");
        else Console.Out.WriteLine(text);
    }

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var materialized = rows.Select(r => r.Select(c => c ?? "").ToArray()).ToList();
        if (mode.RichOutput)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in headers) table.AddColumn(new TableColumn(Markup.Escape(header)));
            foreach (var row in materialized) table.AddRow(row.Select(c => new Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());
            AnsiConsole.Write(table);
            return;
        }
        var widths = headers.Select((h, i) => Math.Min(60, materialized.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();
        Console.Out.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in materialized)
            Console.Out.WriteLine(string.Join("  ", row.Select((c, i) => Fit(c, widths[i]).PadRight(widths[i]))).TrimEnd());
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
