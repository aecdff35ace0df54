using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// One row of a KPI card read by the shared header vocabulary (<see cref="HeaderMatcher"/>): its key's role and the
/// period the key names ("Target 2021"), the key's text and the value's words. The key is the row's first cell
/// ("ALGORITMO DI CALCOLO | n. di bandi …", a key wrapped over lines included) or, when the key runs into its value
/// in one cell ("VALORI OSSERVATI -----"), the longest run of leading words that is a heading of the vocabulary.
/// </summary>
public sealed record KpiCardRow(ColumnRole Role, Period? Period, string Key, IReadOnlyList<PdfWord> Value)
{
    /// <summary>The roles a card's field may have besides the KPI's own label.</summary>
    private static readonly ColumnRole[] FieldRoles =
    [
        ColumnRole.KpiCode, ColumnRole.KpiType, ColumnRole.Algorithm, ColumnRole.Unit, ColumnRole.Weight, ColumnRole.Baseline,
        ColumnRole.Target, ColumnRole.Actual, ColumnRole.SourceSystem, ColumnRole.Responsible, ColumnRole.Frequency,
        ColumnRole.Achievement, ColumnRole.Notes,
    ];

    /// <summary>
    /// The row that opens a KPI card: its first cell is only KPI labels ("Indicatore", "INDICATORE KPI", "Nome
    /// indicatore") and other cells follow; the value is the rest, a second label in it ("INDICATORE | KPI | …")
    /// dropped. Null for any other row, so a table row whose name begins with "Indicatore di …" opens nothing.
    /// </summary>
    public static KpiCardRow? Opening(LayoutRow row, HeaderMatcher matcher)
    {
        if (row.Cells.Count < 2) return null;
        var first = KeyWords(row.Cells[0]);
        var label = LabelWords(first, matcher, r => r == ColumnRole.Kpi);
        if (label == 0) return null;
        var rest = first.Skip(label).ToList();
        if (rest.Count > 0 && LabelWords(rest, matcher, r => r == ColumnRole.Kpi) != rest.Count && !KpiLabel.Code(Text(rest)).Success) return null;
        var value = rest.Concat(row.Cells.Skip(1).SelectMany(Words)).ToList();
        // "INDICATORE | VALORI OSSERVATI | -----": a field row with the group word printed again, not a new KPI
        if (LabelWords(value, matcher, FieldRoles.Contains) > 0) return null;
        // the second label of "INDICATORE | KPI | name" ("KPIS", "KPI"), when a name follows it
        if (LabelWords(value, matcher, r => r == ColumnRole.Kpi) is var again and > 0 && again < value.Count) value = value.Skip(again).ToList();
        else if (value.Count > 1 && KpiLabel.IsLabel(value[0].Text) && !KpiLabel.Code(Text(value)).Success) value = value.Skip(1).ToList();
        return new KpiCardRow(ColumnRole.Kpi, null, Text(first.Take(label)), value);
    }

    /// <summary>
    /// A field row of an open card (algorithm, targets, baseline, source, weight, unit, …), or null. A first cell that
    /// is only the KPI label ("INDICATORE | VALORI OSSERVATI | -----": the card's group word printed again) is skipped.
    /// </summary>
    public static KpiCardRow? Field(LayoutRow row, HeaderMatcher matcher, int? year)
    {
        var cells = row.Cells;
        if (cells.Count >= 2 && KeyWords(cells[0]) is var label && LabelWords(label, matcher, r => r == ColumnRole.Kpi) == label.Count)
            cells = cells.Skip(1).ToList();
        if (cells.Count >= 2 && matcher.Match(0, LayoutRow.CellText(cells[0]), year) is { } spec && FieldRoles.Contains(spec.Role))
            return new KpiCardRow(spec.Role, spec.Period, spec.Header, cells.Skip(1).SelectMany(Words).ToList());
        // the key runs into its value in one cell
        var first = KeyWords(cells[0]);
        var count = LabelWords(first, matcher, FieldRoles.Contains);
        if (count == 0) return null;
        var key = Text(first.Take(count));
        var found = matcher.Match(0, key, year)!;
        var all = Words(cells[0]);
        var value = all.Skip(all.IndexOf(first[count - 1]) + 1); // every word after the key's, signs such as ">=" included
        return new KpiCardRow(found.Role, found.Period, key, value.Concat(cells.Skip(1).SelectMany(Words)).ToList());
    }

    /// <summary>How many leading words form a heading of the vocabulary whose role <paramref name="accept"/> takes (the longest), 0 when none.</summary>
    private static int LabelWords(IReadOnlyList<PdfWord> words, HeaderMatcher matcher, Func<ColumnRole, bool> accept)
    {
        var count = 0;
        for (var k = 1; k <= words.Count && k <= 6; k++)
            if (matcher.Synonym(Text(words.Take(k))) is { } role && accept(role)) count = k;
        return count;
    }

    private static List<PdfWord> Words(CellBlock cell) => cell.Lines.SelectMany(l => l.Words).ToList();

    /// <summary>A key cell's words without markup leftovers (a tag a narrow cell broke in two: "INDICATORE&lt;/" then "b&gt;").</summary>
    private static List<PdfWord> KeyWords(CellBlock cell) => Words(cell).Where(w => !IsMarkupLeftover(w.Text)).ToList();

    private static bool IsMarkupLeftover(string word) =>
        word.IndexOfAny(['<', '>']) >= 0 && TextKey.Normalize(word) is { Length: <= 1 } key && !key.Any(char.IsDigit);

    private static string Text(IEnumerable<PdfWord> words) => string.Join(' ', words.Select(w => w.Text));
}
