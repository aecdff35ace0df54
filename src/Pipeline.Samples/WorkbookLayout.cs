namespace Pipeline.Samples;

/// <summary>The file format a layout is written in.</summary>
public enum WorkbookFormat
{
    /// <summary>SpreadsheetML (zip), written by <see cref="XlsxWriter"/>.</summary>
    Xlsx,
    /// <summary>BIFF8 (OLE2 compound file), written with NPOI HSSF.</summary>
    Xls,
}

/// <summary>What a table column holds.</summary>
public enum SampleColumn
{
    StrategicObjective,
    ObjectiveCode,
    Objective,
    KpiCode,
    Kpi,
    Algorithm,
    Unit,
    Weight,
    Target,
    Actual,
    Notes,
    Source,
    OrgUnit,
}

/// <summary>One table column: what it holds and the header text written above it.</summary>
public sealed record LayoutColumn(SampleColumn Content, string Header, double Width = 16);

/// <summary>How numeric actuals are written.</summary>
public enum ValueCells
{
    /// <summary>Real numeric cells (percentages as fractions with a percent format when <see cref="WorkbookLayout.PercentCells"/>).</summary>
    Numeric,
    /// <summary>Numbers stored as text, Italian style: "1.234,5", "70,5%".</summary>
    ItalianText,
    /// <summary>Per kind of KPI, alternately text (first, third, …) and numeric (second, fourth, …).</summary>
    Mixed,
}

/// <summary>How weights are written.</summary>
public enum WeightCells
{
    /// <summary>0.3 with the "0%" number format.</summary>
    PercentFormat,
    /// <summary>30 as a plain number.</summary>
    Number,
    /// <summary>"30%" as text.</summary>
    Text,
}

/// <summary>How targets are written.</summary>
public enum TargetCells
{
    /// <summary>The target's text as the plan states it: "&gt;= 70%", "Almeno 120", "Entro 30/10/2021", "SI".</summary>
    Text,
    /// <summary>
    /// A numeric cell where the target has a number (percent format for percentages), a date cell for deadlines;
    /// the operator is lost, as in real workbooks. Yes/no targets stay "SI".
    /// </summary>
    Numeric,
    /// <summary>Per kind of KPI, alternately numeric (first, third, …) and text (second, fourth, …).</summary>
    Mixed,
}

/// <summary>How dates (deadline actuals) are written.</summary>
public enum DateCells
{
    /// <summary>A date serial with the "dd/mm/yyyy" number format.</summary>
    DateFormat,
    /// <summary>"15/09/2021" as text.</summary>
    Text,
}

/// <summary>How the objective columns (and the strategic column) cover their KPI rows.</summary>
public enum ObjectiveCells
{
    /// <summary>Written on the first KPI row and merged down over the others.</summary>
    Merged,
    /// <summary>Written on the first KPI row only, the cells below left empty.</summary>
    FirstRowOnly,
    /// <summary>Repeated on every KPI row.</summary>
    EveryRow,
}

/// <summary>How KPIs are distributed over sheets.</summary>
public enum SheetSplit
{
    /// <summary>One sheet per strategic objective, named after it.</summary>
    PerStrategicObjective,
    /// <summary>All KPIs on one sheet named <see cref="WorkbookLayout.SingleSheetName"/>.</summary>
    Single,
}

/// <summary>How an .xlsx stores its strings.</summary>
public enum XlsxStrings
{
    /// <summary>xl/sharedStrings.xml, cells of type "s" (what Excel writes).</summary>
    Shared,
    /// <summary>Cells of type "inlineStr" (what many exporters write).</summary>
    Inline,
}

/// <summary>
/// How one monitoring workbook looks: where the header row is, which header synonyms and column order, how values
/// are written (the traps). Title lines may use the tokens {chamber}, {CHAMBER} (upper case), {cycle}, {strategicCode} and {strategicTitle};
/// an empty line leaves a blank row.
/// </summary>
public sealed record WorkbookLayout
{
    /// <summary>Path of the file relative to the output directory, with '/' separators.</summary>
    public required string FileName { get; init; }

    public required WorkbookFormat Format { get; init; }

    /// <summary>The period code whose actuals fill the <see cref="SampleColumn.Actual"/> column ("2021-S1", "2021").</summary>
    public required string Period { get; init; }

    /// <summary>Lines above the table, one per row from the first row.</summary>
    public IReadOnlyList<string> TitleLines { get; init; } = [];

    /// <summary>Zero-based row of the header (row 7 in Excel = 6); must be below the title lines and within the first 30 rows.</summary>
    public required int HeaderRow { get; init; }

    public required IReadOnlyList<LayoutColumn> Columns { get; init; }

    public SheetSplit Sheets { get; init; } = SheetSplit.PerStrategicObjective;
    public string SingleSheetName { get; init; } = "Obiettivi operativi";

    /// <summary>A sheet with instructions and no table; null for none.</summary>
    public string? InstructionsSheetName { get; init; }
    public IReadOnlyList<string> InstructionLines { get; init; } = [];

    /// <summary>True: the instructions sheet comes first; false: last.</summary>
    public bool InstructionsFirst { get; init; } = true;

    public ObjectiveCells ObjectiveCells { get; init; } = ObjectiveCells.Merged;

    /// <summary>Title lines merged across the table's width.</summary>
    public bool MergeTitles { get; init; } = true;

    /// <summary>A blank row between the KPIs of one objective and the next (inside the table).</summary>
    public bool BlankRowBetweenObjectives { get; init; }

    /// <summary>Rows under the table ("Legenda: …"), after <see cref="BlankRowsBeforeLegend"/> blank rows.</summary>
    public IReadOnlyList<string> LegendLines { get; init; } = [];
    public int BlankRowsBeforeLegend { get; init; } = 1;

    public ValueCells Values { get; init; } = ValueCells.Numeric;

    /// <summary>Numeric percentages written as fractions (0.705) with <see cref="PercentFormat"/>; false: as 70.5.</summary>
    public bool PercentCells { get; init; } = true;
    public string PercentFormat { get; init; } = "0.0%";

    public WeightCells Weights { get; init; } = WeightCells.Number;
    public TargetCells Targets { get; init; } = TargetCells.Text;
    public DateCells Dates { get; init; } = DateCells.DateFormat;

    /// <summary>Only for .xlsx.</summary>
    public XlsxStrings Strings { get; init; } = XlsxStrings.Shared;

    /// <summary>Objective codes left out of the workbook (e.g. a file that covers part of the plan); empty = all.</summary>
    public IReadOnlySet<string> OmitObjectives { get; init; } = new HashSet<string>();

    /// <summary>The text of a title line for one sheet.</summary>
    public static string Expand(string line, SamplePlan plan, SampleStrategicObjective? strategic) => line
        .Replace("{chamber}", plan.ChamberName, StringComparison.Ordinal)
        .Replace("{CHAMBER}", plan.ChamberName.ToUpperInvariant(), StringComparison.Ordinal)
        .Replace("{cycle}", plan.Cycle, StringComparison.Ordinal)
        .Replace("{strategicCode}", strategic?.Code ?? "", StringComparison.Ordinal)
        .Replace("{strategicTitle}", strategic?.Title ?? "", StringComparison.Ordinal);
}
