using System.Text.RegularExpressions;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Pira;

/// <summary>
/// Turns the card drafts into the extraction's objectives and KPIs: the objective code from its title ("(C5) …"),
/// the KPI code from its label ("KPISTD 76"), "Valori osservati" as the baseline (raw), "Risultati attesi" as the
/// targets per year (<see cref="TargetExpression"/>), "Fonte dei dati" as the source system.
/// </summary>
public sealed class CardBuilder
{
    public List<ExtractedObjective> Objectives { get; } = [];
    public List<ExtractedKpi> Kpis { get; } = [];
    public List<string> Warnings { get; } = [];
    public HashSet<int> Years { get; } = [];

    public void Build(IReadOnlyList<ObjectiveDraft> objectives, IReadOnlyList<KpiDraft> kpis)
    {
        for (var i = 0; i < objectives.Count; i++) Objectives.Add(Objective(objectives[i], $"o{i + 1}"));
        foreach (var k in kpis)
            if (Kpi(k, $"k{Kpis.Count + 1}") is { } kpi) Kpis.Add(kpi);
    }

    private static ExtractedObjective Objective(ObjectiveDraft o, string id)
    {
        var title = Clean(o.Title.Text) ?? "";
        string? code = null;
        if (PiraVocabulary.ObjectiveCode(title) is { Success: true } m)
        {
            code = Regex.Replace(m.Groups[1].Value, @"\s+", "");
            title = title[m.Length..].Trim();
        }
        o.Where.Add(o.Title.Where);
        return new ExtractedObjective
        {
            Id = id, Code = code, Level = "strategic", Title = title,
            OrgUnits = Clean(o.Responsible.Text) is { } r ? [r] : [],
            Mission = o.Mission, Programme = null,
            Source = o.Where.ToSource(),
        };
    }

    private ExtractedKpi? Kpi(KpiDraft k, string id)
    {
        var (code, name) = KpiLabel.CodeAndName(k.Label, Clean(k.Name.Text) ?? "");
        if (name.Length == 0)
        {
            Warnings.Add($"page {k.Page}: KPI without a name skipped");
            return null;
        }
        k.Where.Add(k.Name.Where);
        var expected = (k.Expected.Where.IsEmpty ? k.Where : k.Expected.Where).ToSource();
        var targets = new List<ExtractedTarget>();
        foreach (var t in TargetExpression.Parse(k.Expected.Text))
        {
            if (t.Period is null) continue;
            if (int.TryParse(t.Period[..4], out var y)) Years.Add(y);
            targets.Add(new ExtractedTarget(t.Period, t, expected));
        }
        var observed = Clean(k.Observed.Text);
        RawNumber? baseline = null;
        if (observed is not null && observed.Trim('\'', '-', '’', '–', ' ').Length > 0)
            baseline = new RawNumber(observed, ItalianNumber.Parse(observed)?.Value);
        return new ExtractedKpi
        {
            Id = id, Objective = $"o{k.Objective + 1}", Code = code, Name = name,
            Algorithm = Clean(k.Algorithm.Text), SourceSystem = Clean(k.Source.Text),
            Unit = targets.Select(t => t.Value.Unit).FirstOrDefault(u => u is not null),
            Baseline = baseline, Targets = targets,
            Source = k.Where.ToSource(),
        };
    }

    private static string? Clean(string text)
    {
        var t = TextKey.Clean(text).Trim();
        return t.Length == 0 ? null : t;
    }
}
