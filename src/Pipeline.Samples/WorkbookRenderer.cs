using System.Globalization;
using Pipeline.Core.Values;

namespace Pipeline.Samples;

/// <summary>Lays a plan out as sheets of cells following a <see cref="WorkbookLayout"/>; format-neutral.</summary>
internal static class WorkbookRenderer
{
    public const string DateFormat = "dd/mm/yyyy";
    public const string WeightPercentFormat = "0%";
    public const string IntegerFormat = "#,##0";
    public const string AmountFormat = "#,##0.00";

    public static IReadOnlyList<RenderedSheet> Render(SamplePlan plan, WorkbookLayout layout)
    {
        Validate(layout);
        var styles = new StylePicker(plan, layout);
        var tables = new List<RenderedSheet>();
        var included = plan.Objectives.Where(o => !layout.OmitObjectives.Contains(o.Code)).ToList();
        if (layout.Sheets == SheetSplit.PerStrategicObjective)
        {
            foreach (var strategic in plan.StrategicObjectives)
            {
                var objectives = included.Where(o => o.ParentCode == strategic.Code).ToList();
                if (objectives.Count > 0) tables.Add(RenderTable(plan, layout, styles, strategic.SheetName, strategic, objectives));
            }
        }
        else
        {
            tables.Add(RenderTable(plan, layout, styles, layout.SingleSheetName, null, included));
        }

        if (layout.InstructionsSheetName is not { } instructionsName) return tables;
        var instructions = RenderInstructions(instructionsName, layout.InstructionLines);
        return layout.InstructionsFirst ? [instructions, .. tables] : [.. tables, instructions];
    }

    private static void Validate(WorkbookLayout layout)
    {
        if (layout.HeaderRow < layout.TitleLines.Count || layout.HeaderRow >= 30)
            throw new ArgumentException($"header row {layout.HeaderRow} must be below the {layout.TitleLines.Count} title lines and within the first 30 rows", nameof(layout));
        if (!layout.Columns.Any(c => c.Content == SampleColumn.Kpi))
            throw new ArgumentException("a layout needs a KPI column", nameof(layout));
        var duplicate = layout.Columns.GroupBy(c => c.Content).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"column {duplicate.Key} appears more than once", nameof(layout));
    }

    private static RenderedSheet RenderInstructions(string name, IReadOnlyList<string> lines)
    {
        var cells = new List<WrittenCell>();
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Length > 0) cells.Add(new WrittenCell(i, 0, lines[i], Bold: i == 0));
        return new RenderedSheet(name, null, [], [], null, [], cells);
    }

    private static RenderedSheet RenderTable(
        SamplePlan plan, WorkbookLayout layout, StylePicker styles, string sheetName,
        SampleStrategicObjective? strategic, IReadOnlyList<SampleObjective> objectives)
    {
        var cells = new List<WrittenCell>();
        var merges = new List<CellRange>();
        var kpiRows = new List<RenderedKpiRow>();
        var width = layout.Columns.Count;
        int? ColumnOf(SampleColumn content)
        {
            for (var i = 0; i < width; i++) if (layout.Columns[i].Content == content) return i;
            return null;
        }

        for (var r = 0; r < layout.TitleLines.Count; r++)
        {
            var text = WorkbookLayout.Expand(layout.TitleLines[r], plan, strategic);
            if (text.Length == 0) continue;
            cells.Add(new WrittenCell(r, 0, text, Bold: true));
            if (layout.MergeTitles && width > 1) merges.Add(new CellRange(r, 0, r, width - 1));
        }
        for (var c = 0; c < width; c++)
            cells.Add(new WrittenCell(layout.HeaderRow, c, layout.Columns[c].Header, Bold: true));

        var row = layout.HeaderRow + 1;
        var groupColumns = new[] { SampleColumn.ObjectiveCode, SampleColumn.Objective, SampleColumn.OrgUnit };
        foreach (var group in objectives.GroupBy(o => o.ParentCode))
        {
            var strategicFirst = row;
            var groupObjectives = group.ToList();
            for (var oi = 0; oi < groupObjectives.Count; oi++)
            {
                var objective = groupObjectives[oi];
                var kpis = plan.KpisOf(objective);
                var objectiveFirst = row;
                foreach (var kpi in kpis)
                {
                    var isFirst = row == objectiveFirst;
                    var isStrategicFirst = row == strategicFirst;
                    for (var c = 0; c < width; c++)
                    {
                        var content = layout.Columns[c].Content;
                        var repeatable = content == SampleColumn.StrategicObjective ? isStrategicFirst
                            : groupColumns.Contains(content) ? isFirst : true;
                        if (!repeatable && layout.ObjectiveCells != ObjectiveCells.EveryRow) continue;
                        if (Cell(plan, layout, styles, objective, kpi, content, row, c) is { } cell) cells.Add(cell);
                    }
                    kpiRows.Add(new RenderedKpiRow(kpi.Code, row));
                    row++;
                }
                if (layout.ObjectiveCells == ObjectiveCells.Merged && row - objectiveFirst > 1)
                {
                    foreach (var content in groupColumns)
                        if (ColumnOf(content) is { } c) merges.Add(new CellRange(objectiveFirst, c, row - 1, c));
                }
                var lastInSheet = ReferenceEquals(objective, objectives[^1]);
                if (layout.BlankRowBetweenObjectives && !lastInSheet) row++;
            }
            if (layout.ObjectiveCells == ObjectiveCells.Merged && ColumnOf(SampleColumn.StrategicObjective) is { } sc)
            {
                var last = layout.BlankRowBetweenObjectives && !ReferenceEquals(groupObjectives[^1], objectives[^1]) ? row - 2 : row - 1;
                if (last > strategicFirst) merges.Add(new CellRange(strategicFirst, sc, last, sc));
            }
        }

        int? legendRow = null;
        if (layout.LegendLines.Count > 0)
        {
            row += layout.BlankRowsBeforeLegend;
            legendRow = row;
            foreach (var line in layout.LegendLines)
                cells.Add(new WrittenCell(row++, 0, line));
        }

        var ordered = cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
        return new RenderedSheet(sheetName, layout.HeaderRow, layout.Columns.Select(c => c.Header).ToList(), kpiRows, legendRow, merges, ordered);
    }

    private static WrittenCell? Cell(
        SamplePlan plan, WorkbookLayout layout, StylePicker styles, SampleObjective objective, SampleKpi kpi,
        SampleColumn content, int row, int column)
    {
        WrittenCell? Text(string? text) => string.IsNullOrEmpty(text) ? null : new WrittenCell(row, column, text);
        return content switch
        {
            SampleColumn.StrategicObjective => Text(plan.StrategicOf(objective).Title),
            SampleColumn.ObjectiveCode => Text(objective.Code),
            SampleColumn.Objective => Text(objective.Title),
            SampleColumn.KpiCode => Text(kpi.Code),
            SampleColumn.Kpi => Text(kpi.Name),
            SampleColumn.Algorithm => Text(kpi.Algorithm),
            SampleColumn.Unit => Text(kpi.Unit),
            SampleColumn.Weight => Weight(layout, kpi, row, column),
            SampleColumn.Target => Target(layout, styles, kpi, row, column),
            SampleColumn.Actual => Actual(layout, styles, kpi, row, column),
            SampleColumn.Notes => Text(kpi.Note),
            SampleColumn.Source => Text(kpi.Source),
            SampleColumn.OrgUnit => Text(objective.OrgUnit),
            _ => throw new ArgumentOutOfRangeException(nameof(content), content, null),
        };
    }

    private static WrittenCell Weight(WorkbookLayout layout, SampleKpi kpi, int row, int column) => layout.Weights switch
    {
        WeightCells.PercentFormat => new WrittenCell(row, column, (double)(kpi.Weight / 100m), WeightPercentFormat),
        WeightCells.Number => new WrittenCell(row, column, (double)kpi.Weight),
        WeightCells.Text => new WrittenCell(row, column, Italian(kpi.Weight) + "%"),
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    private static WrittenCell Target(WorkbookLayout layout, StylePicker styles, SampleKpi kpi, int row, int column)
    {
        var target = kpi.Target;
        if (!styles.NumericTarget(kpi)) return new WrittenCell(row, column, target.Raw);
        return target switch
        {
            { Number: { } n } when kpi.Kind == SampleKpiKind.Percent && layout.PercentCells =>
                new WrittenCell(row, column, (double)(n / 100m), WeightPercentFormat),
            { Number: { } n } => new WrittenCell(row, column, (double)n, n >= 1000m ? IntegerFormat : WrittenCell.General),
            { Date: { } d } => new WrittenCell(row, column, d.ToDateTime(TimeOnly.MinValue), DateFormat),
            { Flag: { } f } => new WrittenCell(row, column, f ? "SI" : "NO"),
            _ => new WrittenCell(row, column, target.Raw),
        };
    }

    private static WrittenCell? Actual(WorkbookLayout layout, StylePicker styles, SampleKpi kpi, int row, int column)
    {
        var actual = kpi.ActualFor(layout.Period);
        switch (actual)
        {
            case null:
                return null;
            case { Number: { } n } when styles.TextValue(kpi):
                return new WrittenCell(row, column, kpi.Kind == SampleKpiKind.Percent ? Italian(n) + "%" : Italian(n));
            case { Number: { } n } when kpi.Kind == SampleKpiKind.Percent && layout.PercentCells:
                return new WrittenCell(row, column, (double)(n / 100m), layout.PercentFormat);
            case { Number: { } n }:
                var format = kpi.Kind == SampleKpiKind.Amount ? AmountFormat : n >= 1000m ? IntegerFormat : WrittenCell.General;
                return new WrittenCell(row, column, (double)n, format);
            case { Date: { } d } when layout.Dates == DateCells.DateFormat:
                return new WrittenCell(row, column, d.ToDateTime(TimeOnly.MinValue), DateFormat);
            case { Date: { } d }:
                return new WrittenCell(row, column, d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            case { Flag: { } f }:
                return new WrittenCell(row, column, f ? "SI" : "NO");
            case { Text: { Length: > 0 } text }:
                return new WrittenCell(row, column, text);
            default:
                return null;
        }
    }

    /// <summary>"1.234,5" from 1234.5m: dots for thousands, comma for decimals, the decimals the value has.</summary>
    public static string Italian(decimal value)
    {
        var invariant = value.ToString("#,##0.##########", CultureInfo.InvariantCulture);
        return invariant.Replace(",", "\u0001", StringComparison.Ordinal)
            .Replace(".", ",", StringComparison.Ordinal)
            .Replace("\u0001", ".", StringComparison.Ordinal);
    }

    /// <summary>Decides, per KPI, between text and numeric cells for the "Mixed" styles (alternating within each kind of KPI).</summary>
    private sealed class StylePicker
    {
        private readonly WorkbookLayout _layout;
        private readonly Dictionary<string, int> _ordinalInKind = [];

        public StylePicker(SamplePlan plan, WorkbookLayout layout)
        {
            _layout = layout;
            var counters = new Dictionary<SampleKpiKind, int>();
            foreach (var kpi in plan.Kpis)
            {
                var n = counters.GetValueOrDefault(kpi.Kind);
                _ordinalInKind[kpi.Code] = n;
                counters[kpi.Kind] = n + 1;
            }
        }

        public bool TextValue(SampleKpi kpi) => _layout.Values switch
        {
            ValueCells.ItalianText => true,
            ValueCells.Numeric => false,
            _ => _ordinalInKind[kpi.Code] % 2 == 0,
        };

        public bool NumericTarget(SampleKpi kpi) => _layout.Targets switch
        {
            TargetCells.Numeric => true,
            TargetCells.Text => false,
            _ => _ordinalInKind[kpi.Code] % 2 == 0,
        };
    }
}
