using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.IntegraPiano.PianoVocabulary;

namespace Pipeline.Extraction.Pdf.Families.IntegraPiano;

/// <summary>
/// The plan's years and its KPIs: the years come from the plan title ("Piano della Performance 2021-2023"), else from
/// the years its targets name, else the year the document mentions most; a KPI row gives its name and type
/// ("… Tipologia KPI: efficacia"), algorithm, weight, baseline (the status column) and a target per year.
/// </summary>
internal static class PianoKpis
{
    public static (int? From, int? To) Period(PdfLayout layout, IEnumerable<PianoRow> rows)
    {
        var title = layout.Lines.Take(80)
            .Where(l => l.Text.Contains("piano", StringComparison.OrdinalIgnoreCase) || l.Text.Contains("performance", StringComparison.OrdinalIgnoreCase))
            .Select(l => PlanYears().Match(l.Text)).FirstOrDefault(m => m.Success);
        if (title is not null)
            return (int.Parse(title.Groups["a"].Value, CultureInfo.InvariantCulture), int.Parse(title.Groups["b"].Value, CultureInfo.InvariantCulture));
        var years = new List<int>();
        foreach (var row in rows)
            if (row[PianoColumn.Target] is { IsEmpty: false } target)
                foreach (Match m in TargetYear().Matches(target.Text))
                    years.Add(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture));
        if (years.Count == 0)
        {
            // no plan title and no per-year targets: the year the document mentions most
            var mentioned = layout.Lines.SelectMany(l => AnyYear().Matches(l.Text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)))
                .GroupBy(y => y).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
            if (mentioned is not null) years.Add(mentioned.Key);
        }
        return years.Count > 0 ? (years.Min(), years.Max()) : (null, null);
    }

    public static List<ExtractedKpi> Build(IEnumerable<(ExtractedObjective Owner, PianoRow Row)> rows, int? from)
    {
        var defaultPeriod = from?.ToString(CultureInfo.InvariantCulture);
        var kpis = new List<ExtractedKpi>();
        foreach (var (owner, row) in rows)
        {
            var nameCell = row[PianoColumn.Name]!;
            var name = nameCell.Text;
            string? kpiType = null;
            if (KpiType().Match(name) is { Success: true } type)
            {
                kpiType = type.Groups["t"].Value.ToLowerInvariant();
                name = TextKey.Clean(name.Remove(type.Index, type.Length));
            }
            RawNumber? baseline = null;
            if (row[PianoColumn.Baseline] is { IsEmpty: false } b && !ActualText.IsNoValue(b.Text))
                baseline = new RawNumber(b.Text, ItalianNumber.Parse(b.Text)?.Value);
            var targets = new List<ExtractedTarget>();
            string? unit = null;
            if (row[PianoColumn.Target] is { IsEmpty: false } t)
            {
                foreach (var value in TargetExpression.Parse(t.Text, defaultPeriod))
                {
                    targets.Add(new ExtractedTarget(value.Period ?? defaultPeriod ?? "", value, t.Source));
                    unit ??= value.Unit;
                }
            }
            kpis.Add(new ExtractedKpi
            {
                Id = "k" + (kpis.Count + 1).ToString(CultureInfo.InvariantCulture),
                Objective = owner.Id,
                Name = name,
                KpiType = kpiType,
                Algorithm = row[PianoColumn.Algorithm] is { IsEmpty: false } a ? a.Text : null,
                Unit = row[PianoColumn.Unit] is { IsEmpty: false } u ? u.Text : unit,
                SourceSystem = row[PianoColumn.Source] is { IsEmpty: false } src ? src.Text : null,
                Weight = row[PianoColumn.Weight] is { IsEmpty: false } w && ItalianNumber.Parse(w.Text) is { } wn ? wn.Value : null,
                Baseline = baseline,
                Targets = targets,
                Source = row.Source(nameCell.Parts[0].Page),
            });
        }
        return kpis;
    }
}
