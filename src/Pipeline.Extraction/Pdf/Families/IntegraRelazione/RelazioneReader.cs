using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.IntegraRelazione.RelazioneVocabulary;

namespace Pipeline.Extraction.Pdf.Families.IntegraRelazione;

/// <summary>
/// Reads an Integra relazione line by line: objective cards (label column + value column), headings that carry
/// only a code and a title, and the KPI tables after each card (columns anchored at the header words).
/// </summary>
internal sealed partial class RelazioneReader(PdfLayout layout, CancellationToken ct)
{
    private readonly List<ObjectiveDraft> _objectives = [];
    private readonly List<ObjectiveDraft> _headings = [];
    private readonly List<ExtractedKpi> _kpis = [];
    private readonly List<string> _warnings = [];
    private int? _year;
    private double _minGutter;

    private ObjectiveDraft? _card;
    private CardMode _mode;
    private string? _label;
    private ObjectiveDraft? _lastHeading;
    private decimal? _pendingPercent;
    private KpiTableDraft? _table;

    private enum CardMode { None, Title, Labels }

    public ExtractedDocument Read()
    {
        _year = DocumentYear();
        _minGutter = TextSpacing.Measure(layout.Pages).ColumnGap;
        foreach (var page in layout.Pages)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < page.Count; i++) Visit(page, i);
        }
        CloseTable();
        return Build();
    }

    // ---------------------------------------------------------------- line dispatch

    private void Visit(IReadOnlyList<LayoutLine> page, int index)
    {
        var line = page[index];
        if (line.Words.Count == 0) return;
        if (IsKpiHeader(line))
        {
            CloseTable();
            _mode = CardMode.None;
            _table = KpiTableDraft.FromHeader(line, _card ?? _lastHeading);
            return;
        }
        if (IsCardStart(line) || IsWrappedCardStart(page, index))
        {
            CloseTable();
            StartCard(line);
            return;
        }
        if (_card is { Code: null, Title.Count: 0 } && _mode == CardMode.Title && Code(line.Words[0]) is not null)
        {
            // stacked card: "Obiettivo operativo" on one line, the code and title below it
            CardLine(line);
            return;
        }
        if (HeadingCode(line) is { } headingCodeIndex)
        {
            CloseTable();
            _card = null;
            _mode = CardMode.None;
            StartHeading(line, headingCodeIndex);
            return;
        }
        if (_table is not null)
        {
            if (_table.StartsChunk(line)) _table.Relayout(page.Skip(index).TakeWhile(l => !IsKpiHeader(l) && !IsCardStart(l) && HeadingCode(l) is null).ToList(), _minGutter);
            if (_table.Accept(line)) return;
            CloseTable();
        }
        if (_card is not null && _mode != CardMode.None) CardLine(line);
    }

    // ---------------------------------------------------------------- objective cards

    private static bool IsCardStart(LayoutLine line)
    {
        if (line.Words.Count < 2 || Key(line.Words[0]) != "obiettivo") return false;
        if (LevelWords.ContainsKey(Key(line.Words[1]))) return true;
        return line.Words.Skip(1).Take(3).Any(w => Code(w) is not null);
    }

    /// <summary>"Obiettivo" alone in the label cell, its level word ("individuale") on the next line below it.</summary>
    private static bool IsWrappedCardStart(IReadOnlyList<LayoutLine> page, int index)
    {
        var line = page[index];
        if (Key(line.Words[0]) != "obiettivo" || index + 1 >= page.Count) return false;
        var next = page[index + 1].Words[0];
        return LevelWords.ContainsKey(Key(next)) && Math.Abs(next.X0 - line.Words[0].X0) < 6
               && (line.Words.Count == 1 || line.Words[1].X0 > next.X1);
    }

    private void StartCard(LayoutLine line)
    {
        var words = line.Words;
        var draft = new ObjectiveDraft { Page = line.Page };
        draft.Extend(line);
        var codeIndex = -1;
        for (var i = 1; i < words.Count && i <= 3; i++)
            if (Code(words[i]) is not null) { codeIndex = i; break; }
        int titleStart;
        if (codeIndex >= 0)
        {
            draft.Code = Code(words[codeIndex]);
            for (var i = 1; i < codeIndex; i++) NoteLevel(draft, words[i]);
            titleStart = codeIndex + 1;
            draft.TitleX0 = words[codeIndex].X0;
        }
        else
        {
            titleStart = 1;
            while (titleStart < words.Count && LevelWords.ContainsKey(Key(words[titleStart])))
                NoteLevel(draft, words[titleStart++]);
            if (titleStart < words.Count) draft.TitleX0 = words[titleStart].X0;
        }
        while (titleStart < words.Count && IsDash(words[titleStart])) titleStart++;
        draft.Title.AddRange(words.Skip(titleStart).Select(w => w.Text));
        _objectives.Add(draft);
        _card = draft;
        _mode = CardMode.Title;
        _label = null;
        _pendingPercent = null;
    }

    private static void NoteLevel(ObjectiveDraft draft, PdfWord word)
    {
        if (LevelWords.TryGetValue(Key(word), out var level)) draft.Level ??= level;
    }

    private void CardLine(LayoutLine line)
    {
        var card = _card!;
        var first = Key(line.Words[0]);
        if (CardLabels.Contains(first))
        {
            _mode = CardMode.Labels;
            _label = first;
        }
        card.Extend(line);
        ReadWeight(card, line);
        if (_mode == CardMode.Title)
        {
            foreach (var w in line.Words)
            {
                var key = Key(w);
                if (card.TitleX0 is { } x && w.X1 < x - 1 && (LevelWords.ContainsKey(key) || key == "obiettivo"))
                {
                    NoteLevel(card, w);
                    continue;
                }
                if (card.Title.Count == 0 && IsDash(w)) continue;
                if (card.Code is null && card.Title.Count == 0 && Code(w) is { } code) { card.Code = code; continue; }
                card.TitleX0 ??= w.X0;
                card.Title.Add(w.Text);
            }
            return;
        }
        var text = TextKey.Clean(line.Text);
        if (OnlyPercent().IsMatch(text))
        {
            // a cell printed above its label (label vertically centred in a taller cell): keep it for the label
            _pendingPercent = ItalianNumber.Parse(text)?.Value;
            if (_label != "risultato") return;
        }
        if (_label == "risultato" && card.ReportedAchievement is null && !Percent().IsMatch(text) && _pendingPercent is { } pending)
        {
            card.ReportedAchievement = pending;
            return;
        }
        switch (_label)
        {
            case "risultato" when card.ReportedAchievement is null:
                var m = Percent().Match(text);
                if (m.Success && ItalianNumber.Parse(m.Groups[1].Value) is { } p) card.ReportedAchievement = p.Value;
                break;
            case "programma" or "missione":
                var b = BudgetCode().Match(text);
                if (b.Success)
                {
                    if (_label == "programma") card.Programme ??= b.Groups[1].Value;
                    else card.Mission ??= b.Groups[1].Value;
                }
                break;
            case "unita":
                card.OrgUnitWords.AddRange(line.Words.Where(w => !OrgUnitLabelWords.Contains(Key(w))));
                break;
        }
    }

    private static void ReadWeight(ObjectiveDraft card, LayoutLine line)
    {
        var m = Weight().Match(TextKey.Clean(line.Text));
        if (m.Success && ItalianNumber.Parse(m.Groups[1].Value) is { } w) card.Weight ??= w.Value;
    }

    // ---------------------------------------------------------------- headings ("OS.01.01 - Title")

    /// <summary>The index of the code when the line is a heading: one code at its start, a dash, then a title.</summary>
    private static int? HeadingCode(LayoutLine line)
    {
        var words = line.Words;
        if (Code(words[0]) is null || words.Count < 3) return null;
        if (!IsDash(words[1]) && !words[0].Text.TrimEnd().EndsWith('-')) return null;
        if (words.Skip(1).Any(w => Code(w) is not null)) return null;
        return 0;
    }

    private void StartHeading(LayoutLine line, int codeIndex)
    {
        var draft = new ObjectiveDraft { Page = line.Page, Code = Code(line.Words[codeIndex]), FromHeading = true };
        draft.Extend(line);
        draft.Title.AddRange(line.Words.Skip(codeIndex + 1).SkipWhile(IsDash).Select(w => w.Text));
        _headings.Add(draft);
        _lastHeading = draft;
    }

    // ---------------------------------------------------------------- KPI tables

    private void CloseTable()
    {
        if (_table is null) return;
        foreach (var row in _table.Rows)
        {
            var kpi = row.ToKpi(_table, _year, $"k{_kpis.Count + 1}");
            if (kpi is null)
            {
                if (row.HasText) _warnings.Add($"page {row.Page}: table row without a KPI name or values: {Clip(row.AllText)}");
                continue;
            }
            var owner = _table.Owner;
            if (owner is null) _warnings.Add($"page {row.Page}: KPI row not under an objective: {Clip(kpi.Name)}");
            _kpis.Add(kpi with { Objective = owner?.Key });
        }
        _table = null;
    }

    private static string Clip(string s) => s.Length > 80 ? s[..80] + "…" : s;

    // ---------------------------------------------------------------- assembling

    private ExtractedDocument Build()
    {
        // objectives: cards first, then headings whose code no card defines and that are an ancestor of one
        var all = new List<ObjectiveDraft>();
        foreach (var card in _objectives)
        {
            var same = card.Code is null ? null : all.FirstOrDefault(o => o.Code == card.Code);
            if (same is not null) { same.Absorb(card); card.MergedInto = same; continue; }
            all.Add(card);
        }
        foreach (var heading in _headings.OrderByDescending(h => h.TitleText.Length))
        {
            if (all.FirstOrDefault(o => o.Code == heading.Code) is { } existing)
            {
                if (existing.Title.Count == 0) existing.Title.AddRange(heading.Title);
                heading.MergedInto = existing;
                continue;
            }
            if (!all.Any(o => o.Code is not null && IsAncestor(heading.Code!, o.Code))) continue;
            all.Add(heading);
        }
        var id = 0;
        foreach (var o in all) o.Id = $"o{++id}";
        foreach (var o in all) o.Level ??= LevelFromCode(o.Code);
        foreach (var o in all)
        {
            if (o.Code is null) continue;
            var parent = all.Where(p => p != o && p.Code is not null && IsAncestor(p.Code, o.Code))
                .OrderByDescending(p => p.Code!.Length).FirstOrDefault();
            o.Parent = parent?.Id;
        }
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

        var kpis = _kpis.Select(k => k with { Objective = Resolve(k.Objective) }).ToList();
        var text = string.Join('\n', layout.Pages.Take(3).SelectMany(p => p).Select(l => l.Text));
        var chamber = ChamberResolver.FindInText(text);
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = "integra-relazione",
                Chamber = chamber?.Name,
                DocType = "relazione",
                PeriodFrom = _year, PeriodTo = _year,
            },
            Objectives = objectives,
            Kpis = kpis,
            Warnings = _warnings,
        };

        string? Resolve(string? key)
        {
            var draft = _objectives.Concat(_headings).FirstOrDefault(o => o.Key == key);
            while (draft?.MergedInto is not null) draft = draft.MergedInto;
            return draft?.Id;
        }
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

    private static bool IsAncestor(string ancestor, string code)
    {
        var a = Numbers(ancestor);
        var c = Numbers(code);
        return a.Count > 0 && a.Count < c.Count && a.SequenceEqual(c.Take(a.Count));
    }

    private static List<int> Numbers(string code) =>
        code.Split('.').Skip(1).Select(s => int.TryParse(s, out var n) ? n : -1).ToList();

    private static string? LevelFromCode(string? code)
    {
        if (code is null) return null;
        var prefix = code.Split('.')[0];
        return prefix switch
        {
            "AS" or "AM" or "A" => "area",
            "OS" => "strategic",
            "OP" or "OO" => "operational",
            "PR" => "programme",
            _ => Numbers(code).Count switch { 1 => "area", 2 => "strategic", _ => "operational" },
        };
    }

    private int? DocumentYear()
    {
        foreach (var line in layout.Pages.Take(2).SelectMany(p => p))
        {
            var m = ReportYear().Match(TextKey.Clean(line.Text));
            if (m.Success) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        // else the year most printed in the KPI table headers
        var years = layout.Lines.Where(IsKpiHeader).SelectMany(l => l.Words).Select(w => Year(w.Text)).Where(y => y is not null).ToList();
        return years.Count == 0 ? null : years.GroupBy(y => y).OrderByDescending(g => g.Count()).First().Key;
    }

    [GeneratedRegex(@"(?i)relazione\s+(?:sulla|della|annuale\s+sulla)\s+performance\D{0,20}((?:19|20)\d\d)")]
    private static partial Regex ReportYear();

    [GeneratedRegex(@"([+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"([+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*%\s*$")]
    private static partial Regex TrailingPercent();

    [GeneratedRegex(@"^\s*\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*%\s*$")]
    private static partial Regex OnlyPercent();

    [GeneratedRegex(@"(?i)\bpeso\s*:?\s*(\d{1,3}(?:,\d+)?)\s*%?")]
    private static partial Regex Weight();

    [GeneratedRegex(@"(?:^|\s)(\d{3})\s*[-–]\s")]
    private static partial Regex BudgetCode();
}
