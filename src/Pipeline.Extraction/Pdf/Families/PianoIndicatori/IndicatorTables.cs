using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.PianoIndicatori;

/// <summary>
/// Reading an INDICATORI table: the header (a line starting "Indicatore" with a "Risultato" word; its words fix the
/// columns, the lines below it until the first row add to the column labels), then rows that start at the next row
/// number (1, 2, … in the first column) and take every other line until a section title ends the table.
/// </summary>
internal static partial class IndicatorTables
{
    /// <summary>Section titles that end a table (the next part of the card or the next card).</summary>
    public static readonly string[] TableEnd =
    [
        "risorse finanziarie", "documentazione e report", "obiettivo strategico", "obiettivo operativo", "area strategica",
        "indicatori", "azienda speciale", "assegnazione degli obiettivi", "quantificazione del peso", "descrizione obiettivo",
    ];

    /// <summary>"Indicatore: descrizione … | Target storico | Risultato atteso al … | Peso%".</summary>
    public static bool IsHeader(string key) =>
        key.StartsWith("indicatore", StringComparison.Ordinal) && key.Contains("risultato", StringComparison.Ordinal);

    /// <summary>A line of dashes only (the text of a drawn rule).</summary>
    public static bool IsRule(LayoutLine line) => line.Words.All(w => w.Text.Trim('-', '–', '_').Length == 0);

    /// <summary>The table a header line opens for the card: column starts at the words that open a column label.</summary>
    public static IndicatorTable Open(CardDraft objective, LayoutLine line)
    {
        var header = new List<IndicatorColumn>();
        foreach (var word in line.Words)
        {
            var k = TextKey.Normalize(word.Text);
            ColumnKind? kind = k.StartsWith("indicatore", StringComparison.Ordinal) ? ColumnKind.Name
                : k.StartsWith("target", StringComparison.Ordinal) || k.StartsWith("baseline", StringComparison.Ordinal) ? ColumnKind.Baseline
                : k.StartsWith("risultato", StringComparison.Ordinal) ? ColumnKind.Target
                : k.StartsWith("peso", StringComparison.Ordinal) ? ColumnKind.Weight
                : null;
            if (kind is { } found && (header.Count == 0 || word.X0 > header[^1].Start + 1)) header.Add(new IndicatorColumn(word.X0, found, ""));
        }
        if (header.Count == 0 || header[0].Kind != ColumnKind.Name) header.Insert(0, new IndicatorColumn(line.X0, ColumnKind.Name, ""));
        header[0] = header[0] with { Start = Math.Min(header[0].Start, line.X0) };
        var table = new IndicatorTable(objective, header);
        AddHeaderLine(table, line);
        return table;
    }

    /// <summary>
    /// Reads a line while the table is open: true when the line ends the table (a section title or another header,
    /// which the caller then reads), false when the table took it (a header line, a row's line or a rule).
    /// </summary>
    public static bool Ends(IndicatorTable t, LayoutLine line, string key)
    {
        if (TableEnd.Any(e => key.StartsWith(e, StringComparison.Ordinal)) || IsHeader(key)) return true;
        if (IsRule(line)) return false;
        var first = line.Words[0];
        var number = RowNumber().Match(first.Text.Trim());
        var expected = t.Rows.Count + 1;
        var opensRow = number.Success && int.Parse(number.Value, CultureInfo.InvariantCulture) == expected
                       && first.X0 < t.Header[Math.Min(1, t.Header.Count - 1)].Start - 3
                       && (t.NumberX is not { } x || Math.Abs(first.X0 - x) <= 8);
        if (!t.HeaderDone)
        {
            if (!opensRow)
            {
                AddHeaderLine(t, line);
                return false;
            }
            t.HeaderDone = true;
        }
        if (opensRow)
        {
            t.NumberX ??= first.X0;
            t.Rows.Add(new IndicatorRow(expected, line));
        }
        else if (t.Rows.Count > 0)
            t.Rows[^1].Lines.Add(line);
        return false;
    }

    private static void AddHeaderLine(IndicatorTable table, LayoutLine line)
    {
        var header = table.Header;
        var cells = new TableColumns(header.Select(c => c.Start).ToList()).Split(line);
        for (var i = 0; i < cells.Count; i++)
            if (!cells[i].IsEmpty) header[i] = header[i] with { Header = (header[i].Header + " " + cells[i].Text).Trim() };
    }

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex RowNumber();
}
