using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// Reads the KPI table of one sheet into objectives and KPIs: objective columns carried down over their KPI rows
/// (merged or simply left blank), blank rows skipped, the table ending at a legend. Every value keeps its cell.
/// </summary>
public sealed class SheetTableReader(HeaderMatcher matcher)
{
    private static readonly ColumnRole[] ObjectiveRoles = [ColumnRole.Area, ColumnRole.Strategic, ColumnRole.ObjectiveCode, ColumnRole.Objective];

    /// <summary>Objectives and KPIs of this sheet, appended to the workbook-wide lists (ids stay unique).</summary>
    public void Read(SheetGrid grid, int headerRow, SheetContext context, WorkbookAccumulator into)
    {
        var columns = matcher.MatchRow(grid, headerRow, context.Year).ToList();
        var firstDataRow = ApplySubHeader(grid, headerRow, columns, context);
        var single = columns.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => g.First());
        var kpiColumn = single[ColumnRole.Kpi].Column;

        var carried = new Dictionary<ColumnRole, (string Text, int Row, int Column)>();
        for (var r = firstDataRow; r < grid.Height; r++)
        {
            if (grid.IsBlankRow(r)) continue;
            var first = FirstText(grid, r);
            if (first is not null && matcher.IsLegend(first)) break;

            foreach (var role in ObjectiveRoles)
            {
                if (!single.TryGetValue(role, out var spec)) continue;
                var text = TextKey.Clean(CellValues.Display(grid[r, spec.Column]));
                if (text.Length > 0) carried[role] = (text, r, spec.Column);
            }

            var kpiName = TextKey.Clean(CellValues.Display(grid[r, kpiColumn]));
            var valueColumns = columns.Where(c => c.Role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Weight).ToList();
            var hasValues = valueColumns.Any(c => !grid[r, c.Column].IsEmpty);
            if (kpiName.Length == 0 && !hasValues) continue; // an objective heading row
            if (kpiName.Length > 0 && carried.TryGetValue(ColumnRole.Objective, out var objective) && objective.Row == r && IsMergedRepeat(kpiName, objective.Text))
                continue;

            var objectiveId = ObjectiveFor(grid, r, context, single, carried, into);
            into.Kpis.Add(ReadKpi(grid, r, kpiName, objectiveId, columns, single, context, into));
        }
    }

    // A title merged across the whole row (objective heading spanning the KPI column too) is not a KPI.
    private static bool IsMergedRepeat(string kpiName, string objectiveText) => kpiName == objectiveText;

    /// <summary>
    /// A second header row with periods under a merged "Target"/"Consuntivo" heading (2021 | 2022 | 2023).
    /// Returns the first data row.
    /// </summary>
    private int ApplySubHeader(SheetGrid grid, int headerRow, List<ColumnSpec> columns, SheetContext context)
    {
        var next = headerRow + 1;
        if (next >= grid.Height) return next;
        var kpi = columns.First(c => c.Role == ColumnRole.Kpi).Column;
        if (!grid[next, kpi].IsEmpty) return next;
        var changed = false;
        for (var i = 0; i < columns.Count; i++)
        {
            var spec = columns[i];
            if (spec.Role is not (ColumnRole.Target or ColumnRole.Actual or ColumnRole.Baseline)) continue;
            var text = CellValues.Display(grid[next, spec.Column]);
            if (text.Length == 0) continue;
            if (PeriodResolver.Resolve(text, context.Year)?.ToReportingPeriod() is { } period)
            {
                columns[i] = spec with { Period = period, Header = $"{spec.Header} {text}" };
                changed = true;
            }
        }
        return changed ? next + 1 : next;
    }

    private static string? FirstText(SheetGrid grid, int row)
    {
        for (var c = 0; c < grid.Width; c++)
        {
            var text = CellValues.Display(grid[row, c]);
            if (text.Length > 0) return text;
        }
        return null;
    }

    private static string? ObjectiveFor(
        SheetGrid grid, int row, SheetContext context, Dictionary<ColumnRole, ColumnSpec> single,
        Dictionary<ColumnRole, (string Text, int Row, int Column)> carried, WorkbookAccumulator into)
    {
        string? parent = null;
        // Levels the sheet's title names (a sheet per strategic objective) apply unless a column gives them.
        foreach (var named in context.Objectives.Where(t => !carried.ContainsKey(t.Role)))
        {
            var level = named.Role == ColumnRole.Area ? ObjectiveLevel.Area : ObjectiveLevel.Strategic;
            parent = into.Objective(level, named.Code, named.Title, parent, SourceRef.ForCell(grid.Name, named.Cell));
        }
        if (carried.TryGetValue(ColumnRole.Area, out var area))
            parent = into.Objective(ObjectiveLevel.Area, null, area.Text, null, SourceRef.ForCell(grid.Name, SheetGrid.CellName(area.Row, area.Column)));
        if (carried.TryGetValue(ColumnRole.Strategic, out var strategic))
            parent = into.Objective(ObjectiveLevel.Strategic, null, strategic.Text, parent, SourceRef.ForCell(grid.Name, SheetGrid.CellName(strategic.Row, strategic.Column)));

        var hasCode = carried.TryGetValue(ColumnRole.ObjectiveCode, out var code);
        var hasTitle = carried.TryGetValue(ColumnRole.Objective, out var title);
        if (!hasCode && !hasTitle) return parent;
        var at = hasCode ? code : title;
        var orgUnit = single.TryGetValue(ColumnRole.OrgUnit, out var unitSpec) ? TextKey.Clean(CellValues.Display(grid[row, unitSpec.Column])) : "";
        var id = into.Objective(ObjectiveLevel.Operational, hasCode ? code.Text : null, hasTitle ? title.Text : code.Text, parent,
            SourceRef.ForCell(grid.Name, SheetGrid.CellName(at.Row, at.Column)));
        if (orgUnit.Length > 0) into.AddOrgUnit(id, orgUnit);
        return id;
    }

    private static ExtractedKpi ReadKpi(
        SheetGrid grid, int row, string name, string? objectiveId, List<ColumnSpec> columns,
        Dictionary<ColumnRole, ColumnSpec> single, SheetContext context, WorkbookAccumulator into)
    {
        string? Text(ColumnRole role) =>
            single.TryGetValue(role, out var spec) && TextKey.Clean(CellValues.Display(grid[row, spec.Column])) is { Length: > 0 } t ? t : null;
        SourceRef Cell(int column) => SourceRef.ForCell(grid.Name, SheetGrid.CellName(row, column));

        decimal? weight = null;
        if (single.TryGetValue(ColumnRole.Weight, out var weightSpec) && !grid[row, weightSpec.Column].IsEmpty)
        {
            var cell = grid[row, weightSpec.Column];
            weight = CellValues.Number(cell)?.Value;
            if (weight is null)
                into.Warnings.Add($"{grid.Name}!{SheetGrid.CellName(row, weightSpec.Column)}: weight '{CellValues.Display(cell)}' is not a number; left empty");
        }

        RawNumber? baseline = null;
        if (single.TryGetValue(ColumnRole.Baseline, out var baseSpec) && !grid[row, baseSpec.Column].IsEmpty)
        {
            var cell = grid[row, baseSpec.Column];
            baseline = new RawNumber(CellValues.Display(cell), CellValues.Number(cell)?.Value);
        }

        var targets = new List<ExtractedTarget>();
        foreach (var spec in columns.Where(c => c.Role == ColumnRole.Target))
        {
            var cell = grid[row, spec.Column];
            if (cell.IsEmpty) continue;
            var period = (spec.Period ?? DefaultPeriod(context, isActual: false))?.Code;
            var parsed = ReadTarget(cell, period);
            if (parsed.Count == 0 && !ActualText.IsNoValue(CellValues.Display(cell)))
                into.Warnings.Add($"{grid.Name}!{SheetGrid.CellName(row, spec.Column)}: target '{CellValues.Display(cell)}' could not be read");
            foreach (var value in parsed)
            {
                var valuePeriod = value.Period ?? period;
                if (valuePeriod is null)
                {
                    into.Warnings.Add($"{grid.Name}!{SheetGrid.CellName(row, spec.Column)}: target '{value.Raw}' has no year (none in the header, title or sheet name)");
                    continue;
                }
                targets.Add(new ExtractedTarget(valuePeriod, value with { Period = valuePeriod }, Cell(spec.Column)));
            }
        }

        var actuals = new List<ExtractedActual>();
        foreach (var spec in columns.Where(c => c.Role == ColumnRole.Actual))
        {
            var cell = grid[row, spec.Column];
            var display = CellValues.Display(cell);
            if (cell.IsEmpty || ActualText.IsNoValue(display)) continue;
            var period = (spec.Period ?? DefaultPeriod(context, isActual: true))?.Code;
            if (period is null)
            {
                into.Warnings.Add($"{grid.Name}!{SheetGrid.CellName(row, spec.Column)}: value '{display}' has no period (none in the header '{spec.Header}', title or sheet name)");
                continue;
            }
            actuals.Add(ReadActual(cell, period, Cell(spec.Column)));
        }

        var unit = Text(ColumnRole.Unit) ?? targets.Select(t => t.Value.Unit).FirstOrDefault(u => u is not null);
        return new ExtractedKpi
        {
            Id = into.NextKpiId(),
            Objective = objectiveId,
            Code = Text(ColumnRole.KpiCode),
            Name = name,
            KpiType = Text(ColumnRole.KpiType)?.ToLowerInvariant(),
            Algorithm = Text(ColumnRole.Algorithm),
            Unit = unit,
            SourceSystem = Text(ColumnRole.SourceSystem),
            Weight = weight,
            Frequency = Text(ColumnRole.Frequency),
            Responsible = Text(ColumnRole.Responsible),
            Baseline = baseline,
            Targets = targets,
            Actuals = actuals,
            Source = Cell(single[ColumnRole.Kpi].Column),
        };
    }

    private static Period? DefaultPeriod(SheetContext context, bool isActual) =>
        isActual ? context.ReportingPeriod ?? (context.Year is { } y ? Period.ForYear(y) : null)
                 : context.Year is { } year ? Period.ForYear(year) : null;

    private static IReadOnlyList<TargetValue> ReadTarget(GridCell cell, string? period) => cell.Value switch
    {
        double when CellValues.Number(cell) is { } n => [TargetValue.Numeric(period, TargetOperator.Equal, n.Value, n.Raw, n.Unit)],
        DateTime dt => [TargetValue.Deadline(period, DateOnly.FromDateTime(dt), CellValues.Display(cell))],
        bool b => [TargetValue.YesNo(period, b, CellValues.Display(cell))],
        string s => TargetExpression.Parse(s, period),
        _ => [],
    };

    private static ExtractedActual ReadActual(GridCell cell, string period, SourceRef source)
    {
        var display = CellValues.Display(cell);
        switch (cell.Value)
        {
            case DateTime dt:
                return new ExtractedActual(period, display, null, source) { Date = DateOnly.FromDateTime(dt) };
            case bool b:
                return new ExtractedActual(period, display, null, source) { Flag = b };
        }
        // a number cell keeps its percent format; text goes through the shared reader
        return cell.Value is double && CellValues.Number(cell) is { } number
            ? new ExtractedActual(period, display, number.Value, source)
            : ActualText.Read(period, display, source);
    }
}
