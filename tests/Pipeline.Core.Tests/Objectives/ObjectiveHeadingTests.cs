using Pipeline.Core.Model;
using Pipeline.Core.Objectives;

namespace Pipeline.Core.Tests.Objectives;

public sealed class ObjectiveHeadingTests
{
    [Theory]
    // level words, then the code, then the title
    [InlineData("Obiettivo strategico 1.1 – Miglioramento efficienza", "1.1", ObjectiveLevel.Strategic, "Miglioramento efficienza")]
    [InlineData("Obiettivo strategico: 1.2 Rendicontazione e trasparenza", "1.2", ObjectiveLevel.Strategic, "Rendicontazione e trasparenza")]
    [InlineData("Area strategica A – Competitività", "A", ObjectiveLevel.Area, "Competitività")]
    [InlineData("AREA STRATEGICA B: Semplificazione", "B", ObjectiveLevel.Area, "Semplificazione")]
    [InlineData("Ambito strategico 2 - Internazionalizzazione", "2", ObjectiveLevel.Area, "Internazionalizzazione")]
    [InlineData("Asse II – Innovazione", "II", ObjectiveLevel.Area, "Innovazione")]
    [InlineData("Programma 3.1 Sviluppo del territorio", "3.1", ObjectiveLevel.Programme, "Sviluppo del territorio")]
    [InlineData("Azione 1.1.1.1 Mappatura dei processi", "1.1.1.1", ObjectiveLevel.Action, "Mappatura dei processi")]
    [InlineData("Obiettivo operativo OP 1.1.3. Monitoraggio economico-fiscale", "OP 1.1.3", ObjectiveLevel.Operational, "Monitoraggio economico-fiscale")]
    [InlineData("OBIETTIVO OPERATIVO OP.01.01.01 – Titolo", "OP.01.01.01", ObjectiveLevel.Operational, "Titolo")]
    [InlineData("Obiettivo operativo 1.1.2 - Digitalizzazione", "1.1.2", ObjectiveLevel.Operational, "Digitalizzazione")]
    [InlineData("Obiettivo individuale 4 – Formazione", "4", ObjectiveLevel.Individual, "Formazione")]
    [InlineData("Obiettivo strategico n. 2 – Promozione", "2", ObjectiveLevel.Strategic, "Promozione")]
    [InlineData("Strategico 2 - Promozione", "2", ObjectiveLevel.Strategic, "Promozione")]
    [InlineData("Obiettivo 3 - titolo", "3", null, "titolo")]
    // words win over a prefix
    [InlineData("Obiettivo strategico OP.01 - Titolo", "OP.01", ObjectiveLevel.Strategic, "Titolo")]
    // a prefix names the level when no words do
    [InlineData("OS.01.02 – Semplificazione", "OS.01.02", ObjectiveLevel.Strategic, "Semplificazione")]
    [InlineData("OB.S.1 Semplificazione", "OB.S.1", ObjectiveLevel.Strategic, "Semplificazione")]
    [InlineData("OP.01.01.01 - Potenziare i servizi digitali", "OP.01.01.01", ObjectiveLevel.Operational, "Potenziare i servizi digitali")]
    [InlineData("OP1.2 Potenziare", "OP1.2", ObjectiveLevel.Operational, "Potenziare")]
    [InlineData("AS1 – Competitività delle imprese", "AS1", ObjectiveLevel.Area, "Competitività delle imprese")]
    [InlineData("AMB.2 Ambiente", "AMB.2", ObjectiveLevel.Area, "Ambiente")]
    [InlineData("OP.01.01.01 - potenziare", "OP.01.01.01", ObjectiveLevel.Operational, "potenziare")]
    // a bare code: no level
    [InlineData("A.1 Servizi alle imprese", "A.1", null, "Servizi alle imprese")]
    [InlineData("A1 - Servizi", "A1", null, "Servizi")]
    [InlineData("B.2.1 Digitalizzazione", "B.2.1", null, "Digitalizzazione")]
    [InlineData("1.1 Miglioramento efficienza", "1.1", null, "Miglioramento efficienza")]
    [InlineData("1.1. Miglioramento efficienza", "1.1", null, "Miglioramento efficienza")]
    [InlineData("1. Competitività del territorio", "1", null, "Competitività del territorio")]
    [InlineData("1.Competitività", "1", null, "Competitività")]
    [InlineData("1 — Competitività", "1", null, "Competitività")]
    [InlineData("2: Sviluppo", "2", null, "Sviluppo")]
    [InlineData("01.02 Semplificazione", "01.02", null, "Semplificazione")]
    [InlineData("1.1 «Impresa digitale»", "1.1", null, "«Impresa digitale»")]
    [InlineData("  1.1   Miglioramento\nefficienza ", "1.1", null, "Miglioramento efficienza")]
    // a code starting with a letter in brackets (the corpus's PIRA cards and their index)
    [InlineData("(C5) Ottimizzare il processo di programmazione", "C5", null, "Ottimizzare il processo di programmazione")]
    [InlineData("Obiettivo strategico (A1) “Valorizzare le peculiarità del territorio”;", "A1", ObjectiveLevel.Strategic, "“Valorizzare le peculiarità del territorio”;")]
    [InlineData("Obiettivo strategico (C1): Valorizzare gli strumenti", "C1", ObjectiveLevel.Strategic, "Valorizzare gli strumenti")]
    public void ReadsHeadings(string text, string code, ObjectiveLevel? level, string title) =>
        Assert.Equal(new ObjectiveHeading(code, level, title), ObjectiveHeadingParser.Parse(text));

    [Theory]
    // a code with no title keeps its code and has an empty title
    [InlineData("1.1", "1.1", null)]
    [InlineData("1.1.", "1.1", null)]
    [InlineData("A.1", "A.1", null)]
    [InlineData("OS.01.02", "OS.01.02", ObjectiveLevel.Strategic)]
    [InlineData("Obiettivo 3", "3", null)]
    [InlineData("Obiettivo operativo 2.1 –", "2.1", ObjectiveLevel.Operational)]
    public void ACodeWithoutTitleHasAnEmptyTitle(string text, string code, ObjectiveLevel? level) =>
        Assert.Equal(new ObjectiveHeading(code, level, ""), ObjectiveHeadingParser.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2021 – 2023 Piano")]
    [InlineData("30/06/2021 monitoraggio")]
    [InlineData("100,00 %")]
    [InlineData("1.234 imprese")]
    [InlineData("1.234 Imprese")]
    [InlineData("n. 12 eventi")]
    [InlineData("N. 12 eventi")]
    [InlineData("D.Lgs. 150/2009")]
    [InlineData("L. 190/2012 Anticorruzione")]
    [InlineData("Miglioramento dell'efficienza dei servizi camerali")]
    [InlineData("Il progetto prevede 3 iniziative")]
    [InlineData("3")]
    [InlineData("3 iniziative")]
    [InlineData("10,5 Milioni")]
    [InlineData("1/2 Semestre")]
    [InlineData(">= 80%")]
    [InlineData("Obiettivo strategico")]
    [InlineData("Obiettivi operativi")]
    [InlineData("Area di intervento")]
    [InlineData("Obiettivo strategico Trasparenza")]
    [InlineData("A Servizi")]
    [InlineData("ABC.1 Titolo")]
    [InlineData("(C5 Ottimizzare")] // a bracket never closed
    [InlineData("(1) Testo")] // only a code starting with a letter stands in brackets
    [InlineData("(a) testo")]
    public void OtherTextIsNotAHeading(string? text) =>
        Assert.Null(ObjectiveHeadingParser.Parse(text));

    [Theory]
    [InlineData("Obiettivo strategico", ObjectiveLevel.Strategic)]
    [InlineData("OBIETTIVI STRATEGICI", ObjectiveLevel.Strategic)]
    [InlineData("Strategico", ObjectiveLevel.Strategic)]
    [InlineData("Area strategica", ObjectiveLevel.Area)]
    [InlineData("Aree strategiche", ObjectiveLevel.Area)]
    [InlineData("Ambito strategico", ObjectiveLevel.Area)]
    [InlineData("Asse", ObjectiveLevel.Area)]
    [InlineData("Programma", ObjectiveLevel.Programme)]
    [InlineData("Obiettivo operativo", ObjectiveLevel.Operational)]
    [InlineData("Obiettivi operativi", ObjectiveLevel.Operational)]
    [InlineData("Operativo", ObjectiveLevel.Operational)]
    [InlineData("Azione", ObjectiveLevel.Action)]
    [InlineData("Azioni", ObjectiveLevel.Action)]
    [InlineData("Obiettivo individuale", ObjectiveLevel.Individual)]
    [InlineData("Obiettivo strategico 1.1 – Miglioramento", ObjectiveLevel.Strategic)]
    [InlineData("Obiettivo", null)]
    [InlineData("Obiettivo 3 - titolo", null)]
    [InlineData("OS.01.02 – Semplificazione", null)]
    [InlineData("Indicatore", null)]
    [InlineData("Assessment", null)]
    [InlineData("Strategia", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void LevelFromWords(string? text, ObjectiveLevel? level) =>
        Assert.Equal(level, ObjectiveHeadingParser.LevelFromWords(text));
}
