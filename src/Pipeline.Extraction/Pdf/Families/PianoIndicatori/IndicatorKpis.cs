using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.PianoIndicatori;

/// <summary>
/// A KPI from each numbered row of an INDICATORI table: its name (number and name columns), baseline ("Target
/// storico"), a target per "Risultato atteso al …" column — a year, or a checkpoint (30/6, 31/12) of the plan's first
/// year — and its weight: the Peso column, or, when a Peso column follows each Risultato column, the weight of each
/// period's target and, as the KPI's own, that of its first period with a target.
/// </summary>
internal sealed partial class IndicatorKpis(int? firstYear, List<string> warnings)
{
    public ExtractedKpi? Build(IndicatorRow row, List<IndicatorColumn> columns, string? owner, int n)
    {
        // the row's words per column (the row number left out), with each cell's box on the row's first page
        var split = new TableColumns(columns.Select(c => c.Start).ToList());
        var cells = columns.Select(_ => new List<string>()).ToArray();
        var boxes = new Box?[columns.Count];
        var rowBox = BoxOf(row.Lines[0].Bbox);
        for (var l = 0; l < row.Lines.Count; l++)
        {
            var line = row.Lines[l];
            var parts = split.Split(l == 0 ? line with { Words = line.Words.Skip(1).ToList() } : line);
            if (l == 0 && line.Words.Count == 1) continue;
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i].IsEmpty) continue;
                cells[i].Add(parts[i].Text);
                if (line.Page != row.Page) continue;
                boxes[i] = boxes[i] is { } box ? box.Union(BoxOf(parts[i].Bbox)) : BoxOf(parts[i].Bbox);
            }
            if (line.Page == row.Page) rowBox = rowBox.Union(BoxOf(line.Bbox));
        }
        string Text(int i) => TextKey.Clean(string.Join(' ', cells[i])).Trim();

        var name = string.Join(' ', Enumerable.Range(0, columns.Count).Where(i => columns[i].Kind is ColumnKind.Name or ColumnKind.Number).Select(Text)).Trim();
        if (name.Length == 0)
        {
            warnings.Add($"page {row.Page}: indicator row {row.Number} without a name skipped");
            return null;
        }
        RawNumber? baseline = null;
        var targets = new List<ExtractedTarget>();
        decimal? weight = null;
        var perPeriodWeights = columns.Count(c => c.Kind == ColumnKind.Weight) > 1;
        for (var i = 0; i < columns.Count; i++)
        {
            var text = Text(i);
            switch (columns[i].Kind)
            {
                case ColumnKind.Baseline when !ActualText.IsNoValue(text):
                    baseline = new RawNumber(text, ItalianNumber.Parse(text)?.Value);
                    break;
                case ColumnKind.Target:
                    if (ColumnPeriod(columns[i].Header) is not { } period)
                    {
                        if (!ActualText.IsNoValue(text)) warnings.Add($"page {row.Page}: indicator row {row.Number}: a target column without a period skipped");
                        break;
                    }
                    var periodWeight = perPeriodWeights && i + 1 < columns.Count && columns[i + 1].Kind == ColumnKind.Weight ? Weight(Text(i + 1)) : null;
                    var source = SourceRef.ForPage(row.Page, (boxes[i] ?? rowBox).ToArray());
                    var values = TargetExpression.Parse(text, period);
                    foreach (var value in values)
                        targets.Add(new ExtractedTarget(period, value with { Period = period }, source) { Weight = periodWeight });
                    // the KPI's own weight: the plan's first period that has a target
                    if (perPeriodWeights && values.Count > 0 && weight is null) weight = periodWeight;
                    break;
                case ColumnKind.Weight when !perPeriodWeights:
                    weight = Weight(text);
                    break;
            }
        }
        return new ExtractedKpi
        {
            Id = $"k{n}", Objective = owner, Name = name,
            Unit = targets.Select(t => t.Value.Unit).FirstOrDefault(u => u is not null),
            Weight = weight, Baseline = baseline, Targets = targets,
            Source = SourceRef.ForPage(row.Page, rowBox.ToArray()),
        };
    }

    /// <summary>The period a "Risultato atteso al …" column holds: a year, or a checkpoint of the plan's first year.</summary>
    private string? ColumnPeriod(string header)
    {
        if (Checkpoint().Match(header) is { Success: true } c && firstYear is { } year)
        {
            var day = int.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(c.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                return Period.ForDay(new DateOnly(year, month, day)).Code;
        }
        return YearInHeader().Match(header) is { Success: true } y ? y.Value : null;
    }

    /// <summary>A weight cell: "30%", "60,00 %", "20,0 0%" (a wrapped cell), "50"; null for "-" or empty.</summary>
    private static decimal? Weight(string text)
    {
        var squeezed = Regex.Replace(text, @"\s+", "");
        return ActualText.IsNoValue(squeezed) ? null : ItalianNumber.Parse(squeezed)?.Value;
    }

    private static Box BoxOf(IReadOnlyList<double> bbox) => new(bbox[0], bbox[1], bbox[2], bbox[3]);

    [GeneratedRegex(@"\bal\s+(\d{1,2})\s*/\s*(\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Checkpoint();

    [GeneratedRegex(@"\b20\d\d\b")]
    private static partial Regex YearInHeader();
}
