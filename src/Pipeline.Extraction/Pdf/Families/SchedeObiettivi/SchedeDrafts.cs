using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.SchedeObiettivi.SchedeVocabulary;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>
/// The objectives and KPIs read so far, and where the reader stands in the tree: the current area, strategic
/// objective (from a heading, or from a detail card), operational and individual objective, the card's KPI, and the
/// KPIs printed since the last monitoring note (the note's value is their actual).
/// </summary>
internal sealed class SchedeDrafts
{
    public List<ObjectiveDraft> Objectives { get; } = [];
    public List<KpiDraft> Kpis { get; } = [];
    /// <summary>The KPIs printed since the last note.</summary>
    public List<KpiDraft> Pending { get; } = [];

    public ObjectiveDraft? Area { get; set; }
    public ObjectiveDraft? Strategic { get; set; }
    public ObjectiveDraft? CardStrategic { get; set; }
    public ObjectiveDraft? Operational { get; set; }
    public ObjectiveDraft? Individual { get; set; }
    public KpiDraft? CardKpi { get; set; }
    public string? PendingMission { get; set; }
    public string? PendingProgramme { get; set; }

    /// <summary>The objective a KPI table row belongs to.</summary>
    public ObjectiveDraft? TableObjective => Individual ?? Strategic ?? Area;

    public ObjectiveDraft NewObjective(string level, string? code, string title, ObjectiveDraft? parent, LayoutLine line)
    {
        var o = Add(level, code, title, parent);
        o.Box.Add(line);
        return o;
    }

    public ObjectiveDraft Add(string level, string? code, string title, ObjectiveDraft? parent, string? mission = null, string? programme = null)
    {
        var o = new ObjectiveDraft
        {
            Id = "o" + (Objectives.Count + 1).ToString(CultureInfo.InvariantCulture),
            Level = level, Code = code, Title = title, Parent = parent, Mission = mission, Programme = programme,
        };
        Objectives.Add(o);
        return o;
    }

    /// <summary>The last objective of the level whose code has the same numbers, or null.</summary>
    public ObjectiveDraft? Find(string level, string code)
    {
        var digits = CodeKey(code);
        return digits.Length == 0 ? null : Objectives.LastOrDefault(o => o.Level == level && o.Code is not null && CodeKey(o.Code) == digits);
    }

    public KpiDraft NewKpi(ObjectiveDraft objective)
    {
        var kpi = new KpiDraft { Id = "k" + (Kpis.Count + 1).ToString(CultureInfo.InvariantCulture), Objective = objective };
        Kpis.Add(kpi);
        Pending.Add(kpi);
        return kpi;
    }

    /// <summary>A monitoring note: its value is the actual of every KPI printed since the previous note.</summary>
    public void ApplyNote(string period, string raw, decimal? value, SourceRef? source)
    {
        foreach (var kpi in Pending) kpi.Actuals.Add(new ExtractedActual(period, raw, value, source));
        Pending.Clear();
    }

    /// <summary>An "Area strategica" heading: what was under the previous area is closed.</summary>
    public void EnterArea(ObjectiveDraft area)
    {
        Area = area;
        Strategic = CardStrategic = Operational = null;
        Pending.Clear();
    }

    /// <summary>An "Obiettivo strategico:" heading: what was under the previous strategic objective is closed.</summary>
    public void EnterStrategic(ObjectiveDraft strategic)
    {
        Strategic = strategic;
        CardStrategic = Operational = null;
        Pending.Clear();
    }
}
