using Pipeline.Core.Objectives;

namespace Pipeline.Core.Tests.Objectives;

/// <summary>
/// Objective identity on titles as plans, reports and monitoring workbooks print them: a workbook that prints no codes
/// names the plan's objectives by title only, often with other case, accents, a repeated heading or abbreviations.
/// </summary>
public sealed class ObjectiveIdentityTests
{
    private static readonly ObjectiveCandidate[] Plan =
    [
        new(1, "strategic", "OS.1", "Accompagnare la transizione digitale delle imprese molisane"),
        new(2, "strategic", "OS.2", "Rafforzare la competitività e la proiezione internazionale delle PMI"),
        new(3, "strategic", "OS.3", "Assicurare un mercato trasparente e tutelare consumatori e imprese"),
        new(4, "strategic", "OS.4", "Garantire un'amministrazione efficiente, trasparente e sostenibile"),
        new(5, "operational", "OO.1.1", "Estendere l'uso degli strumenti di identità digitale tra le imprese"),
        new(6, "area", null, "Competitività del territorio"),
        new(7, "strategic", null, "Semplificazione amministrativa per le imprese"),
        new(8, "operational", "OO.4.1", "Migliorare la gestione delle risorse umane"),
        new(9, "operational", "OO.4.2", "Migliorare la gestione delle risorse strumentali"),
    ];

    public static TheoryData<string, string?, string, long?> Cases => new()
    {
        // the monitoring workbook: the same title, no code
        { "strategic", null, "Accompagnare la transizione digitale delle imprese molisane", 1 },
        // case, accents written as apostrophes, punctuation and spacing do not count
        { "strategic", null, "RAFFORZARE LA COMPETITIVITA' E LA PROIEZIONE INTERNAZIONALE DELLE PMI", 2 },
        { "strategic", null, "Assicurare un mercato trasparente  e tutelare consumatori / imprese.", 3 },
        // a heading prefix repeated in the cell
        { "strategic", null, "Obiettivo strategico 1 - Accompagnare la transizione digitale delle imprese molisane", 1 },
        { "strategic", null, "OS.4 – Garantire un’amministrazione efficiente, trasparente e sostenibile", 4 },
        // abbreviations written out, either way round
        { "strategic", null, "Rafforzare la competitività e la proiezione internazionale delle piccole e medie imprese", 2 },
        { "strategic", null, "Garantire un'amm.ne efficiente, trasparente e sostenibile", 4 },
        // a title cut short by a narrow cell, or with a word more
        { "strategic", null, "Accompagnare la transizione digitale delle imprese", 1 },
        // the plan's title-only objective gets the code a later document prints
        { "strategic", "OS.5", "Semplificazione amministrativa per le imprese", 7 },
        // the code wins over a reworded title; another code is another objective however alike the title
        { "operational", "OO.1.1", "Diffondere identità digitale e SPID", 5 },
        { "strategic", "OS.9", "Accompagnare la transizione digitale delle imprese molisane", null },
        // only the same level
        { "operational", null, "Accompagnare la transizione digitale delle imprese molisane", null },
        { "area", null, "COMPETITIVITA DEL TERRITORIO", 6 },
        // two candidates as close as each other: no guess
        { "operational", null, "Migliorare la gestione delle risorse", null },
        { "operational", null, "Migliorare la gestione delle risorse umane e", 8 },
        // another objective altogether
        { "strategic", null, "Promuovere il turismo e la cultura", null },
        { "strategic", null, "", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_document_s_objective_is_matched_to_the_plan_s(string level, string? code, string title, long? id)
    {
        var match = ObjectiveIdentity.Match(new ObjectiveCandidate(0, level, code, title), Plan);
        Assert.Equal(id, match?.Id);
    }

    [Theory]
    [InlineData("Obiettivo strategico 2: Rafforzare la competitività delle PMI", "rafforzare la competitivita delle piccole e medie imprese")]
    [InlineData("Supporto alla P.A. e alle CCIAA", "supporto alla pubblica amministrazione e alle camera di commercio")]
    [InlineData("Tempi di evasione R.I.", "tempi di evasione registro imprese")]
    [InlineData("Papà e RIcerca", "papa e ricerca")]
    public void A_title_key_drops_the_heading_and_writes_out_abbreviations(string title, string key) =>
        Assert.Equal(key, ObjectiveIdentity.TitleKey(title));
}
