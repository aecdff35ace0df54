using Pipeline.Extraction.Pdf.Families.Pira;

namespace Pipeline.Extraction.Tests.Pdf.Families;

/// <summary>The PIRA card vocabulary, on the forms the seed's renderings print (the KPI label rules: Core's KpiLabelTests).</summary>
public sealed class PiraVocabularyTests
{
    [Theory]
    [InlineData("INDICATORE", CardGroup.Indicator)]
    [InlineData("INDICATOR E", CardGroup.Indicator)] // the word wrapped in a narrow cell
    [InlineData("<b>INDICATORE</ b>", CardGroup.Indicator)]
    [InlineData("Obiettivo (CC 101 CC102)", CardGroup.Objective)]
    [InlineData("MISSIONE – 016", CardGroup.Mission)]
    [InlineData("PROGRAMMA DI SPESA", CardGroup.Programme)]
    [InlineData("Il Dirigente dell'Area 1", CardGroup.None)]
    [InlineData("TITOLO", CardGroup.None)]
    public void A_left_column_cell_opens_its_group(string text, CardGroup group) => Assert.Equal(group, PiraVocabulary.GroupOf(text));

    [Theory]
    [InlineData("TITOLO", 1, CardField.Title)]
    [InlineData("ALGORITMO DI CALCOLO Realizzazione aggiornamento", 3, CardField.Algorithm)]
    [InlineData("ARCO TEMPORALE DI", 3, CardField.Period)] // the rest of the label is on the next page
    [InlineData("CENTRO DI RESPONSABILITA'", 3, CardField.Responsible)]
    [InlineData("<b>VALORI OSSERVATI</b> -----", 2, CardField.Observed)]
    [InlineData("FONTI DEI DATI", 3, CardField.Source)]
    [InlineData("KPI", 1, CardField.KpiName)]
    [InlineData("<b>KPISTD 135</b>", 2, CardField.KpiName)]
    [InlineData("KPISTD 76 (Qualità/accessibilità multicanale) Servizi offerti online", 4, CardField.KpiName)]
    [InlineData("Target 2021: >=2 Target 2022: >=2", 0, CardField.None)] // a value, never a label
    [InlineData("Rilevazione interna della Camera", 0, CardField.None)]
    public void A_label_is_the_longest_run_of_label_words(string text, int words, CardField field) =>
        Assert.Equal((words, field), PiraVocabulary.Label(text.Split(' ')));
}
