using Pipeline.Core.Extraction;

namespace Pipeline.Samples.Workbooks;

/// <summary>
/// One common way of laying a plan out in a workbook. A layout writes the whole content of an
/// <see cref="ExtractedDocument"/> (objectives, KPIs, weights, targets per period, actuals) so that a reader can be
/// checked against the content it was written from.
/// </summary>
public abstract class PlanWorkbookLayout
{
    /// <summary>Short name, used in file names: "wide-two-level".</summary>
    public abstract string Name { get; }

    public virtual WorkbookFormat Format => WorkbookFormat.Xlsx;

    /// <summary>"wide-two-level.xlsx".</summary>
    public string FileName => Name + (Format == WorkbookFormat.Xls ? ".xls" : ".xlsx");

    public abstract IReadOnlyList<RenderedSheet> Render(PlanContent plan);

    /// <summary>Column widths in characters (every sheet).</summary>
    public virtual IReadOnlyList<double> ColumnWidths => [];

    public override string ToString() => Name;
}
