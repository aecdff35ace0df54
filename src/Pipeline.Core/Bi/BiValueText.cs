using System.Globalization;

namespace Pipeline.Core.Bi;

/// <summary>
/// How a value of a BI view is written as text (the CSV export): culture-invariant, so Power BI and spreadsheets read
/// the same number whatever the machine's locale — decimals with a point and no grouping, dates as yyyy-MM-dd (with
/// the time only when there is one), null as the empty field.
/// </summary>
public static class BiValueText
{
    public static string Format(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        double f => f.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
