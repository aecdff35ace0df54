using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Objectives;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using static Pipeline.Extraction.Pdf.Families.IntegraRelazione.RelazioneVocabulary;

namespace Pipeline.Extraction.Pdf.Families.IntegraRelazione;

/// <summary>
/// The document from what the reader met: cards first, then the headings whose code no card defines and that are an
/// ancestor of one (areas, strategic objectives printed only as section headings); parents from the codes
/// (<see cref="ObjectiveCodes.IsWithin"/>); the scores of objectives without a card from the summary tables.
/// </summary>
internal sealed partial class RelazioneAssembler(PdfLayout layout)
{
    public ExtractedDocument Build(IReadOnlyList<ObjectiveDraft> cards, IReadOnlyList<ObjectiveDraft> headings,
        IReadOnlyList<ExtractedKpi> kpis, IReadOnlyList<string> warnings, int? year)
    {
        var all = Objectives(cards, headings);
        ReadSummaryAchievements(all);

        var objectives = all.Select(o => new ExtractedObjective
        {
            Id = o.Id!,
            Code = o.Code,
            Level = o.Level ?? "operational",
            Title = TextKey.Clean(o.TitleText),
            Parent = o.Parent,
            Weight = o.Weight,
            OrgUnits = o.OrgUnits(),
            Mission = o.Mission,
            Programme = o.Programme,
            ReportedAchievement = o.ReportedAchievement,
            Source = SourceRef.ForPage(o.Page, o.Bbox),
        }).ToList();

        var drafts = cards.Concat(headings).ToDictionary(o => o.Key);
        var text = string.Join('\n', layout.Pages.Take(3).SelectMany(p => p).Select(l => l.Text));
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = "integra-relazione",
                Chamber = ChamberResolver.FindInText(text)?.Name,
                DocType = "relazione",
                PeriodFrom = year, PeriodTo = year,
            },
            Objectives = objectives,
            Kpis = kpis.Select(k => k with { Objective = Resolve(k.Objective) }).ToList(),
            Warnings = warnings.ToList(),
        };

        string? Resolve(string? key)
        {
            var draft = key is null ? null : drafts.GetValueOrDefault(key);
            while (draft?.MergedInto is not null) draft = draft.MergedInto;
            return draft?.Id;
        }
    }

    /// <summary>The objectives with ids, levels and parents: a card met twice is one objective, a heading joins its card.</summary>
    private static List<ObjectiveDraft> Objectives(IReadOnlyList<ObjectiveDraft> cards, IReadOnlyList<ObjectiveDraft> headings)
    {
        var all = new List<ObjectiveDraft>();
        foreach (var card in cards)
        {
            var same = card.Code is null ? null : all.FirstOrDefault(o => o.Code == card.Code);
            if (same is not null) { same.Absorb(card); card.MergedInto = same; continue; }
            all.Add(card);
        }
        foreach (var heading in headings.OrderByDescending(h => h.TitleText.Length))
        {
            if (all.FirstOrDefault(o => o.Code == heading.Code) is { } existing)
            {
                if (existing.Title.Count == 0) existing.Title.AddRange(heading.Title);
                heading.MergedInto = existing;
                continue;
            }
            if (!all.Any(o => o.Code is not null && ObjectiveCodes.IsWithin(o.Code, heading.Code!))) continue;
            all.Add(heading);
        }
        var id = 0;
        foreach (var o in all) o.Id = $"o{++id}";
        foreach (var o in all) o.Level ??= LevelOf(o.Code);
        foreach (var o in all)
        {
            if (o.Code is null) continue;
            var parent = all.Where(p => p != o && p.Code is not null && ObjectiveCodes.IsWithin(o.Code, p.Code))
                .OrderByDescending(p => ObjectiveCodes.Depth(p.Code!)).FirstOrDefault();
            o.Parent = parent?.Id;
        }
        return all;
    }

    /// <summary>The level a code implies: its prefix (OS, OP, AS …), else PR for a programme, else its count of numbers (AM.01, A.1: area).</summary>
    private static string? LevelOf(string? code)
    {
        if (code is null) return null;
        if (ObjectiveCodes.LevelOfPrefix(code) is { } level) return level.ToCode();
        if (code.StartsWith("PR.", StringComparison.Ordinal)) return "programme";
        return (code.Split('.').Length - 1) switch { 1 => "area", 2 => "strategic", _ => "operational" };
    }

    /// <summary>
    /// Objectives without a card score of their own (areas) take it from the summary tables, where a line holds
    /// the objective's title and ends with a percentage.
    /// </summary>
    private void ReadSummaryAchievements(List<ObjectiveDraft> all)
    {
        foreach (var o in all.Where(o => o.ReportedAchievement is null && o.Title.Count > 0))
        {
            var title = Key(o.TitleText);
            if (title.Length < 12) continue;
            foreach (var line in layout.Lines)
            {
                var lineText = TextKey.Clean(line.Text);
                var m = TrailingPercent().Match(lineText);
                if (!m.Success) continue;
                var label = Key(lineText[..m.Index]);
                if (!LabelNamesTitle(label, title) || ItalianNumber.Parse(m.Groups[1].Value) is not { } p) continue;
                o.ReportedAchievement = p.Value;
                break;
            }
        }
    }

    /// <summary>
    /// A summary label names an objective when it ends with its title, or when its last words (after a list
    /// numeral) begin the title (the rest wrapped to the next line).
    /// </summary>
    private static bool LabelNamesTitle(string label, string title)
    {
        if (label.EndsWith(title, StringComparison.Ordinal)) return true;
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = 0; k < words.Length; k++)
        {
            var suffix = string.Join(' ', words[k..]);
            if (suffix.Length < Math.Min(15, title.Length)) break;
            if (title.StartsWith(suffix + " ", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The reported year: from the title ("Relazione sulla performance 2021"), else the year most printed in the KPI headers.</summary>
    public int? DocumentYear()
    {
        foreach (var line in layout.Pages.Take(2).SelectMany(p => p))
        {
            var m = ReportYear().Match(TextKey.Clean(line.Text));
            if (m.Success) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        var years = layout.Lines.Where(IsKpiHeader).SelectMany(l => l.Words).Select(w => Year(w.Text)).Where(y => y is not null).ToList();
        return years.Count == 0 ? null : years.GroupBy(y => y).OrderByDescending(g => g.Count()).First().Key;
    }

    [GeneratedRegex(@"(?i)relazione\s+(?:sulla|della|annuale\s+sulla)\s+performance\D{0,20}((?:19|20)\d\d)")]
    private static partial Regex ReportYear();

    [GeneratedRegex(@"([+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*%\s*$")]
    private static partial Regex TrailingPercent();
}
