using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families.Pira;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Tests.Pdf.Families;

/// <summary>The PIRA card reader on rows given cell by cell: where a row without a label belongs.</summary>
public sealed class PiraCardReaderTests
{
    /// <summary>A row of cells at the card's columns: group at x 50, label at 130, value at 240 (null: no cell there).</summary>
    private static CardRow Row(int page, double y, string? group, string? label, string? value, double valueX = 240)
    {
        var cells = new List<IReadOnlyList<PdfWord>>();
        foreach (var (text, x0) in new[] { (group, 50d), (label, 130d), (value, valueX) })
        {
            if (text is null) continue;
            var x = x0;
            cells.Add(text.Split(' ').Select(t =>
            {
                var w = new PdfWord(t, x, y, x + 5 * t.Length, y + 10);
                x += 5 * t.Length + 3;
                return w;
            }).ToList());
        }
        var layoutRow = new LayoutRow(page, cells.Select(words => new CellBlock(new(words))).ToList());
        return CardRow.Read(layoutRow);
    }

    private static CardReader Card()
    {
        var reader = new CardReader();
        reader.Read(Row(1, 40, "MISSIONE - 032", "SERVIZI ISTITUZIONALI", null));
        reader.Read(Row(1, 60, "Obiettivo", "TITOLO", "(C5) Ottimizzare il ciclo della performance"));
        reader.Read(Row(1, 80, "INDICATORE", "KPI", "Attuazione del ciclo"));
        return reader;
    }

    [Fact]
    public void A_value_cut_by_a_page_break_continues_its_field()
    {
        var reader = Card();
        reader.Read(Row(2, 40, null, null, "della performance"));
        reader.Read(Row(2, 60, null, "ALGORITMO DI CALCOLO", "Aggiornamento del sistema"));
        Assert.Equal("Attuazione del ciclo della performance", reader.Kpis.Single().Name.Text);
        Assert.Equal("Aggiornamento del sistema", reader.Kpis.Single().Algorithm.Text);
        Assert.Equal("032", reader.Objectives.Single().Mission);
    }

    [Fact]
    public void A_continued_value_starting_with_a_group_word_is_value()
    {
        var reader = Card();
        reader.Read(Row(2, 40, null, null, "Obiettivo trasparenza"));
        Assert.Equal("Attuazione del ciclo Obiettivo trasparenza", reader.Kpis.Single().Name.Text);
    }

    [Fact]
    public void A_label_continued_on_the_next_page_carries_no_value()
    {
        var reader = Card();
        reader.Read(Row(1, 100, null, "ALGORITMO DI", "Numero di iniziative"));
        reader.Read(Row(2, 40, null, "CALCOLO", null));
        Assert.Equal("Numero di iniziative", reader.Kpis.Single().Algorithm.Text);
    }

    [Fact]
    public void Running_text_across_the_columns_ends_the_card_field()
    {
        var reader = Card();
        reader.Read(Row(1, 100, "Il Dirigente dell'Area 1 - Servizi di supporto e per lo sviluppo", null, null));
        reader.Read(Row(1, 120, null, null, "(dott. Mario Rossi)"));
        Assert.Equal("Attuazione del ciclo", reader.Kpis.Single().Name.Text);
    }
}
