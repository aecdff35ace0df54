using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// One KPI row of a table: the words of its cells given to the header's columns (a cell's lines in order), then read
/// by role into a KPI. Target cells holding several periods give one target per period; a column without a role
/// is never part of a field.
/// </summary>
public sealed class KpiRow
{
    private readonly List<PdfWord>[] _cells;

    public KpiRow(TableHeader header, ColumnBoundaries columns, LayoutRow row)
    {
        Header = header;
        Page = row.Page;
        _cells = Enumerable.Range(0, header.Columns.Count).Select(_ => new List<PdfWord>()).ToArray();
        foreach (var cell in row.Cells)
            foreach (var line in cell.Lines)
                foreach (var word in line.Words)
                    _cells[columns.ColumnOf(word)].Add(word);
    }

    public TableHeader Header { get; }
    public int Page { get; }
    public bool HasName => Text(Header.Index(ColumnRole.Kpi)).Length > 0;
    public bool IsEmpty => _cells.All(c => c.Count == 0);

    /// <summary>How many columns hold text.</summary>
    public int FilledColumns => _cells.Count(c => c.Count > 0);

    /// <summary>The columns that hold text.</summary>
    public IReadOnlySet<int> Filled => Enumerable.Range(0, _cells.Length).Where(c => _cells[c].Count > 0).ToHashSet();

    /// <summary>Whether any target, actual, weight or baseline cell holds text.</summary>
    public bool HasValues => Header.Columns.Select((c, i) => (c.Role, i))
        .Any(x => x.Role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Weight or ColumnRole.Baseline && _cells[x.i].Count > 0);

    /// <summary>A row continuing this one (the rest of a row cut by a page break, a wrapped cell split off): its words join.</summary>
    public void Absorb(KpiRow next)
    {
        for (var c = 0; c < _cells.Length; c++) _cells[c].AddRange(next._cells[c]);
    }

    public string Text(int column) => column < 0 ? "" : TextKey.Clean(string.Join(' ', _cells[column].Select(w => w.Text)));

    public SourceRef Source(int column)
    {
        var words = column >= 0 && _cells[column].Count > 0 ? _cells[column] : _cells.SelectMany(c => c).ToList();
        return SourceRef.ForPage(Page, Box.Of(words).ToArray());
    }

    public string? Role(ColumnRole role) => Header.Index(role) is var c and >= 0 && Text(c) is { Length: > 0 } t ? t : null;

    /// <summary>The KPI this row holds, under <paramref name="objective"/>; periods without a label take <paramref name="year"/>.</summary>
    public ExtractedKpi ToKpi(string id, string? objective, int? year) =>
        KpiFields.ToKpi(id, objective, year, Header.Columns.Select((column, c) => new KpiField(column.Role, column.Period, column.Text, Text(c), Source(c))).ToList(),
            Source(Header.Index(ColumnRole.Kpi)));

    /// <summary>The objective named by the row's objective columns: (code, title, level), all null when none.</summary>
    public (string? Code, string? Title, ObjectiveLevel? Level) Objective()
    {
        var code = Role(ColumnRole.ObjectiveCode);
        var title = Role(ColumnRole.Objective);
        if (code is not null || title is not null) return (code, title, null);
        if (Role(ColumnRole.Strategic) is { } strategic) return (null, strategic, ObjectiveLevel.Strategic);
        if (Role(ColumnRole.Area) is { } area) return (null, area, ObjectiveLevel.Area);
        return (null, null, null);
    }

    /// <summary>
    /// The broader objectives a register prints beside the row's own (an "Area strategica" and an "Obiettivo
    /// strategico" column before "Obiettivo"), broadest first, each with the column it stands in; empty when the row's
    /// objective is itself the broadest it prints.
    /// </summary>
    public IEnumerable<(string Title, ObjectiveLevel Level, int Column)> BroaderObjectives()
    {
        var own = Objective().Level;
        if (own is ObjectiveLevel.Area) yield break;
        if (Role(ColumnRole.Area) is { } area) yield return (area, ObjectiveLevel.Area, Header.Index(ColumnRole.Area));
        if (own is null && Role(ColumnRole.Strategic) is { } strategic) yield return (strategic, ObjectiveLevel.Strategic, Header.Index(ColumnRole.Strategic));
    }

    public string Describe() => string.Join(" | ", Enumerable.Range(0, _cells.Length).Select(Text).Where(t => t.Length > 0));
}
