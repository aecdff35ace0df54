namespace Pipeline.Core.Values;

/// <summary>
/// One parsed target: the period it applies to (null = the document's own period), the operator, and the
/// value (a number, a yes/no flag, a date, or nothing for free text). <see cref="Raw"/> is the text as read.
/// </summary>
public sealed record TargetValue(
    string? Period,
    TargetOperator Operator,
    string Raw,
    decimal? Number = null,
    bool? Flag = null,
    DateOnly? Date = null,
    string? Unit = null)
{
    public static TargetValue Numeric(string? period, TargetOperator op, decimal value, string raw, string? unit = null) =>
        new(period, op, raw, Number: value, Unit: unit);

    public static TargetValue YesNo(string? period, bool value, string raw) =>
        new(period, TargetOperator.Bool, raw, Flag: value);

    public static TargetValue Deadline(string? period, DateOnly date, string raw) =>
        new(period, TargetOperator.Date, raw, Date: date);

    public static TargetValue FreeText(string? period, string raw) =>
        new(period, TargetOperator.Text, raw);
}
