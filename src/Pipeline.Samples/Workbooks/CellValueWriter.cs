using Pipeline.Core.Extraction;
using Pipeline.Core.Values;

namespace Pipeline.Samples.Workbooks;

/// <summary>Typed cells for values: numbers as numbers, dates as date serials, yes/no and free text as text.</summary>
public static class CellValueWriter
{
    public const string DateFormat = "dd/mm/yyyy";

    /// <summary>Years typed as numbers with a thousands format, so they display "2.021" (as many exports do).</summary>
    public const string YearFormat = "#,##0";

    /// <summary>An actual as a typed cell value and its number format.</summary>
    public static (object Value, string Format) Actual(ExtractedActual actual) => actual switch
    {
        { Value: { } n } => ((double)n, WrittenCell.General),
        { Date: { } d } => (d.ToDateTime(TimeOnly.MinValue), DateFormat),
        _ => (PlanContent.ActualText(actual), WrittenCell.General),
    };

    /// <summary>The value part of a target beside an "Operatore" column: a number, a deadline date, SI/NO or the text.</summary>
    public static (object Value, string Format) TargetValue(TargetValue target) => target.Operator switch
    {
        TargetOperator.Date => (target.Date!.Value.ToDateTime(TimeOnly.MinValue), DateFormat),
        TargetOperator.Bool => (target.Flag == true ? "SI" : "NO", WrittenCell.General),
        TargetOperator.Text => (target.Raw, WrittenCell.General),
        _ => ((double)(target.Number ?? 0), WrittenCell.General),
    };

    /// <summary>A period as a typed cell: a year as a number formatted "#,##0", other periods as their code.</summary>
    public static (object Value, string Format) Period(string code, string yearFormat = YearFormat) =>
        Core.Values.Period.TryParse(code, out var p) && p.Kind == PeriodKind.Year ? ((double)p.Year, yearFormat) : (code, WrittenCell.General);
}
