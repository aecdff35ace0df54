using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// The period a cell names: a year typed as a number (2021.0, whatever its format: "#,##0" shows it as 2.021), or
/// text read by <see cref="PeriodResolver"/> ("2021", "2.021", "Anno 2021", "I semestre 2021", "2021-S1").
/// </summary>
public static partial class CellPeriod
{
    /// <summary>The reporting period of the cell, or null.</summary>
    public static Period? From(GridCell cell, int? contextYear) => cell.Value switch
    {
        double d when Year(d) is { } y => Period.ForYear(y),
        string s => FromText(s, contextYear),
        DateTime dt => Period.ForDay(DateOnly.FromDateTime(dt)).ToReportingPeriod(),
        _ => null,
    };

    public static Period? FromText(string text, int? contextYear) => PeriodResolver.Resolve(text, contextYear)?.ToReportingPeriod();

    /// <summary>A header cell's text: a typed year as "2021" (not "2.021"), anything else as displayed.</summary>
    public static string HeaderText(GridCell cell) => cell.Value switch
    {
        double d when Year(d) is { } y => y.ToString(CultureInfo.InvariantCulture),
        string s => s.Trim(),
        _ => "",
    };

    /// <summary>True for a header that is a period and nothing else: "2021", "2.021", "Anno 2021", "I semestre 2021".</summary>
    public static bool IsPeriodHeader(string header) => PeriodOnly().IsMatch(TextKey.Normalize(header));

    private static int? Year(double d) =>
        d == Math.Floor(d) && d is >= 1950 and <= 2099 ? (int)d : null;

    [GeneratedRegex(@"^(?:anno |periodo )?(?:(?:i|ii|1|2) sem(?:estre)? )?(?:19|20)\d{2}$|^(?:19|20)\d{2} s[12]$|^2 0\d{2}$")]
    private static partial Regex PeriodOnly();
}
