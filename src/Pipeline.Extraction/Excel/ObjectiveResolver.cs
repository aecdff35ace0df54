using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// The objective a KPI row belongs to: the objective columns (carried down over the rows under a filled cell), else
/// the innermost section row above it, under the objectives the sheet's title names. "Code – title" in one cell is
/// split; the level comes from the column, the level words or the code prefix.
/// </summary>
public sealed class ObjectiveResolver(SheetGrid grid, SheetContext context, SheetColumns columns, WorkbookAccumulator into)
{
    private readonly Dictionary<ColumnRole, (string Text, int Row, int Column)> _carried = [];
    private readonly SectionTracker _sections = new();

    /// <summary>Takes the objective cells of a row: a filled cell replaces the one carried from above.</summary>
    public void Carry(int row)
    {
        foreach (var spec in columns.ObjectiveColumns)
        {
            var text = TextKey.Clean(CellValues.Display(grid[row, spec.Column]));
            if (text.Length > 0) _carried[spec.Role] = (text, row, spec.Column);
        }
    }

    /// <summary>A section row: registers its objective under the nearest broader open section.</summary>
    public void Section(int row, int column)
    {
        var label = ObjectiveLabel.Parse(TextKey.Clean(CellValues.Display(grid[row, column])));
        var level = label.Level ?? ObjectiveLevel.Operational;
        var parent = _sections.Open(level) ?? TitleParent();
        var id = into.Objective(level, label.Code, label.Title, parent, SourceRef.ForCell(grid.Name, SheetGrid.CellName(row, column)));
        _sections.Push(level, id);
        _carried.Clear();
    }

    /// <summary>The id of the objective of a KPI row (registering it on first sight), or null.</summary>
    public string? For(int row)
    {
        var parent = _sections.Current ?? TitleParent();
        if (_carried.TryGetValue(ColumnRole.Area, out var area))
            parent = Register(area, ObjectiveLevel.Area, null, parent);
        if (_carried.TryGetValue(ColumnRole.Strategic, out var strategic))
            parent = Register(strategic, ObjectiveLevel.Strategic, null, parent);

        var hasCode = _carried.TryGetValue(ColumnRole.ObjectiveCode, out var code);
        var hasTitle = _carried.TryGetValue(ColumnRole.Objective, out var title);
        if (!hasCode && !hasTitle) return parent;
        var id = hasTitle
            ? Register(title, ObjectiveLevel.Operational, hasCode ? code.Text : null, parent, hasCode ? code : null)
            : into.Objective(ObjectiveLabel.LevelOfCode(code.Text) ?? ObjectiveLevel.Operational, code.Text, code.Text, parent, Cell(code));
        var orgUnit = columns[ColumnRole.OrgUnit] is { } unitSpec ? TextKey.Clean(CellValues.Display(grid[row, unitSpec.Column])) : "";
        if (orgUnit.Length > 0) into.AddOrgUnit(id, orgUnit);
        return id;
    }

    private string Register((string Text, int Row, int Column) cell, ObjectiveLevel columnLevel, string? code, string? parent,
        (string Text, int Row, int Column)? codeCell = null)
    {
        var label = ObjectiveLabel.Parse(cell.Text);
        var level = label.HasLevelWords ? label.Level!.Value
            : columnLevel == ObjectiveLevel.Operational ? ObjectiveLabel.LevelOfCode(code ?? label.Code ?? "") ?? columnLevel
            : columnLevel;
        var title = code is null ? label.Title : label.Code is not null && label.Code == code ? label.Title : cell.Text;
        return into.Objective(level, code ?? label.Code, title, parent, Cell(codeCell ?? cell));
    }

    private SourceRef Cell((string Text, int Row, int Column) cell) => SourceRef.ForCell(grid.Name, SheetGrid.CellName(cell.Row, cell.Column));

    private string? TitleParent()
    {
        string? parent = null;
        // Levels the sheet's title names (a sheet per strategic objective) apply unless a column gives them.
        foreach (var named in context.Objectives.Where(t => !_carried.ContainsKey(t.Role)))
        {
            var level = named.Role == ColumnRole.Area ? ObjectiveLevel.Area : ObjectiveLevel.Strategic;
            parent = into.Objective(level, named.Code, named.Title, parent, SourceRef.ForCell(grid.Name, named.Cell));
        }
        return parent;
    }
}
