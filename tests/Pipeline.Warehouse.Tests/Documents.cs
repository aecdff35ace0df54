using Pipeline.Core.Extraction;
using Pipeline.Core.Values;

namespace Pipeline.Warehouse.Tests;

/// <summary>Small extraction records built in code, shaped like the ones the extractors return.</summary>
public static class Documents
{
    public static SourceRef Cell(string cell) => SourceRef.ForCell("Monitoraggio", cell);

    /// <summary>A half-year monitoring of Foggia: area → strategic → operational, four KPIs of every target kind.</summary>
    public static ExtractedDocument FoggiaMonitoring(string sha = "sha-foggia-1", decimal firstActual = 21.66m) => new()
    {
        Document = new DocumentInfo
        {
            File = "monitoraggio.xlsx", Sha256 = sha, Format = "xlsx", Family = "workbook",
            Chamber = "Camera di Commercio di Foggia", DocType = "monitoraggio", PeriodFrom = 2021, PeriodTo = 2023, Pages = 1,
        },
        Objectives =
        [
            new() { Id = "o1", Code = "AS.01", Level = "area", Title = "Competitività delle imprese", Source = Cell("A2") },
            new() { Id = "o2", Code = "OS.01.01", Level = "strategic", Title = "Digitalizzazione", Parent = "o1", Weight = 40, Source = Cell("B2") },
            new() { Id = "o3", Code = "OO.01.01.01", Level = "operational", Title = "Cassetto digitale", Parent = "o2", OrgUnits = ["Area I"], ReportedAchievement = 99.5m, Source = Cell("C2") },
        ],
        Kpis =
        [
            new()
            {
                Id = "k1", Objective = "o3", Name = "Diffusione del cassetto digitale", Unit = "%", Weight = 30, Source = Cell("D3"),
                Targets = [new ExtractedTarget("2021", TargetValue.Numeric("2021", TargetOperator.GreaterOrEqual, 13m, ">= 13,00 %", "%"), Cell("F3"))],
                Actuals = [new ExtractedActual("2021-S1", "21,66 %", firstActual, Cell("G3"))],
            },
            new()
            {
                Id = "k2", Objective = "o3", Name = "Avvio del nuovo sportello", Source = Cell("D4"),
                Targets = [new ExtractedTarget("2021", TargetValue.Deadline("2021", new DateOnly(2021, 10, 30), "Entro 30/10/2021"), Cell("F4"))],
                Actuals = [new ExtractedActual("2021-S1", "28/06/2021", null, Cell("G4")) { Date = new DateOnly(2021, 6, 28) }],
            },
            new()
            {
                Id = "k3", Objective = "o3", Name = "Adozione del regolamento", Source = Cell("D5"),
                Targets = [new ExtractedTarget("2021", TargetValue.YesNo("2021", true, "SI"), Cell("F5"))],
                Actuals = [new ExtractedActual("2021-S1", "NO", null, Cell("G5")) { Flag = false }],
            },
            new()
            {
                Id = "k4", Objective = "o2", Name = "Azioni di comunicazione", Source = Cell("D6"),
                Targets = [new ExtractedTarget("2021", TargetValue.FreeText("2021", "Avvio con azioni specifiche"), Cell("F6"))],
            },
        ],
    };
}
