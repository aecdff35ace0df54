using Pipeline.Core.Extraction;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Tests.Workbooks;

/// <summary>
/// A small plan with every level (area → strategic → programme without code → operational → action with a letter
/// code), every kind of target (≥, ≤, =, deadline, yes/no), a half-year actual, and a KPI named like its objective.
/// </summary>
public static class DeepPlan
{
    public const string SameNameAsObjective = "Tempi medi di evasione delle pratiche";

    public static ExtractedDocument Document()
    {
        ExtractedObjective O(string id, string? code, string level, string title, string? parent) =>
            new() { Id = id, Code = code, Level = level, Title = title, Parent = parent };
        ExtractedTarget T(string period, TargetValue value) => new(period, value);
        static TargetValue Num(TargetOperator op, decimal n, string? unit = null) => TargetValue.Numeric(null, op, n, n.ToString(System.Globalization.CultureInfo.InvariantCulture), unit);

        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "deep", Sha256 = "", Format = "xlsx", Family = "test", Chamber = "Camera di Commercio di Foggia",
                DocType = "relazione", PeriodFrom = 2021, PeriodTo = 2023,
            },
            Objectives =
            [
                O("o1", "AS.01", "area", "Competitività del territorio", null),
                O("o2", "OS.01.01", "strategic", "Semplificazione e digitalizzazione", "o1"),
                O("o3", null, "programme", "Sostegno alle imprese", "o2"),
                O("o4", "OP.01.01.01", "operational", "Digitalizzazione dei servizi", "o3"),
                O("o5", "B.2.1", "action", "Cassetto digitale per tutti", "o4"),
                O("o6", "OS.01.02", "strategic", SameNameAsObjective, "o1"),
            ],
            Kpis =
            [
                new() { Id = "k1", Objective = "o2", Name = "Eventi di sensibilizzazione realizzati", Weight = 30, Algorithm = "Numero di eventi",
                    Targets = [T("2021", Num(TargetOperator.GreaterOrEqual, 5)), T("2022", Num(TargetOperator.GreaterOrEqual, 6)), T("2023", Num(TargetOperator.GreaterOrEqual, 7))],
                    Actuals = [new("2021-S1", "4", 4), new("2021", "9", 9)] },
                new() { Id = "k2", Objective = "o4", Name = "Imprese con cassetto digitale", Weight = 70, Unit = "%",
                    Targets = [T("2021", Num(TargetOperator.GreaterOrEqual, 13.5m, "%"))], Actuals = [new("2021", "21,66", 21.66m)] },
                new() { Id = "k3", Objective = "o4", Name = "Avvio del nuovo servizio",
                    Targets = [T("2021", TargetValue.Deadline(null, new DateOnly(2021, 10, 30), "Entro 30/10/2021"))],
                    Actuals = [new("2021", "28/10/2021", null) { Date = new DateOnly(2021, 10, 28) }] },
                new() { Id = "k4", Objective = "o5", Name = "Adozione del regolamento",
                    Targets = [T("2021", TargetValue.YesNo(null, true, "SI"))], Actuals = [new("2021", "SI", null) { Flag = true }] },
                new() { Id = "k5", Objective = "o5", Name = "Grado di soddisfazione degli utenti", Weight = 20,
                    Targets = [T("2021", Num(TargetOperator.Equal, 4))], Actuals = [new("2021", "4,2", 4.2m)] },
                new() { Id = "k6", Objective = "o6", Name = SameNameAsObjective, Unit = "gg",
                    Targets = [T("2021", Num(TargetOperator.LessOrEqual, 5)), T("2022", Num(TargetOperator.LessOrEqual, 4))],
                    Actuals = [new("2021", "4,5", 4.5m)] },
            ],
        };
    }
}
