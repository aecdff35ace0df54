using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// Plans made of objective cards, each closed by an "INDICATORI" table (the Brescia layout): an
/// <c>AREA STRATEGICA n</c> heading, then <c>OBIETTIVO STRATEGICO n.n</c> cards whose table "INDICATORI OBIETTIVO
/// STRATEGICO" has one "Risultato atteso al YYYY" column and one "Peso %" column per plan year, then
/// <c>OBIETTIVO OPERATIVO n.n.n</c> cards whose table has the checkpoints "Risultato atteso al 30/6" and "al 31/12"
/// of the plan's first year and one "Peso %". Every card carries "Peso NN%" (the objective's weight), a "Bilancio"
/// row (Missione / Programma codes) and "Aree e uffici coinvolti". A special agency ("AZIENDA SPECIALE …") may follow
/// with its own numbered operational cards.
/// </summary>
/// <remarks>
/// <para>Only the cards are read: the summary tree and the summary tables that repeat the KPIs before them have no
/// "Peso" under their headings and are skipped, so a KPI printed twice is read once, from its card. A heading opens
/// a card only when a "Peso NN%" follows it before the card's first row ("Bilancio", a table, the next heading).</para>
/// <para>A table is found by its header (a line starting "Indicatore" with a "Risultato" word); the header words
/// Indicatore / Target / Risultato / Peso fix the columns (<see cref="TableColumns"/>) and the text of each
/// "Risultato" column the period it holds. Rows start at the row number (1, 2, … in the first column, alone or
/// before the name); anything else continues the row, across page breaks, until a section title ends the table.
/// A "Peso" column right after a "Risultato" column is the weight of that period's target.</para>
/// </remarks>
public sealed partial class PianoIndicatoriFamily : IPdfFamily
{
    public string Name => "piano-indicatori";

    public double Recognise(PdfLayout layout)
    {
        int tables = 0, strategicTables = 0, cardWeights = 0, documentation = 0;
        foreach (var line in layout.Lines)
        {
            var key = TextKey.Normalize(line.Text);
            if (IsTableHeader(key)) tables++;
            if (key.StartsWith("indicatori obiettivo strategico", StringComparison.Ordinal)) strategicTables++;
            if (key.Contains("peso dell obiettivo", StringComparison.Ordinal)) cardWeights++;
            if (key.StartsWith("documentazione e report", StringComparison.Ordinal)) documentation++;
        }
        var score = (tables >= 2 ? 0.35 : 0) + (strategicTables >= 1 && tables >= 2 ? 0.2 : 0)
                    + (cardWeights >= 2 ? 0.2 : 0) + (documentation >= 2 ? 0.1 : 0);
        return Math.Min(0.95, score);
    }

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct)
    {
        var head = string.Join('\n', layout.Pages.Take(2).SelectMany(p => p).Select(l => l.Text));
        var titlePage = string.Join('\n', layout.Pages.Take(1).SelectMany(p => p).Select(l => l.Text));
        var cycle = PlanCycle.Find(head);
        // Headings start at the page's left margin; the same words inside a card's grid (the weights of the
        // operational objectives listed in a strategic card) do not.
        var margins = layout.Pages.Select(p => p.Count == 0 ? 0 : p.Min(l => l.X0)).ToList();
        var reader = new Reader(cycle?.From, margins, TextSpacing.Measure(layout.Pages));
        foreach (var line in layout.Lines)
        {
            ct.ThrowIfCancellationRequested();
            reader.Read(line);
        }
        var (objectives, kpis) = reader.Build();
        var years = kpis.SelectMany(k => k.Targets).Select(t => Period.TryParse(t.Period, out var p) ? p.Year : 0).Where(y => y > 0).ToList();
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = Name,
                Chamber = ChamberResolver.FindInText(head)?.Name,
                DocType = DocType(titlePage).ToCode(),
                PeriodFrom = cycle?.From ?? (years.Count > 0 ? years.Min() : null),
                PeriodTo = cycle?.To ?? (years.Count > 0 ? years.Max() : null),
            },
            Objectives = objectives,
            Kpis = kpis,
            Warnings = reader.Warnings,
        };
    }

    /// <summary>These cards are plans; a monitoring or a report in the same layout says so on its title page.</summary>
    private static DocumentType DocType(string titlePage)
    {
        var key = TextKey.Normalize(titlePage);
        if (key.Contains("piano della performance", StringComparison.Ordinal) || key.StartsWith("piano", StringComparison.Ordinal)) return DocumentType.Piano;
        if (key.Contains("relazione sulla performance", StringComparison.Ordinal)) return DocumentType.Relazione;
        if (key.Contains("monitoraggio", StringComparison.Ordinal)) return DocumentType.Monitoraggio;
        return DocumentType.Piano;
    }

    /// <summary>"Indicatore: descrizione … | Target storico | Risultato atteso al … | Peso%".</summary>
    private static bool IsTableHeader(string key) =>
        key.StartsWith("indicatore", StringComparison.Ordinal) && key.Contains("risultato", StringComparison.Ordinal);

    /// <summary>Section titles that end a table (the next part of the card or the next card).</summary>
    private static readonly string[] TableEnd =
    [
        "risorse finanziarie", "documentazione e report", "obiettivo strategico", "obiettivo operativo", "area strategica",
        "indicatori", "azienda speciale", "assegnazione degli obiettivi", "quantificazione del peso", "descrizione obiettivo",
    ];

    private enum ColumnKind { Number, Name, Baseline, Target, Weight }

    /// <summary>A column of a table: where it starts, what it holds, the text of its header.</summary>
    private sealed record Column(double Start, ColumnKind Kind, string Header);

    private sealed class Table(ObjectiveDraft objective, List<Column> header)
    {
        public ObjectiveDraft Objective { get; } = objective;
        public List<Column> Header { get; } = header;
        public bool HeaderDone { get; set; }
        public double? NumberX { get; set; }
        public List<Row> Rows { get; } = [];
    }

    private sealed class Row(int number, LayoutLine first)
    {
        public int Number { get; } = number;
        public int Page { get; } = first.Page;
        public List<LayoutLine> Lines { get; } = [first];
    }

    private sealed class ObjectiveDraft
    {
        public required ObjectiveLevel Level;
        public required string? Code;
        public required int Page;
        public required List<double> Box;
        public List<string> TitleLines { get; } = [];
        public bool TitleDone;
        public bool Confirmed;
        public decimal? Weight;
        public decimal? LabelledWeight;
        public string? Mission, Programme;
        public string OrgUnits = "";
        public string? Carry;
    }

    private enum Block { None, Title, Budget, Units, Other }

    /// <summary>The words of the "Aree e uffici coinvolti" / "Uffici coinvolti" label.</summary>
    private static readonly HashSet<string> UnitsLabel = ["aree", "e", "uffici", "coinvolti"];

    private sealed partial class Reader(int? firstYear, IReadOnlyList<double> margins, TextSpacing spacing)
    {
        private readonly List<ObjectiveDraft> objectives = [];
        private readonly List<Table> tables = [];
        public List<string> Warnings { get; } = [];
        private Table? table;
        private int current = -1;
        private Block block = Block.None;
        private double unitsX;
        private bool weightGrid;

        public void Read(LayoutLine line)
        {
            var key = TextKey.Normalize(line.Text);
            if (table is not null && !ReadTableLine(line, key)) return;

            if (IsTableHeader(key))
            {
                weightGrid = false;
                StartTable(line);
                return;
            }
            // "Quantificazione del peso degli indicatori…": the card's weight grid names other cards ("OBIETTIVO
            // OPERATIVO 3.1.4 … Peso 10% Peso 5%"), wherever its cells fall; it ends at the card's INDICATORI title.
            if (key.StartsWith("quantificazione del peso", StringComparison.Ordinal)) weightGrid = true;
            else if (weightGrid && (key == "indicatori" || key.StartsWith("indicatori obiettivo", StringComparison.Ordinal)
                                    || TableEnd.Take(2).Any(e => key.StartsWith(e, StringComparison.Ordinal))))
                weightGrid = false;
            var atMargin = line.X0 <= margins[Math.Clamp(line.Page - 1, 0, margins.Count - 1)] + 15;
            if (atMargin && !weightGrid && Heading().Match(line.Text.Trim()) is { Success: true } h)
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
            if (current < 0) return;
            var objective = objectives[current];
            if (key.StartsWith("bilancio", StringComparison.Ordinal) || key.StartsWith("missione", StringComparison.Ordinal))
            {
                block = Block.Budget;
                objective.TitleDone = true;
            }
            else if (key.StartsWith("aree e uffici", StringComparison.Ordinal) || key.StartsWith("uffici coinvolti", StringComparison.Ordinal))
            {
                block = Block.Units;
                // the value starts after the label words ("Aree e uffici coinvolti", wrapped or not)
                var value = line.Words.SkipWhile(w => UnitsLabel.Contains(TextKey.Normalize(w.Text).TrimEnd(':'))).ToList();
                var segments = line.Segments();
                if (segments.Count > 1 && value.Count > 0 && value[0].X0 < segments[1].X0 - 1 && segments[0].Text.Split(' ').Length <= 3)
                    value = line.Words.Where(w => w.X0 >= segments[1].X0 - 1).ToList();
                unitsX = value.Count > 0 ? value[0].X0 - 3 : segments.Count > 1 ? segments[1].X0 - 3 : double.MaxValue;
                objective.OrgUnits = string.Join(' ', value.Select(w => w.Text));
                return;
            }
            else if (key.StartsWith("descrizione", StringComparison.Ordinal) || key.StartsWith("impegno", StringComparison.Ordinal)
                     || key.StartsWith("quantificazione", StringComparison.Ordinal) || key.StartsWith("risorse finanziarie", StringComparison.Ordinal)
                     || key.StartsWith("documentazione e report", StringComparison.Ordinal))
            {
                block = Block.Other;
                objective.TitleDone = true;
                return;
            }
            else if (IsRule(line))
            {
                if (block is Block.Title) objective.TitleDone = true;
                block = block is Block.Units ? Block.Other : block;
                return;
            }

            switch (block)
            {
                case Block.Title:
                    ReadTitleLine(objective, line);
                    break;
                case Block.Budget:
                    if (Mission().Match(line.Text) is { Success: true } m) objective.Mission ??= m.Groups[1].Value;
                    if (Programme().Match(line.Text) is { Success: true } p) objective.Programme ??= p.Groups[1].Value;
                    break;
                case Block.Units:
                    var words = line.Words.Where(w => w.X0 >= unitsX).Select(w => w.Text).ToList();
                    if (words.Count > 0) objective.OrgUnits = (objective.OrgUnits + " " + string.Join(' ', words)).Trim();
                    break;
            }
        }

        private static bool IsRule(LayoutLine line) => line.Words.All(w => w.Text.Trim('-', '–', '_').Length == 0);

        private void StartObjective(LayoutLine line, ObjectiveLevel level, string? code, string titleRest)
        {
            // An objective heading not followed by its "Peso" (the summary tree) is dropped when the next heading comes;
            // areas have no weight: they are kept when a card names them as parent (see Build).
            if (current >= 0 && !objectives[current].Confirmed && objectives[current].Level != ObjectiveLevel.Area)
                objectives.RemoveAt(current);
            var draft = new ObjectiveDraft { Level = level, Code = string.IsNullOrEmpty(code) ? null : code, Page = line.Page, Box = [.. line.Bbox] };
            objectives.Add(draft);
            current = objectives.Count - 1;
            block = Block.Title;
            if (titleRest.Trim().Length > 0) ReadTitleText(draft, titleRest);
        }

        private void ReadTitleLine(ObjectiveDraft objective, LayoutLine line)
        {
            ReadTitleText(objective, line.Text);
            objective.Box[0] = Math.Min(objective.Box[0], line.X0);
            if (line.Page == objective.Page) objective.Box[3] = Math.Max(objective.Box[3], line.Y1);
            objective.Box[2] = Math.Max(objective.Box[2], line.X1);
        }

        private static void ReadTitleText(ObjectiveDraft objective, string text)
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
            if (current < 0)
            {
                Warnings.Add($"page {line.Page}: indicator table outside any objective card skipped");
                return;
            }
            objectives[current].Confirmed = true;
            objectives[current].TitleDone = true;
            block = Block.Other;
            // Column starts: the words of the first header line that open a column label.
            var header = new List<Column>();
            foreach (var word in line.Words)
            {
                var k = TextKey.Normalize(word.Text);
                ColumnKind? kind = k.StartsWith("indicatore", StringComparison.Ordinal) ? ColumnKind.Name
                    : k.StartsWith("target", StringComparison.Ordinal) || k.StartsWith("baseline", StringComparison.Ordinal) ? ColumnKind.Baseline
                    : k.StartsWith("risultato", StringComparison.Ordinal) ? ColumnKind.Target
                    : k.StartsWith("peso", StringComparison.Ordinal) ? ColumnKind.Weight
                    : null;
                if (kind is { } found && (header.Count == 0 || word.X0 > header[^1].Start + 1)) header.Add(new Column(word.X0, found, ""));
            }
            if (header.Count == 0 || header[0].Kind != ColumnKind.Name) header.Insert(0, new Column(line.X0, ColumnKind.Name, ""));
            header[0] = header[0] with { Start = Math.Min(header[0].Start, line.X0) };
            table = new Table(objectives[current], header);
            AddHeaderLine(line);
            tables.Add(table);
        }

        private void AddHeaderLine(LayoutLine line)
        {
            var header = table!.Header;
            var cells = new TableColumns(header.Select(c => c.Start).ToList()).Split(line);
            for (var i = 0; i < cells.Count; i++)
                if (!cells[i].IsEmpty) header[i] = header[i] with { Header = (header[i].Header + " " + cells[i].Text).Trim() };
        }

        /// <summary>Reads a line while a table is open; false when the line was consumed by the table.</summary>
        private bool ReadTableLine(LayoutLine line, string key)
        {
            var t = table!;
            if (TableEnd.Any(e => key.StartsWith(e, StringComparison.Ordinal)) || IsTableHeader(key))
            {
                table = null;
                return true;
            }
            if (IsRule(line)) return false;
            var first = line.Words[0];
            var number = RowNumber().Match(first.Text.Trim());
            var expected = t.Rows.Count + 1;
            var opensRow = number.Success && int.Parse(number.Value, CultureInfo.InvariantCulture) == expected
                           && first.X0 < t.Header[Math.Min(1, t.Header.Count - 1)].Start - 3
                           && (t.NumberX is not { } x || Math.Abs(first.X0 - x) <= 8);
            if (!t.HeaderDone)
            {
                if (!opensRow)
                {
                    AddHeaderLine(line);
                    return false;
                }
                t.HeaderDone = true;
            }
            if (opensRow)
            {
                t.NumberX ??= first.X0;
                t.Rows.Add(new Row(expected, line));
            }
            else if (t.Rows.Count > 0)
                t.Rows[^1].Lines.Add(line);
            return false;
        }

        /// <summary>
        /// The table's columns. Normally the header's: "Indicatore" over the row numbers and the names, then Target,
        /// the Risultato columns and the Peso columns. Some tables print a header one cell short: the names start
        /// under the second label and the last label covers two columns of values. Then the labels move one
        /// column to the right: numbers, names, and a last column that starts where the rows' values do.
        /// </summary>
        private List<Column> Columns(Table t)
        {
            var header = t.Header;
            if (header.Count < 3 || t.NumberX is null) return header;
            // shifted: nothing but the row numbers left of the second label
            var words = t.Rows.SelectMany(r => r.Lines.SelectMany((l, i) => i == 0 ? l.Words.Skip(1) : l.Words)).ToList();
            if (words.Count == 0 || words.Any(w => w.X0 < header[1].Start - 3)) return header;
            var last = header[^1].Start;
            var extra = t.Rows.SelectMany(r => r.Lines).SelectMany(l => CellStarts(l)).Where(x => x > last + 3).DefaultIfEmpty(double.NaN).Min();
            if (double.IsNaN(extra))
            {
                Warnings.Add($"page {t.Rows[0].Page}: the header of an indicator table is one cell short and its last column could not be found");
                return header;
            }
            var columns = new List<Column> { new(header[0].Start, ColumnKind.Number, "") };
            for (var i = 1; i < header.Count; i++) columns.Add(header[i] with { Kind = header[i - 1].Kind == ColumnKind.Name ? ColumnKind.Name : header[i - 1].Kind, Header = header[i - 1].Header });
            columns.Add(header[^1] with { Start = extra });
            return columns;
        }

        /// <summary>
        /// A table that goes on with other column positions (the rest of a table set again after a page break or
        /// a note, with its own column widths): a row whose first line has one cell per column, not where the
        /// columns are, gives the columns' new starts for itself and the rows after it. Null when the row fits.
        /// </summary>
        private List<Column>? Reanchored(List<Column> columns, Row row)
        {
            var first = row.Lines[0];
            if (first.Words.Count < 2) return null;
            var skip = columns[0].Kind == ColumnKind.Number ? 1 : 0;
            var words = first.Words.Skip(1).ToList();
            var starts = CellStarts(first with { Words = words }).ToList();
            if (starts.Count != columns.Count - skip && OneWordCells(words, columns.Count - skip - 1) is { } cells) starts = cells;
            if (starts.Count != columns.Count - skip) return null;
            var moved = false;
            for (var i = 1; i < starts.Count; i++)
                moved |= Math.Abs(starts[i] - columns[i + skip].Start) > 6;
            if (!moved) return null;
            var result = new List<Column>(columns);
            result[0] = result[0] with { Start = Math.Min(result[0].Start, first.Words[0].X0 - 1) };
            for (var i = 1; i < starts.Count; i++) result[i + skip] = result[i + skip] with { Start = starts[i] - 1 };
            if (skip == 1) result[1] = result[1] with { Start = starts[0] - 1 };
            return result;
        }

        /// <summary>
        /// Cells set closer than the document's column gap ("5 80 110 70%" in a tight grid): when the line ends with
        /// exactly one word per value column, well apart from the name before them, each of those words starts a
        /// cell. The starts of the name and of each value; null when the line does not read so.
        /// </summary>
        private static List<double>? OneWordCells(List<PdfWord> words, int values)
        {
            if (values < 1 || words.Count <= values) return null;
            var tail = words.Skip(words.Count - values).ToList();
            var inside = tail.Skip(1).Select((w, i) => w.X0 - tail[i].X1).DefaultIfEmpty(0).Max();
            var before = tail[0].X0 - words[words.Count - values - 1].X1;
            if (before <= 2 * Math.Max(inside, 1)) return null;
            return [words[0].X0, .. tail.Select(w => w.X0)];
        }

        /// <summary>Left edges of the cells of a line: words after a gap wider than the document's word gap.</summary>
        private IEnumerable<double> CellStarts(LayoutLine line)
        {
            for (var i = 0; i < line.Words.Count; i++)
                if (i == 0 || line.Words[i].X0 - line.Words[i - 1].X1 > Math.Max(Math.Max(4, 0.45 * line.Words[i].Height), spacing.ColumnGap))
                    yield return line.Words[i].X0;
        }

        private static void Grow(List<double> box, IReadOnlyList<double> more)
        {
            box[0] = Math.Min(box[0], more[0]); box[1] = Math.Min(box[1], more[1]);
            box[2] = Math.Max(box[2], more[2]); box[3] = Math.Max(box[3], more[3]);
        }

        /// <summary>The period a "Risultato atteso al …" column holds: a year, or a checkpoint of the plan's first year.</summary>
        private string? ColumnPeriod(string header)
        {
            if (Checkpoint().Match(header) is { Success: true } c && firstYear is { } year)
            {
                var day = int.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture);
                var month = int.Parse(c.Groups[2].Value, CultureInfo.InvariantCulture);
                if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                    return Period.ForDay(new DateOnly(year, month, day)).Code;
            }
            return YearInHeader().Match(header) is { Success: true } y ? y.Value : null;
        }

        public (List<ExtractedObjective>, List<ExtractedKpi>) Build()
        {
            if (current >= 0 && !objectives[current].Confirmed && objectives[current].Level != ObjectiveLevel.Area) objectives.RemoveAt(current);
            var byCode = objectives.Where(o => o.Confirmed && o.Code is not null && o.Level != ObjectiveLevel.Area)
                .GroupBy(o => o.Code!).ToDictionary(g => g.Key, g => g.Last());
            var areas = objectives.Where(o => o.Level == ObjectiveLevel.Area && o.Code is not null).GroupBy(o => o.Code!).ToDictionary(g => g.Key, g => g.Last());

            // Parents: by code (1.2.3 → 1.2 → area 1); a card numbered without dots belongs to the agency above it.
            var parents = new Dictionary<ObjectiveDraft, ObjectiveDraft>();
            ObjectiveDraft? agencyRoot = null;
            foreach (var o in objectives)
            {
                if (o.Level == ObjectiveLevel.Area) { agencyRoot = o.Code is null ? o : null; continue; }
                if (!o.Confirmed) continue;
                ObjectiveDraft? parent = null;
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
            foreach (var t in tables)
            {
                var columns = Columns(t);
                var owner = ids.GetValueOrDefault(t.Objective);
                foreach (var row in t.Rows)
                {
                    columns = Reanchored(columns, row) ?? columns;
                    if (BuildKpi(row, columns, owner, kpis.Count + 1) is { } kpi) kpis.Add(kpi);
                }
            }
            return (result, kpis);
        }

        private ExtractedKpi? BuildKpi(Row row, List<Column> columns, string? owner, int n)
        {
            // the row's words per column (the row number left out), with each cell's box on the row's first page
            var split = new TableColumns(columns.Select(c => c.Start).ToList());
            var cells = columns.Select(_ => new List<string>()).ToArray();
            var boxes = new List<double>?[columns.Count];
            var rowBox = new List<double>(row.Lines[0].Bbox);
            for (var l = 0; l < row.Lines.Count; l++)
            {
                var line = row.Lines[l];
                var parts = split.Split(l == 0 ? line with { Words = line.Words.Skip(1).ToList() } : line);
                if (l == 0 && line.Words.Count == 1) continue;
                for (var i = 0; i < parts.Count; i++)
                {
                    if (parts[i].IsEmpty) continue;
                    cells[i].Add(parts[i].Text);
                    if (line.Page != row.Page) continue;
                    if (boxes[i] is null) boxes[i] = [.. parts[i].Bbox]; else Grow(boxes[i]!, parts[i].Bbox);
                }
                if (line.Page == row.Page) Grow(rowBox, line.Bbox);
            }
            string Text(int i) => TextKey.Clean(string.Join(' ', cells[i])).Trim();

            var name = string.Join(' ', Enumerable.Range(0, columns.Count).Where(i => columns[i].Kind is ColumnKind.Name or ColumnKind.Number).Select(Text)).Trim();
            if (name.Length == 0)
            {
                Warnings.Add($"page {row.Page}: indicator row {row.Number} without a name skipped");
                return null;
            }
            RawNumber? baseline = null;
            var targets = new List<ExtractedTarget>();
            decimal? weight = null;
            var perPeriodWeights = columns.Count(c => c.Kind == ColumnKind.Weight) > 1;
            for (var i = 0; i < columns.Count; i++)
            {
                var text = Text(i);
                switch (columns[i].Kind)
                {
                    case ColumnKind.Baseline when !ActualText.IsNoValue(text):
                        baseline = new RawNumber(text, ItalianNumber.Parse(text)?.Value);
                        break;
                    case ColumnKind.Target:
                        if (ColumnPeriod(columns[i].Header) is not { } period)
                        {
                            if (!ActualText.IsNoValue(text)) Warnings.Add($"page {row.Page}: indicator row {row.Number}: a target column without a period skipped");
                            break;
                        }
                        var periodWeight = perPeriodWeights && i + 1 < columns.Count && columns[i + 1].Kind == ColumnKind.Weight ? Weight(Text(i + 1)) : null;
                        var source = SourceRef.ForPage(row.Page, boxes[i] ?? rowBox);
                        var values = TargetExpression.Parse(text, period);
                        foreach (var value in values)
                            targets.Add(new ExtractedTarget(period, value with { Period = period }, source) { Weight = periodWeight });
                        // the KPI's own weight: the plan's first period that has a target
                        if (perPeriodWeights && values.Count > 0 && weight is null) weight = periodWeight;
                        break;
                    case ColumnKind.Weight when !perPeriodWeights:
                        weight = Weight(text);
                        break;
                }
            }
            return new ExtractedKpi
            {
                Id = $"k{n}", Objective = owner, Name = name,
                Unit = targets.Select(t => t.Value.Unit).FirstOrDefault(u => u is not null),
                Weight = weight, Baseline = baseline, Targets = targets,
                Source = SourceRef.ForPage(row.Page, rowBox),
            };
        }

        /// <summary>A weight cell: "30%", "60,00 %", "20,0 0%" (a wrapped cell), "50"; null for "-" or empty.</summary>
        private static decimal? Weight(string text)
        {
            var squeezed = Regex.Replace(text, @"\s+", "");
            return ActualText.IsNoValue(squeezed) ? null : ItalianNumber.Parse(squeezed)?.Value;
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

        [GeneratedRegex(@"^\d{1,2}$")]
        private static partial Regex RowNumber();

        [GeneratedRegex(@"\bal\s+(\d{1,2})\s*/\s*(\d{1,2})\b", RegexOptions.IgnoreCase)]
        private static partial Regex Checkpoint();

        [GeneratedRegex(@"\b20\d\d\b")]
        private static partial Regex YearInHeader();
    }
}
