using System.Text.RegularExpressions;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// What the rows above a table (title, subtitle) and the sheet name say: the plan cycle ("Piano 2021-2023"),
/// the period the values refer to ("Monitoraggio al 30/06/2021", "I semestre 2021") and the document kind.
/// </summary>
public sealed partial record SheetContext(int? CycleFrom, int? CycleTo, Period? ReportingPeriod, string TitleText)
{
    /// <summary>Objectives a title row assigns the whole sheet to (a sheet per strategic objective), broadest first.</summary>
    public IReadOnlyList<TitleObjective> Objectives { get; init; } = [];

    /// <summary>The year values without a year of their own refer to.</summary>
    public int? Year => ReportingPeriod?.Year ?? CycleFrom;

    public static SheetContext Read(SheetGrid grid, int headerRow, HeaderMatcher matcher)
    {
        var lines = new List<string> { grid.Name };
        var objectives = new List<TitleObjective>();
        for (var r = 0; r < headerRow; r++)
        {
            var texts = grid.Columns(r).Select(c => CellValues.Display(grid[r, c])).Where(t => t.Length > 0).Distinct().ToList();
            lines.Add(string.Join(" ", texts));
            foreach (var c in grid.Columns(r))
            {
                if (grid[r, c].Value is string text && matcher.MatchTitleObjective(text) is { } found && objectives.All(o => o.Role != found.Role))
                {
                    objectives.Add(TitleObjective.Parse(found.Role, found.Text, SheetGrid.CellName(r, c)));
                    break;
                }
            }
        }
        int? from = null, to = null;
        Period? reporting = null;
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (from is null && PlanCycle.Find(line) is { } cycle) (from, to) = cycle;
            var rest = DocumentDate().Replace(PlanCycle.Remove(line), " ");
            if (PeriodResolver.Resolve(rest, from)?.ToReportingPeriod() is { } period && IsCheckpoint(period) && IsFiner(period, reporting))
                reporting = period;
        }
        return new SheetContext(from, to, reporting, string.Join("\n", lines)) { Objectives = objectives.OrderBy(o => o.Role).ToList() };
    }

    /// <summary>
    /// A date that dates the document, not the values: "Data di aggiornamento: 26/05/2022", "aggiornato il …",
    /// "stampato il …", "elaborazione del …". Such dates are never the reporting period.
    /// </summary>
    [GeneratedRegex(@"(?:\bdata\b|\baggiornat\w*|\bstampat?\w*|\belaborat?\w*|\bestratt?\w*|\bestrazione|\bgenerat\w*|\bcreat\w*|\bredatt\w*|\bapprovat\w*|\bscaricat\w*|\bprodott\w*)[^0-9\n]{0,40}\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentDate();

    /// <summary>Values are reported at the end of a month (30/06, 31/12, 30/09); a day in mid-month dates the file, not the values.</summary>
    private static bool IsCheckpoint(Period period) =>
        period.Kind != PeriodKind.Day || period.Start.Day == DateTime.DaysInMonth(period.Year, period.Start.Month);

    private static bool IsFiner(Period candidate, Period? current) =>
        current is null || (candidate.End.DayNumber - candidate.Start.DayNumber) < (current.End.DayNumber - current.Start.DayNumber);
}

/// <summary>An objective named in a sheet's title: "OS.1 - Digitalizzazione" → code OS.1, title Digitalizzazione.</summary>
public sealed partial record TitleObjective(ColumnRole Role, string? Code, string Title, string Cell)
{
    public static TitleObjective Parse(ColumnRole role, string text, string cell)
    {
        var match = CodeAndTitle().Match(text);
        return match.Success
            ? new TitleObjective(role, match.Groups[1].Value, match.Groups[2].Value.Trim(), cell)
            : new TitleObjective(role, null, text.Trim(), cell);
    }

    // A code is one token holding a digit (OS.1, AS2, 1.2.3, OS-01), then a separator, then the title.
    [GeneratedRegex(@"^([A-Za-z]{0,4}[.\-]?\d+(?:[.\-]\d+)*[A-Za-z]?)\s*[-–:.)]\s*(.+)$")]
    private static partial Regex CodeAndTitle();
}
