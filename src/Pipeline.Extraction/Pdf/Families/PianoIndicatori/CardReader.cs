using System.Text.RegularExpressions;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.PianoIndicatori.IndicatorTables;

namespace Pipeline.Extraction.Pdf.Families.PianoIndicatori;

/// <summary>
/// Reads the objective cards line by line: a heading at the page's left margin opens a card (AREA STRATEGICA n,
/// OBIETTIVO STRATEGICO n.n, OBIETTIVO OPERATIVO n.n.n, AZIENDA SPECIALE), whose title runs until "Peso NN%" or the
/// card's first block; then its Bilancio (mission and programme codes), "Aree e uffici coinvolti" and INDICATORI
/// tables (<see cref="IndicatorTables"/>). A heading that no "Peso" follows is a line of the summary tree and is
/// dropped when the next heading comes.
/// </summary>
internal sealed partial class CardReader(IReadOnlyList<double> margins)
{
    private enum Block { None, Title, Budget, Units, Other }

    /// <summary>The words of the "Aree e uffici coinvolti" / "Uffici coinvolti" label.</summary>
    private static readonly HashSet<string> UnitsLabel = ["aree", "e", "uffici", "coinvolti"];

    private IndicatorTable? _table;
    private int _current = -1;
    private Block _block = Block.None;
    private double _unitsX;
    private bool _weightGrid;

    public List<CardDraft> Objectives { get; } = [];
    public List<IndicatorTable> Tables { get; } = [];
    public List<string> Warnings { get; } = [];

    public void Read(LayoutLine line)
    {
        var key = line.Key;
        if (_table is not null)
        {
            if (!Ends(_table, line, key)) return;
            _table = null;
        }
        if (IsHeader(key))
        {
            _weightGrid = false;
            StartTable(line);
            return;
        }
        // "Quantificazione del peso degli indicatori…": the card's weight grid names other cards ("OBIETTIVO
        // OPERATIVO 3.1.4 … Peso 10% Peso 5%"), wherever its cells fall; it ends at the card's INDICATORI title.
        if (key.StartsWith("quantificazione del peso", StringComparison.Ordinal)) _weightGrid = true;
        else if (_weightGrid && (key == "indicatori" || key.StartsWith("indicatori obiettivo", StringComparison.Ordinal)
                                 || TableEnd.Take(2).Any(e => key.StartsWith(e, StringComparison.Ordinal))))
            _weightGrid = false;
        var atMargin = line.X0 <= margins[Math.Clamp(line.Page - 1, 0, margins.Count - 1)] + 15;
        if (atMargin && !_weightGrid && Heading().Match(line.Text.Trim()) is { Success: true } h)
        {
            var level = TextKey.Normalize(h.Groups["kind"].Value) switch
            {
                "area strategica" => ObjectiveLevel.Area,
                "obiettivo strategico" => ObjectiveLevel.Strategic,
                _ => ObjectiveLevel.Operational,
            };
            StartObjective(line, level, h.Groups["code"].Value, h.Groups["title"].Value);
            return;
        }
        if (atMargin && key.StartsWith("azienda speciale", StringComparison.Ordinal))
        {
            StartObjective(line, ObjectiveLevel.Area, null, TextKey.Clean(line.Text));
            return;
        }
        if (_current < 0) return;
        CardLine(Objectives[_current], line, key);
    }

    /// <summary>The summary-tree heading still open at the end is dropped, as when another heading follows it.</summary>
    public void Finish()
    {
        if (_current >= 0 && !Objectives[_current].Confirmed && Objectives[_current].Level != ObjectiveLevel.Area) Objectives.RemoveAt(_current);
        _current = -1;
    }

    private void CardLine(CardDraft objective, LayoutLine line, string key)
    {
        if (key.StartsWith("bilancio", StringComparison.Ordinal) || key.StartsWith("missione", StringComparison.Ordinal))
        {
            _block = Block.Budget;
            objective.TitleDone = true;
        }
        else if (key.StartsWith("aree e uffici", StringComparison.Ordinal) || key.StartsWith("uffici coinvolti", StringComparison.Ordinal))
        {
            _block = Block.Units;
            // the value starts after the label words ("Aree e uffici coinvolti", wrapped or not)
            var value = line.Words.SkipWhile(w => UnitsLabel.Contains(TextKey.Normalize(w.Text).TrimEnd(':'))).ToList();
            var segments = line.Segments();
            if (segments.Count > 1 && value.Count > 0 && value[0].X0 < segments[1].X0 - 1 && segments[0].Text.Split(' ').Length <= 3)
                value = line.Words.Where(w => w.X0 >= segments[1].X0 - 1).ToList();
            _unitsX = value.Count > 0 ? value[0].X0 - 3 : segments.Count > 1 ? segments[1].X0 - 3 : double.MaxValue;
            objective.OrgUnits = string.Join(' ', value.Select(w => w.Text));
            return;
        }
        else if (key.StartsWith("descrizione", StringComparison.Ordinal) || key.StartsWith("impegno", StringComparison.Ordinal)
                 || key.StartsWith("quantificazione", StringComparison.Ordinal) || key.StartsWith("risorse finanziarie", StringComparison.Ordinal)
                 || key.StartsWith("documentazione e report", StringComparison.Ordinal))
        {
            _block = Block.Other;
            objective.TitleDone = true;
            return;
        }
        else if (IsRule(line))
        {
            if (_block is Block.Title) objective.TitleDone = true;
            _block = _block is Block.Units ? Block.Other : _block;
            return;
        }

        switch (_block)
        {
            case Block.Title:
                ReadTitleText(objective, line.Text);
                objective.Grow(line);
                break;
            case Block.Budget:
                if (Mission().Match(line.Text) is { Success: true } m) objective.Mission ??= m.Groups[1].Value;
                if (Programme().Match(line.Text) is { Success: true } p) objective.Programme ??= p.Groups[1].Value;
                break;
            case Block.Units:
                var words = line.Words.Where(w => w.X0 >= _unitsX).Select(w => w.Text).ToList();
                if (words.Count > 0) objective.OrgUnits = (objective.OrgUnits + " " + string.Join(' ', words)).Trim();
                break;
        }
    }

    private void StartObjective(LayoutLine line, ObjectiveLevel level, string? code, string titleRest)
    {
        // An objective heading not followed by its "Peso" (the summary tree) is dropped when the next heading comes;
        // areas have no weight: they are kept when a card names them as parent (see CardTree).
        Finish();
        var draft = new CardDraft { Level = level, Code = string.IsNullOrEmpty(code) ? null : code, Page = line.Page, Box = [.. line.Bbox] };
        Objectives.Add(draft);
        _current = Objectives.Count - 1;
        _block = Block.Title;
        if (titleRest.Trim().Length > 0) ReadTitleText(draft, titleRest);
    }

    private static void ReadTitleText(CardDraft objective, string text)
    {
        // "… Peso" at the end of a title line goes on on the next one ("50%", "dell'obiettivo operativo")
        if (objective.Carry is { } carried) text = carried + " " + text;
        objective.Carry = null;
        if (TrailingWeightLabel().Match(text) is { Success: true } trailing)
        {
            objective.Carry = trailing.Value.Trim();
            text = text[..trailing.Index];
        }
        var weights = ObjectiveWeight().Matches(text).Select(m => ItalianNumber.Parse(m.Groups[1].Value)?.Value).Where(v => v is not null).ToList();
        var labelAt = text.IndexOf("Peso dell", StringComparison.OrdinalIgnoreCase);
        if (weights.Count > 0)
        {
            objective.Confirmed = true;
            if (labelAt >= 0) objective.LabelledWeight ??= weights[^1];
            objective.Weight ??= weights[0];
        }
        if (objective.TitleDone) return;
        if (labelAt >= 0)
        {
            text = text[..labelAt];
            objective.TitleDone = true;
        }
        var title = TitleLabel().Replace(ObjectiveWeight().Replace(TextKey.Clean(text), " "), "").Trim();
        if (title.Length > 0) objective.TitleLines.Add(title);
    }

    private void StartTable(LayoutLine line)
    {
        if (_current < 0)
        {
            Warnings.Add($"page {line.Page}: indicator table outside any objective card skipped");
            return;
        }
        Objectives[_current].Confirmed = true;
        Objectives[_current].TitleDone = true;
        _block = Block.Other;
        _table = Open(Objectives[_current], line);
        Tables.Add(_table);
    }

    [GeneratedRegex(@"^(?<kind>AREA\s+STRATEGICA|OBIETTIVO\s+STRATEGICO|OBIETTIVO\s+OPERATIVO)\s+(?<code>\d{1,2}(?:\.\d{1,2}){0,3})\b\s*[:\-–]?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\bPeso\s*:?\s*(\d{1,3}(?:[,.]\d+)?)\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectiveWeight();

    [GeneratedRegex(@"\bPeso\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingWeightLabel();

    [GeneratedRegex(@"^\s*TITOLO\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TitleLabel();

    [GeneratedRegex(@"Missione\s*:?\s*(\d{3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Mission();

    [GeneratedRegex(@"Programma\s*:?\s*(\d{3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Programme();
}
