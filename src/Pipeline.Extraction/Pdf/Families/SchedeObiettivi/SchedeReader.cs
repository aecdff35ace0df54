using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.SchedeObiettivi.SchedeVocabulary;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>
/// Reads a "schede obiettivi" document line by line: headings (Area strategica, Obiettivo strategico: code title,
/// Obiettivo individuale) and their titles, KPI tables anchored at their header words (<see cref="KpiTable"/>),
/// label/value cards (<see cref="CardRows"/> on <see cref="CardColumns"/>), and the monitoring notes that give the
/// half-year actuals of the KPIs printed since the previous note (<see cref="MonitoringNotes"/>). What the rows say
/// becomes objectives and KPIs in <see cref="RowInterpreter"/>.
/// </summary>
internal sealed class SchedeReader
{
    private enum Mode { None, Title, Table }

    private readonly PdfLayout _layout;
    private readonly List<LayoutLine> _lines;
    private readonly TextSpacing _spacing;
    private readonly double _gapLimit;
    private readonly SchedeTitle _title;
    private readonly CardColumns _cardColumns;
    private readonly CardRows _cards;
    private readonly MonitoringNotes _notes;
    private readonly SchedeDrafts _drafts = new();
    private readonly RowInterpreter _rows;
    private readonly List<string> _warnings = [];

    private Mode _mode = Mode.None;
    private ObjectiveDraft? _titleOf;
    private KpiTable? _table;
    private int _readUntil = -1;

    public SchedeReader(PdfLayout layout, string family)
    {
        _layout = layout;
        _lines = layout.Lines.SelectMany(MonitoringNotes.SplitNote).ToList();
        _spacing = TextSpacing.Measure(layout.Pages);
        // lines of one wrapped cell or paragraph are this close; a row or paragraph break leaves more space
        _gapLimit = _spacing.WrapGap + 0.25 * _spacing.LineHeight;
        _title = SchedeTitle.Read(layout, _lines, family);
        _cardColumns = new CardColumns(_lines, _spacing.ColumnGap);
        _cards = new CardRows(_cardColumns);
        _notes = new MonitoringNotes(_lines, _gapLimit, StartsRecord);
        var firstLines = _lines.GroupBy(l => l.Page).ToDictionary(g => g.Key, g => g.First());
        _rows = new RowInterpreter(_drafts, new SchedeValues(_title.DefaultYear), page => firstLines[page], _warnings);
    }

    public ExtractedDocument Read(CancellationToken ct)
    {
        for (var i = 0; i < _lines.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (i > _readUntil) ReadLine(i);
        }
        FinishAll();
        return new ExtractedDocument
        {
            Document = _title.Info,
            Objectives = _drafts.Objectives.Select(o => o.ToRecord()).ToList(),
            Kpis = _drafts.Kpis.Where(k => k.DisplayName.Length > 0).Select(k => k.ToRecord()).ToList(),
            Warnings = _warnings,
        };
    }

    private void ReadLine(int i)
    {
        var line = _lines[i];
        var prev = i > 0 ? _lines[i - 1] : null;
        var samePage = prev is not null && prev.Page == line.Page;
        var close = prev is null || !samePage || line.Y0 - prev.Y1 < _gapLimit;
        var closeSamePage = samePage && line.Y0 - prev!.Y1 < _gapLimit;
        var key = line.Key;
        if (key.Length == 0) return;

        // a wrapped cell may go on with "monitoraggio semestrale)": a note is not the next line of a row
        var wraps = closeSamePage && line.Y0 > prev!.Y0 + 1 && ((_mode == Mode.Table && _table!.InRow) || (_mode != Mode.Table && _cards.InKnownRow));
        if (IsNote(key) && !wraps)
        {
            FinishAll();
            var note = _notes.Read(i, _title.MonitoringPeriod);
            _readUntil = Math.Max(_readUntil, note.LastLine);
            if (note.Actual is { } actual) _drafts.ApplyNote(actual.Period, actual.Raw, actual.Value, actual.Source);
            return;
        }
        if (Heading(line, key)) return;
        if (KpiTable.Open(line, _spacing.ColumnGap) is { } table)
        {
            FinishAll();
            _table = table;
            _mode = Mode.Table;
            return;
        }
        if (key.StartsWith("kpi associati", StringComparison.Ordinal) || key.StartsWith("schede di dettaglio", StringComparison.Ordinal))
        {
            FinishAll();
            return;
        }

        if (_mode == Mode.Title)
        {
            var goesOn = closeSamePage || (prev is not null && line.Page == prev.Page + 1 && LineWasFull(prev, line));
            if (goesOn && _titleOf is not null && !_cardColumns.IsRowStart(line))
            {
                _titleOf.Title = TextKey.Clean(_titleOf.Title + " " + line.Text);
                _titleOf.Box.Add(line);
                return;
            }
            _mode = Mode.None;
        }

        if (_mode == Mode.Table)
        {
            _table!.Realign(_lines, i);
            if (_table.Read(line, close, _rows.TableRow)) return;
            FinishAll();
        }

        _cards.Read(line, close, _rows.CardRow);
    }

    /// <summary>An area, strategic or individual objective heading opens its objective, whose title may go on below.</summary>
    private bool Heading(LayoutLine line, string key)
    {
        ObjectiveDraft opened;
        if (key.StartsWith("area strategica", StringComparison.Ordinal))
        {
            FinishAll();
            opened = _drafts.NewObjective("area", null, AfterColon(line.Text, 2), null, line);
            _drafts.EnterArea(opened);
        }
        else if (StrategicHeading().Match(line.Text) is { Success: true } heading)
        {
            FinishAll();
            var code = heading.Groups["code"].Value;
            opened = _drafts.Find("strategic", code) ?? _drafts.NewObjective("strategic", code.TrimEnd('.'), "", _drafts.Area, line);
            opened.Title = TextKey.Clean(heading.Groups["title"].Value);
            _drafts.EnterStrategic(opened);
        }
        else if (key.StartsWith("obiettivo individuale", StringComparison.Ordinal))
        {
            FinishAll();
            opened = _drafts.Individual = _drafts.NewObjective("individual", null, AfterColon(line.Text, 2), null, line);
        }
        else return false;
        _mode = Mode.Title;
        _titleOf = opened;
        return true;
    }

    /// <summary>
    /// The last line of a page goes on at the top of the next: the next page starts at the same left edge, and its
    /// first word would not (or hardly) have fitted after the line, which was full: it reaches the right edge of
    /// the text that starts there on its page, give or take the slack of a ragged right margin.
    /// </summary>
    private bool LineWasFull(LayoutLine last, LayoutLine first)
    {
        if (Math.Abs(first.X0 - last.X0) > 2) return false;
        var right = _layout.Pages[last.Page - 1].Where(l => Math.Abs(l.X0 - last.X0) <= 2).Max(l => l.X1);
        var word = first.Words[0];
        return last.X1 + _spacing.WordGap + (word.X1 - word.X0) > right - 0.15 * (right - last.X0);
    }

    /// <summary>The line opens something of its own: a note, a heading, a table header or a card row.</summary>
    private bool StartsRecord(LayoutLine line)
    {
        var key = line.Key;
        return IsNote(key) || key.StartsWith("area strategica", StringComparison.Ordinal) || key.StartsWith("obiettivo", StringComparison.Ordinal)
            || key.StartsWith("kpi", StringComparison.Ordinal) || key.StartsWith("schede di dettaglio", StringComparison.Ordinal)
            || KpiTable.IsHeader(line) || _cardColumns.IsRowStart(line);
    }

    private void FinishAll()
    {
        if (_table?.Finish() is { } row) _rows.TableRow(row);
        if (_cards.Finish() is { } card) _rows.CardRow(card);
        _mode = Mode.None;
    }
}
