using Pipeline.Core.Model;
using Pipeline.Extraction.Excel;

namespace Pipeline.Extraction.Tests.Workbooks;

public sealed class HeaderVocabularyTests
{
    private static readonly HeaderMatcher Matcher = new(WorkbookHeaderConfig.Default);

    [Theory]
    [InlineData("Valore target 2021", ColumnRole.Target, "2021")]
    [InlineData("Target 2021", ColumnRole.Target, "2021")]
    [InlineData("2021", ColumnRole.Target, "2021")]
    [InlineData("Anno 2022", ColumnRole.Target, "2022")]
    [InlineData("2.021", ColumnRole.Target, "2021")]
    [InlineData("Valore atteso", ColumnRole.Target, null)]
    [InlineData("Risultato atteso 2021", ColumnRole.Target, "2021")]
    [InlineData("Operatore target", ColumnRole.Operator, null)]
    [InlineData("Operatore", ColumnRole.Operator, null)]
    [InlineData("Actual", ColumnRole.Actual, null)]
    [InlineData("Risultato conseguito", ColumnRole.Actual, null)]
    [InlineData("Valore raggiunto 2021", ColumnRole.Actual, "2021")]
    [InlineData("Consuntivo", ColumnRole.Actual, null)]
    [InlineData("Valore al 30/06/2021", ColumnRole.Actual, "2021-S1")]
    [InlineData("Valore raggiunto al 31/12/2021", ColumnRole.Actual, "2021")]
    [InlineData("Target al 30/06/2021", ColumnRole.Target, "2021-06-30")]
    [InlineData("Risultato atteso al 31/12/2021", ColumnRole.Target, "2021-12-31")]
    [InlineData("Scostamento", ColumnRole.Deviation, null)]
    [InlineData("Grado di raggiungimento", ColumnRole.Achievement, null)]
    [InlineData("% di raggiungimento", ColumnRole.Achievement, null)]
    [InlineData("Unità di misura", ColumnRole.Unit, null)]
    [InlineData("Fonte", ColumnRole.SourceSystem, null)]
    [InlineData("Baseline", ColumnRole.Baseline, null)]
    [InlineData("Valore iniziale", ColumnRole.Baseline, null)]
    [InlineData("Algoritmo", ColumnRole.Algorithm, null)]
    [InlineData("Formula", ColumnRole.Algorithm, null)]
    [InlineData("Modalità di calcolo", ColumnRole.Algorithm, null)]
    [InlineData("Anno", ColumnRole.Year, null)]
    [InlineData("Periodo", ColumnRole.Year, null)]
    public void Header_texts_name_their_role_and_period(string header, ColumnRole role, string? period)
    {
        var spec = Matcher.Match(0, header, null);
        Assert.NotNull(spec);
        Assert.Equal((role, period), (spec.Role, spec.Period?.Code));
    }

    [Theory]
    [InlineData("OBIETTIVO OPERATIVO OP.01.01.01 – Digitalizzazione dei servizi", ObjectiveLevel.Operational, "OP.01.01.01", "Digitalizzazione dei servizi")]
    [InlineData("Obiettivo strategico OS.1 - Semplificazione", ObjectiveLevel.Strategic, "OS.1", "Semplificazione")]
    [InlineData("AREA STRATEGICA AS.01 – Competitività", ObjectiveLevel.Area, "AS.01", "Competitività")]
    [InlineData("PROGRAMMA Sostegno alle imprese", ObjectiveLevel.Programme, null, "Sostegno alle imprese")]
    [InlineData("AZIONE 1.1.6.A1 – Elaborazione dati", ObjectiveLevel.Action, "1.1.6.A1", "Elaborazione dati")]
    [InlineData("OS.01.02 – Semplificazione amministrativa", ObjectiveLevel.Strategic, "OS.01.02", "Semplificazione amministrativa")]
    [InlineData("1.1 Miglioramento efficienza", null, "1.1", "Miglioramento efficienza")]
    [InlineData("A.1 Sostenere il territorio", null, "A.1", "Sostenere il territorio")]
    [InlineData("A1 - Servizi istituzionali", null, "A1", "Servizi istituzionali")]
    [InlineData("B.2.1 Cassetto digitale", null, "B.2.1", "Cassetto digitale")]
    [InlineData("A – Competitività e sviluppo", null, "A", "Competitività e sviluppo")]
    [InlineData("3 giorni di formazione", null, null, "3 giorni di formazione")]
    [InlineData("2021 – anno di avvio", null, null, "2021 – anno di avvio")]
    [InlineData("E-commerce per le PMI", null, null, "E-commerce per le PMI")]
    [InlineData("Sostegno alle imprese", null, null, "Sostegno alle imprese")]
    public void Objective_cells_split_level_code_and_title(string text, ObjectiveLevel? level, string? code, string title)
    {
        var label = ObjectiveLabel.Parse(text);
        Assert.Equal((level, code, title), (label.Level, label.Code, label.Title));
    }

    [Theory]
    [InlineData("Algoritmo di calcolo", ColumnRole.Algorithm)]
    [InlineData("INDICATOR E", ColumnRole.Kpi)]               // a narrow key cell broke the word over two lines
    [InlineData("ALGORIT MO DI CALCOLO", ColumnRole.Algorithm)]
    [InlineData("RISULTATI ATTES I", ColumnRole.Target)]
    [InlineData("Algoritmo di calcolo adottato", null)]        // more words than a heading: not a heading
    [InlineData("Indicatore di impatto", null)]
    public void A_heading_is_recognised_even_when_a_narrow_cell_broke_a_word(string text, ColumnRole? role) =>
        Assert.Equal(role, Matcher.Synonym(text));
}
