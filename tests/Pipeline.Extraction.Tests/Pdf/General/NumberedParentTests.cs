using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Pipeline.Extraction.Tests.Pdf.Kit;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf.General;

/// <summary>
/// The general reader on a report that introduces its areas one after the other before their objectives (Integra
/// codes: AS.01, AS.02, then OS.01.01, OS.02.01): a strategic objective goes under the area its number begins with,
/// not under the latest area printed.
/// </summary>
public sealed class NumberedParentTests
{
    private static IReadOnlyList<DocumentBlock> Document()
    {
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock("Camera di Commercio di Foggia - Relazione sulla performance 2021", 1),
            new HeadingBlock("Area strategica AS.01 – Competitività delle imprese", 2),
            new ParagraphBlock("Le azioni sono state realizzate in collaborazione con le associazioni di categoria."),
            new HeadingBlock("Area strategica AS.02 – Servizi amministrativi", 2),
            new ParagraphBlock("Il monitoraggio è stato svolto con cadenza periodica dal controllo di gestione."),
        };
        foreach (var (code, title) in new[] { ("OS.01.01", "Rafforzamento della competitività"), ("OS.02.01", "Semplificazione amministrativa") })
        {
            blocks.Add(new HeadingBlock($"Obiettivo strategico {code} – {title}", 2));
            blocks.Add(new TableBlock(
            [
                ["Indicatore", "Target 2021", "Consuntivo 2021"],
                [$"Imprese coinvolte nelle iniziative ({code})", ">= 50", "60"],
            ]));
        }
        return blocks;
    }

    [Theory]
    [InlineData("top-borders")]
    [InlineData("middle-plain")]
    public void A_strategic_objective_goes_under_the_area_its_number_begins_with(string style)
    {
        var layout = SyntheticPdf.Layout(Document(), SyntheticPdf.Style(style));
        var document = new GenericTableFamily().Extract(layout, CancellationToken.None);

        var byId = document.Objectives.ToDictionary(o => o.Id);
        string? ParentCode(string code) => document.Objectives.Single(o => o.Code == code).Parent is { } p ? byId[p].Code : null;
        Assert.Equal("AS.01", ParentCode("OS.01.01"));
        Assert.Equal("AS.02", ParentCode("OS.02.01"));
        Assert.Equal("area", document.Objectives.Single(o => o.Code == "AS.01").Level);
    }
}
