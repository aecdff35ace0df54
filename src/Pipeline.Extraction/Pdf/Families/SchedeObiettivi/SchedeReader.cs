using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>
/// Reads a "schede obiettivi" document line by line: headings (Area strategica, Obiettivo strategico: code title,
/// Obiettivo individuale), KPI tables anchored at their header words, label/value cards, and the monitoring notes
/// that give the half-year actuals of the KPIs printed since the previous note.
/// </summary>
internal sealed partial class SchedeReader
{
    private enum Role { Name, Weight, Unit, Source, Algorithm, Target, Baseline }

    private enum Mode { None, Title, Table }

    /// <summary>Single-line labels whose value starts after a visible gap: they tell where the value column of a card is.</summary>
    private static readonly string[] AnchorLabels =
    [
        "nome indicatore", "target annuale", "target", "peso indicatore", "peso", "fonte dati", "centro di costo",
        "risultati attesi", "benefici attesi", "baseline", "descrizione", "programma", "algoritmo di calcolo",
        "area organizzativa", "tipologia dell indicatore", "frequenza della rilevazione", "responsabile della rilevazione",
    ];

    /// <summary>Labels that begin a card row (a line whose label part is a prefix of one of these, or starts with one).</summary>
    private static readonly string[] RowLabels =
    [
        "obiettivo strategico", "obiettivo operativo", "programma", "descrizione del progetto", "risultati attesi",
        "benefici attesi", "soggetti coinvolti", "impatto organizzativo", "area organizzativa", "centro di costo",
        "centro di responsabilita", "budget", "kpi operativo", "kpi operativi", "kpi", "indicatore", "nome indicatore",
        "denominazione indicatore", "baseline", "algoritmo di calcolo", "formula", "target annuale", "target",
        "peso indicatore", "peso", "tipologia dell indicatore", "tipologia", "fonte dati", "fonte",
        "responsabile della rilevazione", "frequenza della rilevazione", "unita di misura", "valore di partenza",
    ];

    private readonly PdfLayout _layout;
    private readonly string _family;
    private readonly List<LayoutLine> _lines;
    private readonly TextSpacing _spacing;
    private readonly double _gapLimit;
    private readonly double[] _valueColumn;

    private readonly List<ObjectiveDraft> _objectives = [];
    private readonly List<KpiDraft> _kpis = [];
    private readonly List<KpiDraft> _pending = [];
    private readonly List<string> _warnings = [];

    private string _defaultYear = "";
    private string _monitoringPeriod = "";

    private ObjectiveDraft? _area, _strategic, _cardStrategic, _operational, _individual;
    private ObjectiveDraft? _titleOf;
    private KpiDraft? _cardKpi;
    private string? _pendingMission, _pendingProgramme;
    private Mode _mode = Mode.None;
    private int _readUntil = -1;

    // table state
    private List<(double Start, Role Role)> _columns = [];
    private TableColumns? _table;
    private TableRow? _row;

    // card state
    private CardRow? _cardRow;

    public SchedeReader(PdfLayout layout, string family)
    {
        _layout = layout;
        _family = family;
        _lines = layout.Lines.SelectMany(SplitNote).ToList();
        _spacing = TextSpacing.Measure(layout.Pages);
        // lines of one wrapped cell or paragraph are this close; a row or paragraph break leaves more space
        _gapLimit = _spacing.WrapGap + 0.25 * _spacing.LineHeight;
        _valueColumn = ValueColumns(_lines, _spacing.ColumnGap);
    }

    public ExtractedDocument Read(CancellationToken ct)
    {
        var info = DocumentInfo();
        for (var i = 0; i < _lines.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (i > _readUntil) ReadLine(i);
        }
        FinishAll();
        return new ExtractedDocument
        {
            Document = info,
            Objectives = _objectives.Select(o => o.ToRecord()).ToList(),
            Kpis = _kpis.Where(k => k.DisplayName.Length > 0).Select(k => k.ToRecord()).ToList(),
            Warnings = _warnings,
        };
    }

    // ---------------------------------------------------------------- document

    private DocumentInfo DocumentInfo()
    {
        var firstPage = _layout.Pages.Count > 0 ? string.Join(' ', _layout.Pages[0].Take(8).Select(l => l.Text)) : "";
        var titleKey = TextKey.Normalize(firstPage);
        int? from = null, to = null;
        var cycle = Cycle().Match(firstPage);
        if (cycle.Success)
        {
            from = int.Parse(cycle.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = cycle.Groups["b"].Value;
            to = b.Length == 2 ? from / 100 * 100 + int.Parse(b, CultureInfo.InvariantCulture) : int.Parse(b, CultureInfo.InvariantCulture);
        }
        else if (Year().Match(firstPage) is { Success: true } y)
            from = to = int.Parse(y.Value, CultureInfo.InvariantCulture);

        var monitoring = titleKey.Contains("monitoraggio", StringComparison.Ordinal);
        var docType = monitoring ? "monitoraggio" : titleKey.Contains("relazione", StringComparison.Ordinal) ? "relazione" : "piano";

        var allText = string.Join('\n', _lines.Select(l => l.Text));
        var semesterYears = FirstHalf().Matches(allText)
            .Select(m => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture))
            .Where(y => from is null || (y >= from && y <= (to ?? from)))
            .GroupBy(y => y).OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefault();
        var year = semesterYears ?? from ?? DateTime.UtcNow.Year;
        _defaultYear = year.ToString(CultureInfo.InvariantCulture);
        _monitoringPeriod = titleKey.Contains("annual", StringComparison.Ordinal) && !titleKey.Contains("semestral", StringComparison.Ordinal)
            ? _defaultYear
            : Period.ForSemester(year, 1).Code;

        var chamber = ChamberResolver.FindInText(string.Join(' ', _layout.Pages.Take(3).SelectMany(p => p).Select(l => l.Text)));
        return new DocumentInfo
        {
            File = "",
            Sha256 = "",
            Format = "pdf",
            Family = _family,
            Chamber = chamber?.Name,
            DocType = docType,
            PeriodFrom = from,
            PeriodTo = to,
        };
    }

    // ---------------------------------------------------------------- lines

    private void ReadLine(int i)
    {
        var line = _lines[i];
        var prev = i > 0 ? _lines[i - 1] : null;
        var samePage = prev is not null && prev.Page == line.Page;
        var close = prev is null || !samePage || line.Y0 - prev.Y1 < _gapLimit;
        var closeSamePage = samePage && line.Y0 - prev!.Y1 < _gapLimit;
        var key = TextKey.Normalize(line.Text);
        if (key.Length == 0) return;

        // a wrapped cell may go on with "monitoraggio semestrale)": a note is not the next line of a row
        var wraps = closeSamePage && line.Y0 > prev!.Y0 + 1 && ((_mode == Mode.Table && _row is not null) || (_mode != Mode.Table && _cardRow is { Unknown: false }));
        if (IsNote(key) && !wraps)
        {
            FinishAll();
            Note(i);
            return;
        }
        if (key.StartsWith("area strategica", StringComparison.Ordinal))
        {
            FinishAll();
            var title = AfterColon(line.Text, 2);
            _area = NewObjective("area", null, title, null, line);
            _strategic = _cardStrategic = _operational = null;
            _pending.Clear();
            _mode = Mode.Title;
            _titleOf = _area;
            return;
        }
        var heading = StrategicHeading().Match(line.Text);
        if (heading.Success)
        {
            FinishAll();
            _strategic = FindObjective("strategic", heading.Groups["code"].Value) ?? NewObjective("strategic", heading.Groups["code"].Value.TrimEnd('.'), "", _area, line);
            _strategic.Title = TextKey.Clean(heading.Groups["title"].Value);
            _operational = _cardStrategic = null;
            _pending.Clear();
            _mode = Mode.Title;
            _titleOf = _strategic;
            return;
        }
        if (key.StartsWith("obiettivo individuale", StringComparison.Ordinal))
        {
            FinishAll();
            _individual = NewObjective("individual", null, AfterColon(line.Text, 2), null, line);
            _mode = Mode.Title;
            _titleOf = _individual;
            return;
        }
        if (TableHeader(line) is { } columns)
        {
            FinishAll();
            _columns = columns.OrderBy(c => c.Start).ToList();
            _table = new TableColumns(_columns.Select(c => c.Start).ToList());
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
            if (goesOn && _titleOf is not null && !IsRowStart(line, out _))
            {
                _titleOf.Title = TextKey.Clean(_titleOf.Title + " " + line.Text);
                _titleOf.Box.Add(line);
                return;
            }
            _mode = Mode.None;
        }

        if (_mode == Mode.Table)
        {
            Realign(i);
            if (TableLine(line, close)) return;
            FinishAll();
        }

        CardLine(line, close);
    }

    /// <summary>
    /// A monitoring note run into the text before it as a new HTML paragraph ("… assistenza &lt;p&gt;monitoraggio
    /// semestrale in linea con target 50% …") is a line of its own.
    /// </summary>
    private static IEnumerable<LayoutLine> SplitNote(LayoutLine line)
    {
        for (var k = 1; k < line.Words.Count; k++)
        {
            if (!line.Words[k].Text.StartsWith('<')) continue;
            var rest = line.Words.Skip(k).ToList();
            if (!IsNote(TextKey.Normalize(string.Join(' ', rest.Take(3).Select(w => w.Text))))) continue;
            return [line with { Words = line.Words.Take(k).ToList() }, line with { Words = rest }];
        }
        return [line];
    }

    private static bool IsNote(string key) =>
        key.StartsWith("monitoraggio semestrale", StringComparison.Ordinal) || key.StartsWith("monitoraggio annuale", StringComparison.Ordinal);

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

    private static string AfterColon(string text, int words)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) return TextKey.Clean(text[(colon + 1)..]);
        return TextKey.Clean(string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(words)));
    }

    private void FinishAll()
    {
        FinishTableRow();
        FinishCardRow();
        _mode = Mode.None;
    }

    // ---------------------------------------------------------------- objectives

    private ObjectiveDraft NewObjective(string level, string? code, string title, ObjectiveDraft? parent, LayoutLine line)
    {
        var o = new ObjectiveDraft { Id = "o" + (_objectives.Count + 1).ToString(CultureInfo.InvariantCulture), Level = level, Code = code, Title = title, Parent = parent };
        o.Box.Add(line);
        _objectives.Add(o);
        return o;
    }

    private ObjectiveDraft? FindObjective(string level, string code)
    {
        var digits = CodeKey(code);
        return digits.Length == 0 ? null : _objectives.LastOrDefault(o => o.Level == level && o.Code is not null && CodeKey(o.Code) == digits);
    }

    private static string CodeKey(string code) => string.Join('.', Digits().Matches(code).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)));

    // ---------------------------------------------------------------- notes (actuals)

    /// <summary>
    /// A monitoring note: its percentage is the actual of the KPIs printed since the previous note. A note that
    /// wraps goes on in the lines right below it, or at the top of the next page while its percentage is still to come.
    /// </summary>
    private void Note(int i)
    {
        var lines = new List<LayoutLine> { _lines[i] };
        for (var j = i + 1; j < _lines.Count && j <= i + 3; j++)
        {
            var next = _lines[j];
            var last = lines[^1];
            var follows = next.Page == last.Page
                ? next.Y0 > last.Y0 + 1 && next.Y0 - last.Y1 < _gapLimit
                : next.Page == last.Page + 1 && _lines[j - 1].Page == last.Page && !Percent().IsMatch(string.Join(' ', lines.Select(l => l.Text)));
            if (!follows || StartsRecord(next)) break;
            lines.Add(next);
            _readUntil = j;
        }
        var text = string.Join(' ', lines.Select(l => l.Text));
        var m = Percent().Match(text);
        if (!m.Success) return;
        var value = ItalianNumber.Parse(m.Groups["n"].Value)?.Value;
        var box = new Box();
        foreach (var l in lines) box.Add(l);
        var raw = TextKey.Clean(text);
        foreach (var kpi in _pending)
            kpi.Actuals.Add(new ExtractedActual(_monitoringPeriod, raw, value, box.ToSource()));
        _pending.Clear();
    }

    /// <summary>The line opens something of its own: a note, a heading, a table header or a card row.</summary>
    private bool StartsRecord(LayoutLine line)
    {
        var key = TextKey.Normalize(line.Text);
        return IsNote(key) || key.StartsWith("area strategica", StringComparison.Ordinal) || key.StartsWith("obiettivo", StringComparison.Ordinal)
            || key.StartsWith("kpi", StringComparison.Ordinal) || key.StartsWith("schede di dettaglio", StringComparison.Ordinal)
            || TableHeader(line) is not null || IsRowStart(line, out _);
    }

    // ---------------------------------------------------------------- KPI tables

    private sealed class TableRow
    {
        public Dictionary<Role, List<string>> Cells { get; } = [];
        public Box Box { get; } = new();
        public Box TargetBox { get; } = new();
        public int Page { get; init; }
    }

    private static Role? RoleOf(string key, string previousKey) => key switch
    {
        _ when key.StartsWith("indicator", StringComparison.Ordinal) => Role.Name,
        _ when key.StartsWith("denominazione", StringComparison.Ordinal) => Role.Name,
        "peso" => Role.Weight,
        _ when key.StartsWith("un mis", StringComparison.Ordinal) || key.StartsWith("unita", StringComparison.Ordinal) || key == "um" => Role.Unit,
        _ when key.StartsWith("fonte", StringComparison.Ordinal) => Role.Source,
        _ when key.StartsWith("alg", StringComparison.Ordinal) || key.StartsWith("formula", StringComparison.Ordinal) => Role.Algorithm,
        _ when key.StartsWith("target", StringComparison.Ordinal) => Role.Target,
        _ when key.StartsWith("baseline", StringComparison.Ordinal) && previousKey is not ("e" or "ed") => Role.Baseline,
        _ => null,
    };

    /// <summary>The columns of a KPI table header line ("Indicatori Peso Un.mis. Fonte Alg. target e baseline"), or null.</summary>
    private static List<(double Start, Role Role)>? TableHeader(LayoutLine line)
    {
        if (line.Words.Count < 3 || line.Words.Count > 16) return null;
        var columns = new List<(double Start, Role Role)>();
        var previous = "";
        foreach (var word in line.Words)
        {
            var key = TextKey.Normalize(word.Text);
            if (RoleOf(key, previous) is { } role && columns.All(c => c.Role != role))
                columns.Add((word.X0, role));
            previous = key;
        }
        if (columns.Count == 0 || columns[0].Role != Role.Name) return null;
        var others = columns.Count(c => c.Role is Role.Weight or Role.Target or Role.Algorithm or Role.Source or Role.Unit);
        return others >= 2 ? columns : null;
    }

    /// <summary>
    /// A table can resume with other column positions (split in two, or typeset again after a page break): a line
    /// whose cells do not start at the columns moves them to the cells of the first full row from there on (one
    /// cell per column, a number as weight), provided the line's own cells start at those.
    /// </summary>
    private void Realign(int i)
    {
        var line = _lines[i];
        if (Aligned(line, _table!)) return;
        for (var j = i; j < Math.Min(_lines.Count, i + 4); j++)
        {
            if (FullRow(_lines[j]) is not { } starts) continue;
            var table = new TableColumns(starts);
            if (!Aligned(line, table)) return;
            _table = table;
            _columns = _columns.Select((c, k) => (starts[k], c.Role)).ToList();
            return;
        }
    }

    /// <summary>Every cell of the line (words after a column gap) starts at a column.</summary>
    private bool Aligned(LayoutLine line, TableColumns table) =>
        line.Segments(_spacing.ColumnGap).All(s => table.Starts.Any(x => Math.Abs(s.X0 - x) <= table.Tolerance));

    /// <summary>The cell starts of a line that fills every column of the current table with a number as weight, or null.</summary>
    private List<double>? FullRow(LayoutLine line)
    {
        var cells = line.Segments(_spacing.ColumnGap);
        if (cells.Count != _columns.Count) return null;
        var weight = _columns.FindIndex(c => c.Role == Role.Weight);
        if (weight >= 0 && ItalianNumber.Parse(cells[weight].Text) is null) return null;
        return cells.Select(c => c.X0).ToList();
    }

    /// <summary>One line of a KPI table; false when the line is not part of the table (prose across the columns).</summary>
    private bool TableLine(LayoutLine line, bool close)
    {
        var table = _table!;
        foreach (var word in line.Words)
        {
            var k = table.ColumnOf(word);
            if (k + 1 < table.Count && word.X1 > table.Starts[k + 1] + 2) return false;
        }
        var cells = table.Split(line);
        string Cell(Role role)
        {
            var index = _columns.FindIndex(c => c.Role == role);
            return index < 0 ? "" : cells[index].Text;
        }
        var weight = Cell(Role.Weight);
        var name = Cell(Role.Name);
        var startsRow = _row is null
            || (weight.Length > 0 && ItalianNumber.Parse(weight) is not null)
            || (name.Length > 0 && !close && _row.Cells.ContainsKey(Role.Name));
        if (startsRow)
        {
            FinishTableRow();
            _row = new TableRow { Page = line.Page };
        }
        var row = _row!;
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c].IsEmpty) continue;
            var role = _columns[c].Role;
            if (!row.Cells.TryGetValue(role, out var list)) row.Cells[role] = list = [];
            list.Add(cells[c].Text);
            row.Box.Add(line.Page, cells[c].X0, cells[c].Y0, cells[c].X1, cells[c].Y1);
            if (role == Role.Target) row.TargetBox.Add(line.Page, cells[c].X0, cells[c].Y0, cells[c].X1, cells[c].Y1);
        }
        return true;
    }

    private void FinishTableRow()
    {
        var row = _row;
        _row = null;
        if (row is null || !row.Cells.TryGetValue(Role.Name, out var names)) return;
        var objective = _individual ?? _strategic ?? _area;
        if (objective is null)
        {
            _warnings.Add($"page {row.Page}: KPI table row outside any objective: {string.Join(' ', names)}");
            return;
        }
        var (name, type) = SplitType(TextKey.Clean(string.Join(' ', names)));
        if (name.Length == 0) return;
        string? Text(Role role) => row.Cells.TryGetValue(role, out var l) ? NullIfEmpty(TextKey.Clean(string.Join(' ', l))) : null;

        var kpi = NewKpi(objective);
        kpi.Name = name;
        kpi.KpiType = type;
        kpi.Weight = Text(Role.Weight) is { } w ? ItalianNumber.Parse(w)?.Value : null;
        kpi.Unit = Text(Role.Unit);
        kpi.SourceSystem = Text(Role.Source);
        kpi.Algorithm = Text(Role.Algorithm);
        AddBox(kpi.Box, row.Box);
        var targetText = row.Cells.TryGetValue(Role.Target, out var t) ? JoinTargetLines(t) : "";
        if (Text(Role.Baseline) is { } baseline) kpi.Baseline = Number(baseline);
        var lead = BaselinePrefix().Match(targetText);
        if (lead.Success) kpi.Baseline ??= Number(lead.Groups["b"].Value);
        AddTargets(kpi, targetText, row.TargetBox.ToSource() ?? row.Box.ToSource());
    }

    /// <summary>Joins the lines of a target cell; a dash at a line break is a separator ("Anno:2021---" / "&gt;=12"), so no space is put there.</summary>
    private static string JoinTargetLines(IReadOnlyList<string> lines)
    {
        var text = "";
        foreach (var raw in lines)
        {
            var part = raw.Trim();
            if (text.Length == 0) text = part;
            else if (IsDash(text[^1]) || (part.Length > 0 && IsDash(part[0]))) text += part;
            else text += " " + part;
        }
        return text;
    }

    private static bool IsDash(char c) => c is '-' or '–' or '—' or '―' or '‐' or '‑';

    // ---------------------------------------------------------------- cards

    private sealed class CardRow
    {
        public List<string> Label { get; } = [];
        public List<string> Value { get; } = [];
        public Box Box { get; } = new();
        public Box ValueBox { get; } = new();
        public bool Unknown { get; init; }
        public int Page { get; init; }
    }

    private (List<PdfWord> Label, List<PdfWord> Value, bool Straddles) SplitCard(LayoutLine line)
    {
        var xv = _valueColumn[_lines.IndexOf(line)];
        var label = new List<PdfWord>();
        var value = new List<PdfWord>();
        var straddles = false;
        foreach (var w in line.Words)
        {
            if (w.X0 < xv - 2)
            {
                label.Add(w);
                if (w.X1 > xv + 2) straddles = true;
            }
            else value.Add(w);
        }
        return (label, value, straddles);
    }

    private bool IsRowStart(LayoutLine line, out bool straddles)
    {
        var (label, _, s) = SplitCard(line);
        straddles = s;
        if (label.Count == 0) return false;
        var key = TextKey.Normalize(string.Join(' ', label.Select(w => w.Text)));
        if (key.Length == 0) return false;
        foreach (var phrase in RowLabels)
        {
            if (StartsWithWords(key, phrase)) return true;
            if (!s && StartsWithWords(phrase, key)) return true;
        }
        return false;
    }

    private static bool StartsWithWords(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && (text.Length == prefix.Length || text[prefix.Length] == ' ');

    /// <summary>The text is a card label or the start of one, word by word.</summary>
    private static bool CompletesLabel(string key) => RowLabels.Any(label => StartsWithWords(label, key));

    private void CardLine(LayoutLine line, bool close)
    {
        var (label, value, straddles) = SplitCard(line);
        // a label wrapped in a narrow column ("Nome" / "indicatore") goes on, though its second line is a label too
        var wrapsLabel = close && !straddles && label.Count > 0 && _cardRow is { Unknown: false } open && open.Label.Count > 0
            && CompletesLabel(TextKey.Normalize(string.Join(' ', open.Label) + " " + string.Join(' ', label.Select(w => w.Text))));
        if (!wrapsLabel && IsRowStart(line, out _))
        {
            FinishCardRow();
            _cardRow = new CardRow { Page = line.Page };
        }
        else if (straddles || _cardRow is null || (label.Count > 0 && !close))
        {
            FinishCardRow();
            _cardRow = new CardRow { Page = line.Page, Unknown = true };
        }
        var row = _cardRow;
        if (label.Count > 0) row.Label.Add(string.Join(' ', label.Select(w => w.Text)));
        if (value.Count > 0)
        {
            row.Value.Add(string.Join(' ', value.Select(w => w.Text)));
            row.ValueBox.Add(line.Page, value);
        }
        row.Box.Add(line);
    }

    private void FinishCardRow()
    {
        var row = _cardRow;
        _cardRow = null;
        if (row is null || row.Unknown) return;
        var labelText = TextKey.Clean(string.Join(' ', row.Label));
        var key = TextKey.Normalize(labelText);
        var value = TextKey.Clean(string.Join(' ', row.Value));
        if (key.StartsWith("obiettivo", StringComparison.Ordinal))
        {
            if (key.Contains("strategic", StringComparison.Ordinal)) CardStrategic(labelText, value, row);
            else if (key.Contains("operativ", StringComparison.Ordinal)) CardOperational(labelText, value, row);
            return;
        }
        if (key.StartsWith("programma", StringComparison.Ordinal))
        {
            _pendingProgramme = BudgetCode(value);
            if (_operational is not null && _operational.Programme is null) _operational.Programme = _pendingProgramme;
            return;
        }
        if (key.StartsWith("area organizzativa", StringComparison.Ordinal) || key.StartsWith("centro di", StringComparison.Ordinal))
        {
            if (_operational is not null && value.Length > 0 && !_operational.OrgUnits.Contains(value)) _operational.OrgUnits.Add(value);
            return;
        }
        if (key.StartsWith("kpi", StringComparison.Ordinal))
        {
            var kpi = NewCardKpi(row);
            var code = KpiCode().Match(labelText);
            kpi.Code = code.Success ? code.Value.Trim() : null;
            kpi.Heading = NullIfEmpty(value);
            return;
        }
        if (key.StartsWith("nome indicatore", StringComparison.Ordinal) || key.StartsWith("denominazione", StringComparison.Ordinal) || key == "indicatore")
        {
            var kpi = _cardKpi is null || _cardKpi.Name is not null ? NewCardKpi(row) : _cardKpi;
            var (name, type) = SplitType(value);
            kpi.Name = NullIfEmpty(name);
            kpi.KpiType ??= type;
            AddBox(kpi.Box, row.Box);
            return;
        }
        var current = _cardKpi;
        if (current is null) return;
        AddBox(current.Box, row.Box);
        if (key.StartsWith("baseline", StringComparison.Ordinal) || key.StartsWith("valore di partenza", StringComparison.Ordinal))
        {
            if (value.Length > 0 && current.Baseline is null) current.Baseline = Number(value);
        }
        else if (key.StartsWith("algoritmo", StringComparison.Ordinal) || key.StartsWith("formula", StringComparison.Ordinal))
            current.Algorithm ??= NullIfEmpty(value);
        else if (key.StartsWith("target", StringComparison.Ordinal))
        {
            var yearInLabel = Year().Match(labelText);
            var period = yearInLabel.Success ? yearInLabel.Value : _defaultYear;
            AddTargets(current, JoinTargetLines(row.Value), row.ValueBox.ToSource() ?? row.Box.ToSource(), period);
        }
        else if (key.StartsWith("peso", StringComparison.Ordinal))
            current.Weight ??= ItalianNumber.Parse(value)?.Value;
        else if (key.StartsWith("tipologia", StringComparison.Ordinal))
            current.KpiType = NullIfEmpty(value.ToLowerInvariant()) ?? current.KpiType;
        else if (key.StartsWith("fonte", StringComparison.Ordinal))
            current.SourceSystem ??= NullIfEmpty(value);
        else if (key.StartsWith("responsabile", StringComparison.Ordinal))
            current.Responsible ??= NullIfEmpty(value);
        else if (key.StartsWith("frequenza", StringComparison.Ordinal))
            current.Frequency ??= NullIfEmpty(value);
        else if (key.StartsWith("unita di misura", StringComparison.Ordinal))
            current.Unit ??= NullIfEmpty(value);
    }

    private static void AddBox(Box target, Box source)
    {
        if (source.ToSource() is { Page: { } page, Bbox: { } bb }) target.Add(page, bb[0], bb[1], bb[2], bb[3]);
    }

    private void CardStrategic(string label, string value, CardRow row)
    {
        var code = ObjectiveCode().Matches(label).LastOrDefault()?.Value ?? ObjectiveCode().Match(value).Value;
        _operational = null;
        _cardKpi = null;
        _pending.Clear();
        _pendingMission = BudgetCode(value);
        _pendingProgramme = null;
        if (code.Length == 0)
        {
            _cardStrategic = _strategic;
            return;
        }
        _cardStrategic = FindObjective("strategic", code);
        if (_cardStrategic is null)
        {
            _cardStrategic = NewObjective("strategic", code.TrimEnd('.'), value.Length > 0 ? value : code, _area, _lines.First(l => l.Page == row.Page));
            AddBox(_cardStrategic.Box, row.Box);
        }
    }

    private void CardOperational(string label, string value, CardRow row)
    {
        var m = OperationalCode().Match(label);
        var title = value;
        if (!m.Success)
        {
            m = OperationalCode().Match(value);
            if (m.Success && m.Index == 0) title = TextKey.Clean(value[m.Length..]);
        }
        var code = m.Success ? TextKey.Clean(m.Value).TrimEnd('.', ' ') : null;
        var parent = _cardStrategic ?? _strategic;
        if (code is not null && parent?.Code is not null)
        {
            // an operational code that names another strategic objective wins over the card position
            var parentCode = string.Join('.', CodeKey(code).Split('.').SkipLast(1));
            if (parentCode.Length > 0 && parentCode != CodeKey(parent.Code) && FindObjective("strategic", parentCode) is { } other) parent = other;
        }
        var o = new ObjectiveDraft
        {
            Id = "o" + (_objectives.Count + 1).ToString(CultureInfo.InvariantCulture),
            Level = "operational",
            Code = code,
            Title = title,
            Parent = parent,
            Mission = _pendingMission,
            Programme = _pendingProgramme,
        };
        AddBox(o.Box, row.Box);
        _objectives.Add(o);
        _operational = o;
        _cardKpi = null;
        _pending.Clear();
    }

    private KpiDraft NewCardKpi(CardRow row)
    {
        var objective = _operational ?? _cardStrategic ?? _strategic ?? _area;
        if (objective is null)
        {
            objective = NewObjective("operational", null, "", null, _lines.First(l => l.Page == row.Page));
            _operational = objective;
        }
        var kpi = NewKpi(objective);
        AddBox(kpi.Box, row.Box);
        _cardKpi = kpi;
        return kpi;
    }

    private KpiDraft NewKpi(ObjectiveDraft objective)
    {
        var kpi = new KpiDraft { Id = "k" + (_kpis.Count + 1).ToString(CultureInfo.InvariantCulture), Objective = objective };
        _kpis.Add(kpi);
        _pending.Add(kpi);
        return kpi;
    }

    // ---------------------------------------------------------------- values

    private void AddTargets(KpiDraft kpi, string text, SourceRef? source, string? period = null)
    {
        foreach (var value in TargetExpression.Parse(text, period ?? _defaultYear))
        {
            var p = value.Period ?? period ?? _defaultYear;
            if (kpi.Targets.Any(t => t.Period == p)) continue;
            kpi.Targets.Add(new ExtractedTarget(p, value, source));
        }
    }

    private static RawNumber Number(string raw)
    {
        var text = TextKey.Clean(raw);
        var parsed = TargetExpression.Parse(text).FirstOrDefault();
        return new RawNumber(text, parsed?.Number);
    }

    private static (string Name, string? Type) SplitType(string text)
    {
        var m = TypeSuffix().Match(text);
        return m.Success ? (TextKey.Clean(text[..m.Index]), m.Groups["t"].Value.ToLowerInvariant()) : (text, null);
    }

    private static string? BudgetCode(string value)
    {
        var m = BudgetCodeRegex().Match(value);
        if (!m.Success) return null;
        var digits = m.Groups["d"].Value;
        return digits.Length < 3 ? digits.PadLeft(3, '0') : digits;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// For every line, where the value column of its card starts. A line that has a single-line label followed by
    /// a gap ("Target annuale", "Peso indicatore" …) gives its own. A card may be printed as several tables whose
    /// columns differ, so any other line takes, among the value columns given by the labels of its card (cards
    /// start at "Obiettivo strategico" rows and end at monitoring notes), the nearest one that fits its words: a
    /// word starts there after a gap (or starts the line), else the whole line is left of it (a wrapped label),
    /// else simply the nearest. A card without such labels takes the previous card's column.
    /// </summary>
    private static double[] ValueColumns(List<LayoutLine> lines, double minGap)
    {
        var result = new double[lines.Count];
        var start = 0;
        var all = new List<double>();
        var anchors = new double?[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            anchors[i] = Anchor(lines[i], minGap);
            if (anchors[i] is { } a) all.Add(a);
        }
        var fallback = all.Count > 0 ? Median(all) : 160;
        for (var i = 0; i <= lines.Count; i++)
        {
            if (i < lines.Count && !(i > start && IsCardBoundary(lines, i))) continue;
            var anchored = Enumerable.Range(start, i - start).Where(j => anchors[j] is not null).ToList();
            var xv = anchored.Count > 0 ? Median(anchored.Select(j => anchors[j]!.Value).ToList()) : fallback;
            fallback = xv;
            for (var j = start; j < i; j++)
            {
                if (anchors[j] is { } own) { result[j] = own; continue; }
                var byDistance = anchored.OrderBy(a => Math.Abs(a - j)).Select(a => anchors[a]!.Value).ToList();
                var line = lines[j];
                result[j] = byDistance.FirstOrDefault(x => StartsAt(line, x, minGap), double.NaN) is var starts && !double.IsNaN(starts) ? starts
                    : byDistance.FirstOrDefault(x => line.X1 < x - 2, double.NaN) is var labelOnly && !double.IsNaN(labelOnly) ? labelOnly
                    : byDistance.Count > 0 ? byDistance[0] : xv;
            }
            start = i;
        }
        return result;
    }

    /// <summary>A word of the line starts at <paramref name="x"/> and begins the line or follows a gap.</summary>
    private static bool StartsAt(LayoutLine line, double x, double minGap)
    {
        for (var k = 0; k < line.Words.Count; k++)
            if (Math.Abs(line.Words[k].X0 - x) <= 2 && (k == 0 || line.Words[k].X0 - line.Words[k - 1].X1 > minGap)) return true;
        return false;
    }

    private static bool IsCardBoundary(List<LayoutLine> lines, int i)
    {
        var key = TextKey.Normalize(lines[i].Text);
        if (key.StartsWith("monitoraggio", StringComparison.Ordinal) || key.StartsWith("obiettivo strategico", StringComparison.Ordinal)) return true;
        if (key.StartsWith("obiettivo", StringComparison.Ordinal) && i + 1 < lines.Count &&
            TextKey.Normalize(lines[i + 1].Words[0].Text).StartsWith("strategic", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Where the value of a label row starts: the word after the first column gap, when the words before it are a
    /// single-line label, a longer label or the first words of one; null otherwise.
    /// </summary>
    private static double? Anchor(LayoutLine line, double minGap)
    {
        var words = line.Words;
        var key = "";
        for (var k = 1; k < words.Count && k <= 8; k++)
        {
            key = TextKey.Normalize(key + " " + words[k - 1].Text);
            if (words[k].X0 - words[k - 1].X1 <= minGap) continue;
            if (k <= 5 && AnchorLabels.Contains(key)) return words[k].X0;
            // the first line of a longer label ("Obiettivo strategico (mission) 1.1.", "Soggetti coinvolti - …"),
            // or of a label wrapped in a narrow column ("Nome" of "Nome indicatore")
            if (RowLabels.Any(label => StartsWithWords(key, label) || StartsWithWords(label, key))) return words[k].X0;
            return null;
        }
        return null;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [GeneratedRegex(@"^\s*obiettivo\s+strategico\s*:\s*(?<code>\d+(?:\.\d+)*)\.?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex StrategicHeading();

    [GeneratedRegex(@"(?<a>(?:19|20)\d{2})\s*[/\-–]\s*(?<b>(?:19|20)\d{2}|\d{2})(?!\d)")]
    private static partial Regex Cycle();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?:primo|1°|1|I)\s+semestre\s+(?:del(?:l'anno)?\s+|dell’anno\s+)?(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex FirstHalf();

    [GeneratedRegex(@"(?<n>\d{1,3}(?:[.,]\d+)?)\s*%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\d+(?:\.\d+)+\.?")]
    private static partial Regex ObjectiveCode();

    [GeneratedRegex(@"(?:\bOP\b\.?\s*)?\d+(?:\.\d+)+\.?", RegexOptions.IgnoreCase)]
    private static partial Regex OperationalCode();

    [GeneratedRegex(@"\d+(?:\.\d+)*\.?\s*-?\s*\d+(?:\.\d+)*\.?")]
    private static partial Regex KpiCode();

    [GeneratedRegex(@"\s*Tipologia\s*(?:KPI)?\s*:\s*(?<t>\p{L}+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeSuffix();

    [GeneratedRegex(@"^\s*base\s?line\s*:?\s*(?<b>.*?)\s*(?=(?:Anno|ANNO|Target|TARGET)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BaselinePrefix();

    [GeneratedRegex(@"(?:\bmissione?\b|\bprogramma\b|\bcod(?:ice)?\b\.?|\bco\.)\s*(?<d>\d{2,3})(?!\d)|^\s*(?<d>\d{2,3})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetCodeRegex();
}
