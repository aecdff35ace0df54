using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.IntegraPiano.PianoVocabulary;

namespace Pipeline.Extraction.Pdf.Families.IntegraPiano;

/// <summary>
/// Reads an Integra plan line by line: a labelled heading opens an objective at its level (its title may wrap), an
/// "Unità organizzative" list gives the objective's units (<see cref="OrgUnitList"/>), a "KPI Associati" table its
/// KPI rows (<see cref="PianoTableHeader"/>); the rows become KPIs once the document's years are known
/// (<see cref="PianoKpis"/>).
/// </summary>
internal sealed class PianoReader
{
    private enum Mode { None, Heading, Description, OrgUnits, AwaitHeader, Table }

    private readonly PdfLayout _layout;
    private readonly double _pitch;
    private readonly OrgUnitList _units;
    private readonly Dictionary<PianoLevel, ExtractedObjective> _open = [];
    private readonly List<(ExtractedObjective Owner, PianoRow Row)> _rows = [];
    private Mode _mode = Mode.None;
    private ExtractedObjective? _current;
    private LayoutLine? _previous;
    private PianoTableHeader? _table;
    private PianoRow? _row;

    public PianoReader(PdfLayout layout)
    {
        _layout = layout;
        _pitch = LinePitch(layout);
        _units = new OrgUnitList(_pitch);
    }

    public List<ExtractedObjective> Objectives { get; } = [];
    public List<string> Warnings { get; } = [];
    /// <summary>The KPI rows read, with the objective each belongs to.</summary>
    public IReadOnlyList<(ExtractedObjective Owner, PianoRow Row)> Rows => _rows;

    public void Run(CancellationToken ct)
    {
        foreach (var line in _layout.Lines)
        {
            ct.ThrowIfCancellationRequested();
            Read(line);
            _previous = line;
        }
        CloseRow();
        FlushUnits();
    }

    private void Read(LayoutLine line)
    {
        var text = line.Text.Trim();
        if (text.Length == 0) return;
        if (HeadingLabel().Match(text) is { Success: true } heading)
        {
            CloseRow();
            FlushUnits();
            StartObjective(line, LevelOf(heading.Groups["label"].Value), heading.Groups["rest"].Value);
            _mode = Mode.Heading;
            return;
        }
        if (GluedKpiTableTitle().Match(text) is { Success: true, Index: > 0 } glued && _mode == Mode.OrgUnits)
        {
            // "… ARBITRALEKPI Associati": the title ran into the last unit's line
            _units.Add(line, text[..glued.Index], _previous);
            FlushUnits();
            _mode = Mode.AwaitHeader;
            return;
        }
        if (KpiTableTitle().IsMatch(text) || OrgUnitsTitle().IsMatch(text))
        {
            CloseRow();
            FlushUnits();
            _mode = KpiTableTitle().IsMatch(text) ? Mode.AwaitHeader : Mode.OrgUnits;
            return;
        }
        if (PianoTableHeader.Match(line) is { } header)
        {
            // a repeated header (page break, or printed twice) keeps the table going
            CloseRow();
            FlushUnits();
            _table = header;
            _mode = Mode.Table;
            return;
        }
        if (DashesOnly().IsMatch(text)) return;

        switch (_mode)
        {
            case Mode.Heading when _current is not null && IsWrap(line):
                Update(_current, _current with { Title = TextKey.Clean(_current.Title + " " + text) });
                return;
            case Mode.Heading:
                _mode = Mode.Description;
                return;
            case Mode.OrgUnits:
                _units.Add(line, text, _previous);
                return;
            case Mode.Table:
                AddTableLine(line);
                return;
        }
    }

    /// <summary>The line continues the previous one (a wrapped title): same page, same left edge, no paragraph gap.</summary>
    private bool IsWrap(LayoutLine line)
    {
        if (_previous is not { } prev || prev.Page != line.Page) return false;
        var height = Math.Max(1, prev.Y1 - prev.Y0);
        var tight = line.Y0 - prev.Y1 < 0.2 * height || line.Y0 - prev.Y0 <= 1.15 * _pitch;
        return tight && Math.Abs(line.X0 - prev.X0) < 2 * height;
    }

    private void StartObjective(LayoutLine line, PianoLevel level, string rest)
    {
        rest = TextKey.Clean(rest);
        string? code = null;
        var title = rest;
        // programmes usually print no code; take one only when it is clearly a code (digits or dots)
        if (CodeAndTitle().Match(rest) is { Success: true } m
            && (level != PianoLevel.Programme || m.Groups["code"].Value.Any(c => char.IsDigit(c) || c == '.')))
        {
            code = m.Groups["code"].Value;
            title = m.Groups["title"].Value.Trim();
        }
        foreach (var deeper in _open.Keys.Where(k => k >= level).ToList()) _open.Remove(deeper);
        // as in the ground truth's convention, an operational objective hangs from its strategic objective: the
        // programme (no code, no KPIs) is a sibling grouping, not a level of the roll-up
        var parent = _open.Where(kv => kv.Key < level && !(level == PianoLevel.Operational && kv.Key == PianoLevel.Programme))
            .OrderByDescending(kv => kv.Key).Select(kv => kv.Value).FirstOrDefault();
        var box = new SourceBox();
        box.Add(line);
        var objective = new ExtractedObjective
        {
            Id = "o" + (Objectives.Count + 1).ToString(CultureInfo.InvariantCulture),
            Code = code,
            Level = LevelName(level),
            Title = title,
            Parent = parent?.Id,
            Source = box.ToSource(),
        };
        Objectives.Add(objective);
        _open[level] = objective;
        _current = objective;
    }

    /// <summary>Replaces an objective record (records are immutable) everywhere it is held.</summary>
    private void Update(ExtractedObjective old, ExtractedObjective updated)
    {
        var index = Objectives.IndexOf(old);
        if (index >= 0) Objectives[index] = updated;
        foreach (var key in _open.Where(kv => ReferenceEquals(kv.Value, old)).Select(kv => kv.Key).ToList()) _open[key] = updated;
        for (var i = 0; i < _rows.Count; i++)
            if (ReferenceEquals(_rows[i].Owner, old)) _rows[i] = (updated, _rows[i].Row);
        if (ReferenceEquals(_current, old)) _current = updated;
    }

    private void FlushUnits()
    {
        var units = _units.Flush();
        if (units.Count > 0 && _current is not null) Update(_current, _current with { OrgUnits = [.. _current.OrgUnits, .. units] });
    }

    private void AddTableLine(LayoutLine line)
    {
        if (_table is not { } table || _current is null) return;
        var cells = table.Columns.Split(line);
        bool Has(PianoColumn kind) => Array.IndexOf(table.Kinds, kind) is var i and >= 0 && !cells[i].IsEmpty;
        var hasValues = Has(PianoColumn.Weight) || Has(PianoColumn.Baseline);
        var rowHasValues = _row is not null && (_row[PianoColumn.Weight] is { IsEmpty: false } || _row[PianoColumn.Baseline] is { IsEmpty: false });
        var wideGap = _previous is { } prev && prev.Page == line.Page && line.Y0 - prev.Y0 > 1.25 * _pitch;
        // rows are top-aligned: a weight or status starts a row; a paragraph gap starts one without them
        if (_row is null || !ReferenceEquals(_row.Kinds, table.Kinds) || (hasValues && rowHasValues) || (wideGap && !hasValues && rowHasValues))
        {
            CloseRow();
            _row = new PianoRow(table.Kinds);
        }
        for (var i = 0; i < cells.Count; i++)
            if (!cells[i].IsEmpty)
                _row.Cells[i].Parts.Add((line.Page, cells[i].Text, cells[i].X0, cells[i].Y0, cells[i].X1, cells[i].Y1));
    }

    private void CloseRow()
    {
        if (_row is not null && _current is not null && _row[PianoColumn.Name] is { IsEmpty: false })
            _rows.Add((_current, _row));
        else if (_row is not null && _row.Cells.Any(c => !c.IsEmpty))
            Warnings.Add($"page {_row.Cells.First(c => !c.IsEmpty).Parts[0].Page}: table row without an indicator name skipped");
        _row = null;
    }

    /// <summary>The top-to-top distance of consecutive lines of one paragraph or cell (a wrapped line's step).</summary>
    private static double LinePitch(PdfLayout layout)
    {
        var steps = new List<double>();
        foreach (var page in layout.Pages)
            for (var i = 1; i < page.Count; i++)
            {
                var step = page[i].Y0 - page[i - 1].Y0;
                var height = page[i - 1].Y1 - page[i - 1].Y0;
                if (step > 0.5 * height && step < 3 * height) steps.Add(Math.Round(step * 2) / 2);
            }
        // wrapped lines are the tightest frequent step; list items and paragraphs sit further apart
        return Spacings.TightestFrequent(steps) ?? double.MaxValue;
    }
}
