using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Pira;

/// <summary>
/// One row of a PIRA card, read from the kit's cells: the group its left column opens (Missione, Programma di spesa,
/// Obiettivo, Indicatore), the field its label names (Titolo, KPI, Algoritmo di calcolo, …) and its value words.
/// </summary>
/// <remarks>
/// The kit gives the cells; the vocabulary tells which is which, so a row reads alike whether its group cell is
/// empty, printed on this row or glued to the label ("INDICATORE KPI"), and whether the label stands in its own cell
/// or runs into its value ("ALGORITMO DI CALCOLO Realizzazione …", "KPISTD 76 (Qualità/…) Servizi offerti online"):
/// a label never reaches past its cell, the value is everything after it. A row with neither group nor label is
/// all value (its <see cref="Columns"/> tell the reader where it stands).
/// </remarks>
public sealed record CardRow(
    int Page,
    CardGroup Group,
    IReadOnlyList<PdfWord> GroupWords,
    CardField Field,
    IReadOnlyList<PdfWord> LabelWords,
    IReadOnlyList<PdfWord> Value,
    IReadOnlyList<IReadOnlyList<PdfWord>> ColumnWords)
{
    /// <summary>Each column's extent, left to right.</summary>
    public IReadOnlyList<Box> Columns { get; } = ColumnWords.Select(Box.Of).ToList();

    public bool IsLabelled => Field != CardField.None;

    /// <summary>The row's extent: its columns' boxes together.</summary>
    public Box Box => Columns.Aggregate((a, b) => a.Union(b));

    public static CardRow Read(LayoutRow row)
    {
        var columns = row.ColumnCells.Select(c => c.SelectMany(b => b.Words).ToList()).ToList();
        var column = 0;
        var at = 0; // the next unread word of columns[column]
        var group = PiraVocabulary.GroupOf(string.Join(' ', columns[0].Select(w => w.Text)));
        IReadOnlyList<PdfWord> groupWords = [];
        if (group != CardGroup.None)
        {
            // the group word glued to its row's label ("INDICATORE KPI", "INDICATORE VALORI OSSERVATI -----")
            var glued = columns[0].Count > 1 && PiraVocabulary.Label(Texts(columns[0].Skip(1))).Field != CardField.None;
            groupWords = glued ? columns[0].Take(1).ToList() : columns[0];
            (column, at) = glued ? (0, 1) : (1, 0);
        }

        var field = CardField.None;
        IReadOnlyList<PdfWord> labelWords = [];
        if (column < columns.Count)
        {
            var (count, found) = PiraVocabulary.Label(Texts(columns[column].Skip(at)));
            if (found != CardField.None)
            {
                field = found;
                labelWords = columns[column].Skip(at).Take(count).ToList();
                at += count;
            }
        }
        var value = columns.Skip(column).SelectMany((words, i) => i == 0 ? words.Skip(at) : words).ToList();
        // "INDICATORE | Customer Satisfaction": the group word is the KPI's label
        if (group == CardGroup.Indicator && field == CardField.None && value.Count > 0)
        {
            field = CardField.KpiName;
            labelWords = groupWords;
        }
        return new CardRow(row.Page, group, groupWords, field, labelWords, value, columns);
    }

    private static List<string> Texts(IEnumerable<PdfWord> words) => words.Select(w => w.Text).ToList();
}
