using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Pdf.Families.PianoIndicatori;

/// <summary>
/// The objective tree of the cards read: parents by code (1.2.3 → 1.2 → area 1); a card numbered without dots
/// belongs to the special agency above it; an area is kept only when a card hangs from it. Then each table's rows
/// become the KPIs of its card.
/// </summary>
internal static class CardTree
{
    public static (List<ExtractedObjective> Objectives, List<ExtractedKpi> Kpis) Build(
        CardReader cards, IndicatorColumns columns, IndicatorKpis rows)
    {
        var objectives = cards.Objectives;
        var byCode = objectives.Where(o => o.Confirmed && o.Code is not null && o.Level != ObjectiveLevel.Area)
            .GroupBy(o => o.Code!).ToDictionary(g => g.Key, g => g.Last());
        var areas = objectives.Where(o => o.Level == ObjectiveLevel.Area && o.Code is not null).GroupBy(o => o.Code!).ToDictionary(g => g.Key, g => g.Last());

        var parents = new Dictionary<CardDraft, CardDraft>();
        CardDraft? agencyRoot = null;
        foreach (var o in objectives)
        {
            if (o.Level == ObjectiveLevel.Area) { agencyRoot = o.Code is null ? o : null; continue; }
            if (!o.Confirmed) continue;
            CardDraft? parent = null;
            if (o.Code is { } code && code.Contains('.'))
            {
                var parentCode = code[..code.LastIndexOf('.')];
                parent = o.Level == ObjectiveLevel.Strategic ? areas.GetValueOrDefault(parentCode) : byCode.GetValueOrDefault(parentCode);
                parent ??= areas.GetValueOrDefault(code.Split('.')[0]);
            }
            else
                parent = agencyRoot;
            if (parent is not null) parents[o] = parent;
        }
        var kept = objectives.Where(o => o.Level == ObjectiveLevel.Area ? parents.ContainsValue(o) : o.Confirmed).ToList();
        var ids = kept.Select((o, i) => (o, i)).ToDictionary(x => x.o, x => $"o{x.i + 1}");

        var result = kept.Select(o =>
        {
            var units = TextKey.Clean(o.OrgUnits).Trim();
            return new ExtractedObjective
            {
                Id = ids[o], Code = o.Code, Level = o.Level.ToCode(),
                Title = string.Join(' ', o.TitleLines).Trim(' ', '-', '–', ':'),
                Parent = parents.TryGetValue(o, out var parent) ? ids[parent] : null,
                Weight = o.LabelledWeight ?? o.Weight,
                OrgUnits = units.Length == 0 ? [] : units.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Mission = o.Mission, Programme = o.Programme,
                Source = SourceRef.ForPage(o.Page, o.Box),
            };
        }).ToList();

        var kpis = new List<ExtractedKpi>();
        foreach (var t in cards.Tables)
        {
            var tableColumns = columns.Of(t);
            var owner = ids.GetValueOrDefault(t.Objective);
            foreach (var row in t.Rows)
            {
                tableColumns = columns.Reanchored(tableColumns, row) ?? tableColumns;
                if (rows.Build(row, tableColumns, owner, kpis.Count + 1) is { } kpi) kpis.Add(kpi);
            }
        }
        return (result, kpis);
    }
}
