using System.Text.RegularExpressions;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// What the rows above a table (title, subtitle) and the sheet name say: the plan cycle ("Piano 2021-2023"),
/// the period the values refer to ("Monitoraggio al 30/06/2021", "I semestre 2021") and the document kind.
/// </summary>
public sealed partial record SheetContext(int? CycleFrom, int? CycleTo, Period? ReportingPeriod, string TitleText)
{
    /// <summary>The year values without a year of their own refer to.</summary>
    public int? Year => ReportingPeriod?.Year ?? CycleFrom;

    public static SheetContext Read(SheetGrid grid, int headerRow)
    {
        var lines = new List<string> { grid.Name };
        for (var r = 0; r < headerRow; r++)
        {
            var texts = Enumerable.Range(0, grid.Width).Select(c => CellValues.Display(grid[r, c])).Where(t => t.Length > 0).Distinct();
            lines.Add(string.Join(" ", texts));
        }
        int? from = null, to = null;
        Period? reporting = null;
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            var cycle = Cycle().Match(line);
            if (cycle.Success && from is null)
            {
                from = int.Parse(cycle.Groups[1].Value);
                to = int.Parse(cycle.Groups[2].Value);
            }
            var rest = Cycle().Replace(line, " ");
            if (PeriodResolver.Resolve(rest, from)?.ToReportingPeriod() is { } period && IsFiner(period, reporting))
                reporting = period;
        }
        return new SheetContext(from, to, reporting, string.Join("\n", lines));
    }

    private static bool IsFiner(Period candidate, Period? current) =>
        current is null || (candidate.End.DayNumber - candidate.Start.DayNumber) < (current.End.DayNumber - current.Start.DayNumber);

    [GeneratedRegex(@"\b(20\d\d)\s*[-/–]\s*(20\d\d)\b")]
    private static partial Regex Cycle();
}
