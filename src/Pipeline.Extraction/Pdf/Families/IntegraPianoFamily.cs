using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// Piano della Performance exported by Unioncamere's Integra: a tree of labelled headings ("Area strategica:",
/// "Obiettivo strategico:", "Programma:", "Obiettivo operativo:", "Azione:"), each followed by a description,
/// optionally "Unità organizzative coinvolte" and a "KPI Associati" table whose columns are the indicator
/// (with "Tipologia KPI: x"), the algorithm, the weight, the status (baseline, not a result) and the target
/// (one cell, possibly "Anno: 2018 &gt;= … Anno: 2019 …"). A plan has no actual values: a table with a
/// Consuntivo / Valore raggiunto column is the Integra relazione, not this family.
/// </summary>
public sealed partial class IntegraPianoFamily : IPdfFamily
{
    public string Name => "integra-piano";

    private enum Level { Area, Strategic, Programme, Operational, Action }

    private enum Column { Name, Algorithm, Weight, Baseline, Target, Unit, Source }

    public double Recognise(PdfLayout layout)
    {
        int kpiTables = 0, headers = 0, fullHeaders = 0, foreignHeaders = 0;
        var labelKinds = new HashSet<Level>();
        foreach (var line in layout.Lines)
        {
            var text = line.Text.Trim();
            if (KpiTableTitle().IsMatch(text)) kpiTables++;
            if (HeadingLabel().Match(text) is { Success: true } m) labelKinds.Add(LevelOf(m.Groups["label"].Value));
            if (HeaderColumns(line) is not { } header) continue;
            headers++;
            // the plan's table: Algoritmo, Peso, Stato (baseline), Target — and no result column (Consuntivo,
            // realizzato, raggiunto: that is the relazione)
            if (CoreColumns.All(header.Kinds.Contains)) fullHeaders++;
            if (line.Words.Any(w => IsForeignHeading(w.Text))) foreignHeaders++;
        }
        if (headers == 0) return 0.1 * Math.Min(labelKinds.Count, 5) * (kpiTables > 0 ? 0.8 : 0.5);
        var score = 0.0;
        if (kpiTables > 0) score += 0.2;
        if (fullHeaders > 0) score += 0.3 * fullHeaders / headers;
        score += 0.1 * Math.Min(labelKinds.Count, 5);
        if (!labelKinds.Contains(Level.Operational) && !labelKinds.Contains(Level.Action)) score *= 0.6;
        if (foreignHeaders > 0) score *= foreignHeaders >= headers / 2.0 ? 0.2 : 0.6;
        return Math.Min(1, score);
    }

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct)
    {
        var reader = new Reader(layout);
        reader.Run(ct);
        var allText = string.Join('\n', layout.Lines.Select(l => l.Text));
        var chamber = ChamberResolver.FindInText(allText);
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = Name,
                Chamber = chamber?.Name,
                DocType = "piano",
                PeriodFrom = reader.PeriodFrom, PeriodTo = reader.PeriodTo,
            },
            Objectives = reader.Objectives,
            Kpis = reader.Kpis,
            Warnings = reader.Warnings,
        };
    }

    private static Level LevelOf(string label)
    {
        var key = TextKey.Normalize(label);
        if (key.StartsWith("area", StringComparison.Ordinal) || key.StartsWith("ambito", StringComparison.Ordinal)) return Level.Area;
        if (key.StartsWith("obiettivo strategico", StringComparison.Ordinal)) return Level.Strategic;
        if (key.StartsWith("programma", StringComparison.Ordinal)) return Level.Programme;
        if (key.StartsWith("obiettivo operativo", StringComparison.Ordinal)) return Level.Operational;
        return Level.Action;
    }

    private static string LevelName(Level level) => level switch
    {
        Level.Area => "area",
        Level.Strategic => "strategic",
        Level.Programme => "programme",
        Level.Operational => "operational",
        _ => "action",
    };

    private static readonly Column[] CoreColumns = [Column.Name, Column.Algorithm, Column.Weight, Column.Baseline, Column.Target];

    private static bool IsForeignHeading(string word)
    {
        var key = TextKey.Normalize(word);
        return key.StartsWith("consuntiv", StringComparison.Ordinal) || key.StartsWith("realizzat", StringComparison.Ordinal)
            || key.StartsWith("raggiunt", StringComparison.Ordinal) || key == "risultato";
    }

    /// <summary>The column starts of a KPI table header line (indicator, Algoritmo, Peso, Stato, Target), else null.</summary>
    private static (TableColumns Columns, Column[] Kinds)? HeaderColumns(LayoutLine line)
    {
        if (line.Words.Count < 3) return null;
        var first = TextKey.Normalize(line.Words[0].Text);
        if (!(first.StartsWith("indicator", StringComparison.Ordinal) || first is "kpi" or "nome" or "descrizione")) return null;
        var starts = new List<(double X, Column Kind)> { (line.Words[0].X0, Column.Name) };
        for (var i = 1; i < line.Words.Count; i++)
        {
            var key = TextKey.Normalize(line.Words[i].Text);
            Column? kind = key switch
            {
                _ when key.StartsWith("algoritm", StringComparison.Ordinal) || key.StartsWith("formula", StringComparison.Ordinal) => Column.Algorithm,
                "peso" or "pesi" => Column.Weight,
                _ when key.Length >= 3 && "stato".StartsWith(key, StringComparison.Ordinal) => Column.Baseline,
                "baseline" => Column.Baseline,
                "target" => Column.Target,
                "unita" or "um" or "u m" or "un mis" or "unita di misura" => Column.Unit,
                "fonte" => Column.Source,
                _ => null,
            };
            if (kind is { } k && starts.All(s => s.Kind != k)) starts.Add((line.Words[i].X0, k));
        }
        if (starts.All(s => s.Kind != Column.Target) || starts.All(s => s.Kind != Column.Algorithm && s.Kind != Column.Weight)) return null;
        var ordered = starts.OrderBy(s => s.X).ToList();
        return (new TableColumns(ordered.Select(s => s.X).ToList()), ordered.Select(s => s.Kind).ToArray());
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
        if (steps.Count == 0) return double.MaxValue;
        // wrapped lines are the tightest frequent step; list items and paragraphs sit further apart
        var minimum = Math.Max(3, steps.Count / 20);
        var groups = steps.GroupBy(s => s).OrderBy(g => g.Key).ToList();
        return (groups.FirstOrDefault(g => g.Count() >= minimum) ?? groups.OrderByDescending(g => g.Count()).First()).Key;
    }

    private static IReadOnlyList<double> Box(IEnumerable<(double X0, double Y0, double X1, double Y1)> boxes)
    {
        var list = boxes.ToList();
        return [Math.Round(list.Min(b => b.X0), 1), Math.Round(list.Min(b => b.Y0), 1), Math.Round(list.Max(b => b.X1), 1), Math.Round(list.Max(b => b.Y1), 1)];
    }

    /// <summary>The lines of one table cell in one row (a row may continue on the next page).</summary>
    private sealed class CellLines
    {
        public List<(int Page, string Text, double X0, double Y0, double X1, double Y1)> Parts { get; } = [];
        public bool IsEmpty => Parts.Count == 0;

        /// <summary>The lines joined with spaces, except after a word broken at a hyphen ("(t-" + "1))").</summary>
        public string Text
        {
            get
            {
                var sb = new System.Text.StringBuilder();
                foreach (var p in Parts)
                {
                    var glue = sb.Length > 1 && sb[^1] == '-' && !char.IsWhiteSpace(sb[^2])
                        && p.Text.Length > 0 && char.IsLetterOrDigit(p.Text[0]) && !char.IsUpper(p.Text[0]);
                    if (sb.Length > 0 && !glue) sb.Append(' ');
                    sb.Append(p.Text);
                }
                return TextKey.Clean(sb.ToString());
            }
        }

        public SourceRef? Source => Parts.Count == 0 ? null
            : SourceRef.ForPage(Parts[0].Page, Box(Parts.Where(p => p.Page == Parts[0].Page).Select(p => (p.X0, p.Y0, p.X1, p.Y1))));
    }

    private sealed class Row(Column[] kinds)
    {
        public Column[] Kinds { get; } = kinds;
        public CellLines[] Cells { get; } = kinds.Select(_ => new CellLines()).ToArray();

        public CellLines? this[Column kind] => Array.IndexOf(Kinds, kind) is var i and >= 0 ? Cells[i] : null;
    }

    private sealed class Reader(PdfLayout layout)
    {
        private enum Mode { None, Heading, Description, OrgUnits, AwaitHeader, Table }

        private readonly Dictionary<Level, ExtractedObjective> _open = [];
        private readonly List<(ExtractedObjective Owner, Row Row)> _rows = [];
        private readonly List<string> _units = [];
        private Mode _mode = Mode.None;
        private ExtractedObjective? _current;
        private LayoutLine? _previous;
        private (TableColumns Columns, Column[] Kinds)? _table;
        private Row? _row;

        public List<ExtractedObjective> Objectives { get; } = [];
        public List<ExtractedKpi> Kpis { get; } = [];
        public List<string> Warnings { get; } = [];
        public int? PeriodFrom { get; private set; }
        public int? PeriodTo { get; private set; }

        /// <summary>The usual distance between the tops of consecutive lines of one paragraph or cell.</summary>
        private double _pitch = double.MaxValue;

        public void Run(CancellationToken ct)
        {
            _pitch = LinePitch(layout);
            foreach (var line in layout.Lines)
            {
                ct.ThrowIfCancellationRequested();
                Read(line);
                _previous = line;
            }
            CloseRow();
            FlushUnits();
            ResolvePeriod();
            BuildKpis();
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
                AddUnit(line, text[..glued.Index]);
                FlushUnits();
                _mode = Mode.AwaitHeader;
                return;
            }
            if (KpiTableTitle().IsMatch(text))
            {
                CloseRow();
                FlushUnits();
                _mode = Mode.AwaitHeader;
                return;
            }
            if (OrgUnitsTitle().IsMatch(text))
            {
                CloseRow();
                FlushUnits();
                _mode = Mode.OrgUnits;
                return;
            }
            if (HeaderColumns(line) is { } header)
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
                    AddUnit(line, text);
                    return;
                case Mode.Table:
                    AddTableLine(line);
                    return;
                default:
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

        private void StartObjective(LayoutLine line, Level level, string rest)
        {
            rest = TextKey.Clean(rest);
            string? code = null;
            var title = rest;
            // programmes usually print no code; take one only when it is clearly a code (digits or dots)
            if (CodeAndTitle().Match(rest) is { Success: true } m
                && (level != Level.Programme || m.Groups["code"].Value.Any(c => char.IsDigit(c) || c == '.')))
            {
                code = m.Groups["code"].Value;
                title = m.Groups["title"].Value.Trim();
            }
            foreach (var deeper in _open.Keys.Where(k => k >= level).ToList()) _open.Remove(deeper);
            // as in the ground truth's convention, an operational objective hangs from its strategic objective: the
            // programme (no code, no KPIs) is a sibling grouping, not a level of the roll-up
            var parent = _open.Where(kv => kv.Key < level && !(level == Level.Operational && kv.Key == Level.Programme))
                .OrderByDescending(kv => kv.Key).Select(kv => kv.Value).FirstOrDefault();
            var objective = new ExtractedObjective
            {
                Id = "o" + (Objectives.Count + 1).ToString(CultureInfo.InvariantCulture),
                Code = code,
                Level = LevelName(level),
                Title = title,
                Parent = parent?.Id,
                Source = SourceRef.ForPage(line.Page, Box([(line.X0, line.Y0, line.X1, line.Y1)])),
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

        /// <summary>
        /// One organisational unit per line ("S. 3.1 PROMOZIONE …", "U.3.1.1 Incentivi …"), bullets dropped. A line
        /// continues the previous unit when that one was cut mid-name: it ended with a dash or comma, or the line
        /// starts in lower case, or both are upper-case names and the line does not start with a unit code. A code
        /// printed inside a line ("… ORGANI STAFF.2 GESTIONE …") starts another unit.
        /// </summary>
        private void AddUnit(LayoutLine line, string text)
        {
            text = TextKey.Clean(Bullet().Replace(text.Replace("**", ""), ""));
            if (text.Length == 0) return;
            var words = text.Split(' ');
            var first = words[0];
            static bool Upper(string s) => s.Any(char.IsLetter) && s.Where(char.IsLetter).All(char.IsUpper);
            bool IsCode(int i) => i < words.Length && (words[i].Any(char.IsDigit) || words[i].Count(c => c == '.') >= 1 && words[i].Length <= 8
                || RomanNumeral().IsMatch(words[i]));
            var knownPrefix = _units.Any(u => string.Concat(u.TakeWhile(char.IsLetter)) is { Length: > 0 } p && p == string.Concat(first.TakeWhile(char.IsLetter)));
            var startsWithCode = IsCode(0) || IsCode(1) || knownPrefix;
            var continues = _units.Count > 0 && _previous is { } prev && prev.Page == line.Page && line.Y0 - prev.Y0 <= 1.15 * _pitch
                && (_units[^1].EndsWith('-') || _units[^1].EndsWith(',') || char.IsLower(first[0])
                    || (!startsWithCode && Upper(first) && Upper(_units[^1])));
            if (_units.Count > 0 && _lastUnitWords.Count > 0 && _previous is { } before && before.Page == line.Page
                && line.Y0 - before.Y0 <= 1.15 * _pitch && CodeFragment().IsMatch(first) && !_lastUnitWords[0].Text.Any(char.IsDigit)
                && (_lastUnitWords.Count < 2 || !CodeFragment().IsMatch(_lastUnitWords[1].Text)))
            {
                // a unit code wrapped in a narrow code column ("S." / "1.1"): the fragment goes after the code's start,
                // the rest of the line continues the name
                var codeEnd = line.Words[0].X1 + 5;
                var head = _lastUnitWords.TakeWhile(w => w.X0 < codeEnd).Select(w => w.Text).ToList();
                var tail = _lastUnitWords.Skip(head.Count).Select(w => w.Text);
                _units[^1] = TextKey.Clean(string.Join(' ', [.. head, first, .. tail, .. words.Skip(1)]));
                _lastUnitWords = [];
                return;
            }
            var parts = InlineUnitCode().Split(text).Where(x => x.Trim().Length > 0).Select(x => x.Trim()).ToList();
            if (parts.Count == 0) return;
            _lastUnitWords = continues || parts.Count > 1 ? [] : line.Words.SkipWhile(w => Bullet().IsMatch(w.Text + " ")).ToList();
            if (continues) _units[^1] = _units[^1] + " " + parts[0];
            else _units.Add(parts[0]);
            _units.AddRange(parts.Skip(1));
        }

        private List<PdfWord> _lastUnitWords = [];

        private void FlushUnits()
        {
            _lastUnitWords = [];
            if (_units.Count == 0) return;
            if (_current is not null)
                Update(_current, _current with { OrgUnits = [.. _current.OrgUnits, .. _units.Select(u => TextKey.Clean(u))] });
            _units.Clear();
        }

        private void AddTableLine(LayoutLine line)
        {
            if (_table is not { } table || _current is null) return;
            var cells = table.Columns.Split(line);
            bool Has(Column kind) => Array.IndexOf(table.Kinds, kind) is var i and >= 0 && !cells[i].IsEmpty;
            var hasValues = Has(Column.Weight) || Has(Column.Baseline);
            var rowHasValues = _row is not null && (_row[Column.Weight] is { IsEmpty: false } || _row[Column.Baseline] is { IsEmpty: false });
            var wideGap = _previous is { } prev && prev.Page == line.Page && line.Y0 - prev.Y0 > 1.25 * _pitch;
            // rows are top-aligned: a weight or status starts a row; a paragraph gap starts one without them
            if (_row is null || !ReferenceEquals(_row.Kinds, table.Kinds) || (hasValues && rowHasValues) || (wideGap && !hasValues && rowHasValues))
            {
                CloseRow();
                _row = new Row(table.Kinds);
            }
            for (var i = 0; i < cells.Count; i++)
                if (!cells[i].IsEmpty)
                    _row.Cells[i].Parts.Add((line.Page, cells[i].Text, cells[i].X0, cells[i].Y0, cells[i].X1, cells[i].Y1));
        }

        private void CloseRow()
        {
            if (_row is not null && _current is not null && _row[Column.Name] is { IsEmpty: false })
                _rows.Add((_current, _row));
            else if (_row is not null && _row.Cells.Any(c => !c.IsEmpty))
                Warnings.Add($"page {_row.Cells.First(c => !c.IsEmpty).Parts[0].Page}: table row without an indicator name skipped");
            _row = null;
        }

        private void ResolvePeriod()
        {
            var title = layout.Lines.Take(80)
                .Where(l => l.Text.Contains("piano", StringComparison.OrdinalIgnoreCase) || l.Text.Contains("performance", StringComparison.OrdinalIgnoreCase))
                .Select(l => PlanYears().Match(l.Text)).FirstOrDefault(m => m.Success);
            if (title is not null)
            {
                PeriodFrom = int.Parse(title.Groups["a"].Value, CultureInfo.InvariantCulture);
                PeriodTo = int.Parse(title.Groups["b"].Value, CultureInfo.InvariantCulture);
                return;
            }
            var years = new List<int>();
            foreach (var (_, row) in _rows)
                if (row[Column.Target] is { IsEmpty: false } target)
                    foreach (Match m in TargetYear().Matches(target.Text))
                        years.Add(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture));
            if (years.Count == 0)
            {
                // no plan title and no per-year targets: the year the document mentions most
                var mentioned = layout.Lines.SelectMany(l => AnyYear().Matches(l.Text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)))
                    .GroupBy(y => y).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
                if (mentioned is not null) years.Add(mentioned.Key);
            }
            if (years.Count > 0)
            {
                PeriodFrom = years.Min();
                PeriodTo = years.Max();
            }
        }

        private void BuildKpis()
        {
            var defaultPeriod = PeriodFrom?.ToString(CultureInfo.InvariantCulture);
            foreach (var (owner, row) in _rows)
            {
                var nameCell = row[Column.Name]!;
                var name = nameCell.Text;
                string? kpiType = null;
                if (KpiType().Match(name) is { Success: true } type)
                {
                    kpiType = type.Groups["t"].Value.ToLowerInvariant();
                    name = TextKey.Clean(name.Remove(type.Index, type.Length));
                }
                var algorithm = row[Column.Algorithm] is { IsEmpty: false } a ? a.Text : null;
                decimal? weight = row[Column.Weight] is { IsEmpty: false } w && ItalianNumber.Parse(w.Text) is { } wn ? wn.Value : null;
                RawNumber? baseline = null;
                if (row[Column.Baseline] is { IsEmpty: false } b && !ActualText.IsNoValue(b.Text))
                    baseline = new RawNumber(b.Text, ItalianNumber.Parse(b.Text)?.Value);
                var targets = new List<ExtractedTarget>();
                string? unit = null;
                if (row[Column.Target] is { IsEmpty: false } t)
                {
                    foreach (var value in TargetExpression.Parse(t.Text, defaultPeriod))
                    {
                        targets.Add(new ExtractedTarget(value.Period ?? defaultPeriod ?? "", value, t.Source));
                        unit ??= value.Unit;
                    }
                }
                var page = nameCell.Parts[0].Page;
                Kpis.Add(new ExtractedKpi
                {
                    Id = "k" + (Kpis.Count + 1).ToString(CultureInfo.InvariantCulture),
                    Objective = owner.Id,
                    Name = name,
                    KpiType = kpiType,
                    Algorithm = algorithm,
                    Unit = row[Column.Unit] is { IsEmpty: false } u ? u.Text : unit,
                    SourceSystem = row[Column.Source] is { IsEmpty: false } src ? src.Text : null,
                    Weight = weight,
                    Baseline = baseline,
                    Targets = targets,
                    Source = SourceRef.ForPage(page, Box(row.Cells.SelectMany(c => c.Parts).Where(p => p.Page == page).Select(p => (p.X0, p.Y0, p.X1, p.Y1)))),
                });
            }
        }
    }

    [GeneratedRegex(@"^(?<label>Area\s+strategica|Ambito\s+strategico|Obiettivo\s+strategico|Programma|Obiettivo\s+operativo|Azione)\s*:\s*(?<rest>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingLabel();

    [GeneratedRegex(@"^\s*(?:[-–•·*▪]\s+)+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$")]
    private static partial Regex RomanNumeral();

    /// <summary>Cuts a line before a unit code such as "STAFF.2" or "U.3.1.1" that follows an upper-case name.</summary>
    [GeneratedRegex(@"(?<=[A-Z]{2,}\s)(?=[A-Z]{1,6}\.\d+(?:\.\d+)*\s)")]
    private static partial Regex InlineUnitCode();

    [GeneratedRegex(@"KPI\s+associati\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GluedKpiTableTitle();

    [GeneratedRegex(@"^(?=\S*[\d.])(?:\d+|[A-Z]{1,3})(?:\.(?:\d+|[A-Z]{1,3}))*\.?$")]
    private static partial Regex CodeFragment();

    [GeneratedRegex(@"^KPI\s+associati\b", RegexOptions.IgnoreCase)]
    private static partial Regex KpiTableTitle();

    [GeneratedRegex(@"^Unit[àa']\s+organizzativ[ae]\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrgUnitsTitle();

    [GeneratedRegex(@"^[\s\-–—_.]+$")]
    private static partial Regex DashesOnly();

    [GeneratedRegex(@"^(?<code>(?:[A-Z]{1,3}|\d{1,3})(?:\.(?:[A-Z]{1,3}|\d{1,3}))*)\.?\s*(?:[-–—:]\s*)?\s(?<title>\S.*)$")]
    private static partial Regex CodeAndTitle();

    [GeneratedRegex(@"Tipologia(?:\s+KPI)?\s*:?\s*(?<t>[A-Za-zÀ-ÿ]+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KpiType();

    [GeneratedRegex(@"\b(?<a>20\d\d)\s*[-–/]\s*(?<b>20\d\d)\b")]
    private static partial Regex PlanYears();

    [GeneratedRegex(@"\b20\d\d\b")]
    private static partial Regex AnyYear();

    [GeneratedRegex(@"\b(?:Anno|ANNO|Target)\s*:?\s*(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex TargetYear();
}
