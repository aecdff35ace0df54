using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// Reads target and actual cells: numbers are "=" targets unless an "Operatore" cell beside them says otherwise
/// (">=" + 13 → "&gt;= 13"), date cells are deadlines, text goes through <see cref="TargetExpression"/>.
/// </summary>
public static class TargetCellReader
{
    /// <summary>The targets a cell holds; <paramref name="operatorText"/> is the row's "Operatore" cell, or null.</summary>
    public static IReadOnlyList<TargetValue> Read(GridCell cell, string? operatorText, string? period)
    {
        var op = TextKey.Clean(operatorText);
        switch (cell.Value)
        {
            case DateTime dt:
                return [TargetValue.Deadline(period, DateOnly.FromDateTime(dt), CellValues.Display(cell))];
            case bool b:
                return [TargetValue.YesNo(period, b, CellValues.Display(cell))];
            case double when op.Length == 0 && CellValues.Number(cell) is { } n:
                return [TargetValue.Numeric(period, TargetOperator.Equal, n.Value, n.Raw, n.Unit)];
        }
        var text = CellValues.Display(cell);
        if (op.Length > 0 && !StartsWithOperator(text))
        {
            var combined = TargetExpression.Parse(op + " " + text, period);
            if (combined.Count > 0 && combined.All(t => t.Operator is not TargetOperator.Text)) return combined;
        }
        return cell.Value is string ? TargetExpression.Parse(text, period) : [];
    }

    /// <summary>The actual a cell holds for <paramref name="period"/>: a number (percent format kept), a date, SI/NO or text.</summary>
    public static ExtractedActual Actual(GridCell cell, string period, SourceRef source)
    {
        var display = CellValues.Display(cell);
        switch (cell.Value)
        {
            case DateTime dt:
                return new ExtractedActual(period, display, null, source) { Date = DateOnly.FromDateTime(dt) };
            case bool b:
                return new ExtractedActual(period, display, null, source) { Flag = b };
        }
        return cell.Value is double && CellValues.Number(cell) is { } number
            ? new ExtractedActual(period, display, number.Value, source)
            : ActualText.Read(period, display, source);
    }

    private static bool StartsWithOperator(string text)
    {
        var t = text.TrimStart();
        return t.Length > 0 && (t[0] is '>' or '<' or '=' or '≥' or '≤' || !char.IsDigit(t[0]) && t[0] is not ('-' or '+' or '€' or ',' or '.'));
    }
}
