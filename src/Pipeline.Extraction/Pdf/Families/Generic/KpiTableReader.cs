using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// Reads the rows under a KPI table header: each row a KPI, or the continuation of the previous one (a row cut by a
/// page break, a cell split off); the header repeated on a following page is skipped; an objective heading or
/// section row between rows sets the objective of the rows after it. The table ends at another header, a key/value
/// card, running text across its columns, or a wide vertical gap. A row it cannot place is a warning naming its page.
/// </summary>
public sealed class KpiTableReader(TableHeader header, HeaderMatcher matcher, WorkbookHeaderConfig config, int? year, ObjectiveTracker objectives, List<ExtractedKpi> kpis, List<string> warnings)
{
    /// <summary>Reads from the header at <paramref name="headerIndex"/>; returns the index of the last row used.</summary>
    public int Read(IReadOnlyList<LayoutRow> rows, int headerIndex)
    {
        var i = headerIndex + 1;
        if (i < rows.Count && header.TakeSecondLevel(rows[i], year)) i++;
        var tableRows = TableRows(rows, i);
        var columns = new ColumnBoundaries(header.Columns.Select(c => (c.X0, c.X1)).ToList(), tableRows.SelectMany(r => r.Words).ToList());
        var height = header.Row.Cells[0].Lines[0].LineHeight;

        KpiRow? current = null;
        string? currentObjective = objectives.Current;
        LayoutRow? previous = header.Row;
        var afterHeading = false; // an objective heading since the last row: a header after it opens a new table
        var repeated = false; // the previous row is the header repeated at the top of this page
        IReadOnlySet<int>? always = null; // the columns every row of the table has filled so far
        LayoutRow? body = null; // the last row read into a KPI
        var last = i - 1;
        for (; i < rows.Count; i++)
        {
            var row = rows[i];
            if (TableHeader.Match(row, matcher, config, year) is { } again)
            {
                // the header repeated at the top of a following page continues the table; anywhere else it starts a new one
                if (!again.SameAs(header) || previous is null || row.Page == previous.Page || afterHeading) break;
                previous = row;
                repeated = true;
                last = i;
                continue;
            }
            if (ObjectiveCard.KeyOf(row) is not null || KpiCard.Opens(row, matcher)) break;
            var samePage = previous is not null && previous.Page == row.Page;
            var section = IsSection(row, columns);
            if (samePage && row.Box.Y0 - previous!.Box.Y1 > 3.5 * height && !section) break;
            if (section && objectives.TryHeading(row))
            {
                afterHeading = true;
                Flush(ref current, ref currentObjective);
                currentObjective = objectives.Current;
                previous = row;
                last = i;
                continue;
            }
            if (columns.Straddling(row.Words) >= 2) break; // running text across the columns
            if (section && row.Cells[0].Lines.Any(l => columns.RunsAcross(l.Words))) break; // a paragraph after the table
            var kpiRow = new KpiRow(header, columns, row);
            // the lower lines of a wrapped row the kit took for a row of their own: names only, right under it
            // across a page break, only text in the table's type goes on (a heading at the top of the next page does not)
            var pageTop = (!samePage || repeated) && body is not null && Math.Abs(TypeSize(row) - TypeSize(body)) < 0.5;
            var continues = current is not null && !kpiRow.HasValues && (pageTop || samePage && !repeated && row.Box.Y0 - previous!.Box.Y1 <= 0.8 * height)
                            || current is not null && pageTop && BrokenRow.Continues(current, kpiRow, always);
            repeated = false;
            if (afterHeading && !kpiRow.HasValues && row.Cells.Count == 1 && row.Box.Y0 - previous!.Box.Y1 <= height
                && Math.Abs(row.Cells[0].Lines[0].LineHeight - previous.Cells[^1].Lines[^1].LineHeight) < 0.5)
            {
                objectives.ExtendTitle(row.Text); // the heading's title wrapped onto this line
                previous = row;
                last = i;
                continue;
            }
            // a lone name that does not continue the row above is the next heading or paragraph, not a KPI
            if (!kpiRow.HasValues && kpiRow.FilledColumns == 1 && !continues) break;
            afterHeading = false;
            if (kpiRow.HasName && !continues)
            {
                Flush(ref current, ref currentObjective);
                current = kpiRow;
                always = always is null ? kpiRow.Filled : always.Intersect(kpiRow.Filled).ToHashSet();
            }
            else if (current is not null && !kpiRow.IsEmpty) current.Absorb(kpiRow);
            else if (!kpiRow.IsEmpty) warnings.Add($"page {row.Page}: table row without an indicator name: {kpiRow.Describe()}");
            if (current is not null) body = row;
            previous = row;
            last = i;
        }
        Flush(ref current, ref currentObjective);
        return last;
    }

    /// <summary>The rows that may belong to the table (for finding its column gutters): up to the next header or gap.</summary>
    private List<LayoutRow> TableRows(IReadOnlyList<LayoutRow> rows, int from)
    {
        var result = new List<LayoutRow> { header.Row };
        for (var i = from; i < rows.Count && i < from + 40; i++)
        {
            if (rows[i].Page != header.Row.Page && result.Count > 6) break;
            if (TableHeader.Match(rows[i], matcher, config, year) is not null || ObjectiveCard.KeyOf(rows[i]) is not null || KpiCard.Opens(rows[i], matcher)) break;
            if (rows[i].Cells.Count >= 2) result.Add(rows[i]);
        }
        return result;
    }

    /// <summary>The row's type size: the mean height of its lines' words.</summary>
    private static double TypeSize(LayoutRow row) => row.Cells.SelectMany(c => c.Lines).Average(l => l.LineHeight);

    /// <summary>A row that is one cell reaching across several columns: a section heading or a paragraph.</summary>
    private static bool IsSection(LayoutRow row, ColumnBoundaries columns) =>
        row.Cells.Count == 1 && row.Words.Select(columns.ColumnOf).Distinct().Count() >= 2;

    private void Flush(ref KpiRow? current, ref string? objective)
    {
        if (current is null) return;
        var (code, title, level) = current.Objective();
        if (code is not null || title is not null)
        {
            // a register's path: the broader objectives in their own columns come first, so the row's hangs from them
            foreach (var (broader, broaderLevel, column) in current.BroaderObjectives())
                objectives.FromCell(null, broader, broaderLevel, current.Source(column));
            objective = objectives.FromCell(code, title, level, current.Source(header.Index(ColumnRole.ObjectiveCode) is var c and >= 0 ? c : header.Index(ColumnRole.Objective)));
        }
        var kpi = current.ToKpi("k" + (kpis.Count + 1).ToString(CultureInfo.InvariantCulture), objective, year);
        // a long table gives one row per KPI and period: the rows of one KPI make one KPI
        if (header.Index(ColumnRole.Year) >= 0 && kpis.Count > 0 && kpis[^1].Name == kpi.Name && kpis[^1].Objective == kpi.Objective
            && !kpis[^1].Targets.Any(t => kpi.Targets.Any(u => u.Period == t.Period)))
            kpis[^1] = kpis[^1] with { Targets = [.. kpis[^1].Targets, .. kpi.Targets], Actuals = [.. kpis[^1].Actuals, .. kpi.Actuals] };
        else kpis.Add(kpi);
        current = null;
    }
}
