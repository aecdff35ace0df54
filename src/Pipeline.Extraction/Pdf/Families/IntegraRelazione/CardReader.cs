using System.Text.RegularExpressions;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.IntegraRelazione.RelazioneVocabulary;

namespace Pipeline.Extraction.Pdf.Families.IntegraRelazione;

/// <summary>
/// The objective card being read: its first line (label column "Obiettivo strategico|operativo|individuale", then code
/// and title), the title's wrapped lines, then its label rows (Programma, Unità organizzative coinvolte, Risultato
/// misurato obiettivo, Peso …) until a KPI table or another card or heading closes it.
/// </summary>
internal sealed partial class CardReader
{
    private enum Mode { None, Title, Labels }

    private Mode _mode;
    private string? _label;
    private decimal? _pendingPercent;

    /// <summary>The latest card, also after it was closed (the owner of a KPI table below it).</summary>
    public ObjectiveDraft? Card { get; private set; }

    /// <summary>Whether the card still takes lines.</summary>
    public bool IsOpen => Card is not null && _mode != Mode.None;

    /// <summary>A stacked card: "Obiettivo operativo" on one line, the code and title below it.</summary>
    public bool AwaitsCode(LayoutLine line) =>
        Card is { Code: null, Title.Count: 0 } && _mode == Mode.Title && Code(line.Words[0]) is not null;

    /// <summary>Stops taking lines; the card stays the owner of the next KPI table.</summary>
    public void Close() => _mode = Mode.None;

    /// <summary>Forgets the card: a heading starts another part of the document.</summary>
    public void Forget()
    {
        Card = null;
        _mode = Mode.None;
    }

    /// <summary>Starts a card on its first line ("Obiettivo operativo OP.01.01.01 - Title"); returns it.</summary>
    public ObjectiveDraft Start(LayoutLine line)
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
        Card = draft;
        _mode = Mode.Title;
        _label = null;
        _pendingPercent = null;
        return draft;
    }

    /// <summary>A line of the open card: the title's continuation, or a label row and its value.</summary>
    public void Line(LayoutLine line)
    {
        var card = Card!;
        var first = Key(line.Words[0]);
        if (CardLabels.Contains(first))
        {
            _mode = Mode.Labels;
            _label = first;
        }
        card.Extend(line);
        ReadWeight(card, line);
        if (_mode == Mode.Title)
        {
            TitleLine(card, line);
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

    /// <summary>A line of the title cell: level words left of the title are the label's, a code not yet read is the card's.</summary>
    private static void TitleLine(ObjectiveDraft card, LayoutLine line)
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
    }

    private static void NoteLevel(ObjectiveDraft draft, PdfWord word)
    {
        if (LevelWords.TryGetValue(Key(word), out var level)) draft.Level ??= level;
    }

    private static void ReadWeight(ObjectiveDraft card, LayoutLine line)
    {
        var m = Weight().Match(TextKey.Clean(line.Text));
        if (m.Success && ItalianNumber.Parse(m.Groups[1].Value) is { } w) card.Weight ??= w.Value;
    }

    [GeneratedRegex(@"([+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^\s*\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*%\s*$")]
    private static partial Regex OnlyPercent();

    [GeneratedRegex(@"(?i)\bpeso\s*:?\s*(\d{1,3}(?:,\d+)?)\s*%?")]
    private static partial Regex Weight();

    [GeneratedRegex(@"(?:^|\s)(\d{3})\s*[-–]\s")]
    private static partial Regex BudgetCode();
}
