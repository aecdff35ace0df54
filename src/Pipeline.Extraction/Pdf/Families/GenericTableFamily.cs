using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// The fallback for layouts no specific family knows: finds KPI tables by their header vocabulary (the same
/// Italian synonyms as workbooks: Indicatore, Algoritmo, Peso, Target, Consuntivo, Risultato …), reads their rows
/// (wrapped cells joined, tables continued across page breaks) and attaches each KPI to the objective named in an
/// objective column or in the nearest "Obiettivo …" line above the table. It answers with a confidence of exactly
/// <see cref="PdfExtractor.MinimumConfidence"/>, so any specific family that recognises a document wins.
/// </summary>
public sealed partial class GenericTableFamily : IPdfFamily
{
    private static readonly ColumnRole[] ValueRoles = [ColumnRole.Target, ColumnRole.Actual, ColumnRole.Weight];
    // Synonyms as token arrays, indexed by their first token, longest first: a line is matched word by word
    // without normalising the rest of the line again at every word.
    private readonly Dictionary<string, List<(ColumnRole Role, string[] Tokens)>> _synonyms;

    public GenericTableFamily() : this(WorkbookHeaderConfig.Default) { }

    public GenericTableFamily(WorkbookHeaderConfig config) =>
        _synonyms = config.Synonyms
            .Select(s => (s.Role, Tokens: s.Synonym.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(s => s.Tokens.Length > 0)
            .GroupBy(s => s.Tokens[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Tokens.Length).ToList(), StringComparer.Ordinal);

    public string Name => "generic";

    public double Recognise(PdfLayout layout) => layout.Lines.Any(l => HeaderColumns(l, null) is not null) ? PdfExtractor.MinimumConfidence : 0;

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct)
    {
        var fullText = string.Join("\n", layout.Lines.Take(400).Select(l => l.Text));
        var (cycleFrom, cycleTo) = Cycle(fullText);
        var year = ReportingYear(fullText) ?? cycleFrom;
        var lines = layout.Lines.ToList();
        var builder = new Builder();

        var previousTableEnd = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (HeaderColumns(lines[i], year) is not { } header) continue;
            var objectiveAbove = header.Any(c => c.Role is ColumnRole.Objective or ColumnRole.ObjectiveCode or ColumnRole.Strategic)
                ? null
                : ObjectiveAbove(lines, i, previousTableEnd, builder);
            i = previousTableEnd = ReadTable(lines, i, header, year, objectiveAbove, builder);
        }

        var actuals = builder.Kpis.SelectMany(k => k.Actuals).ToList();
        var docType = DocType(fullText, actuals.Count > 0);
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = Name,
                Chamber = ChamberResolver.FindInText(fullText)?.Name,
                DocType = docType.ToCode(),
                PeriodFrom = cycleFrom ?? year, PeriodTo = cycleTo ?? year,
            },
            Objectives = builder.Objectives,
            Kpis = builder.Kpis,
            Warnings = builder.Warnings,
        };
    }

    private sealed record HeaderColumn(ColumnRole Role, double X0, double X1, string Text, Period? Period);

    /// <summary>The columns a line names when it is a KPI table header, else null.</summary>
    private List<HeaderColumn>? HeaderColumns(LayoutLine line, int? year)
    {
        var words = line.Words;
        // a word may normalise to several tokens ("U.M." → "u m"): match on the flat token list, mapped back to words
        var tokens = new List<(string Token, int Word)>();
        for (var w = 0; w < words.Count; w++)
            foreach (var token in TextKey.Normalize(words[w].Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                tokens.Add((token, w));
        var columns = new List<HeaderColumn>();
        for (var t = 0; t < tokens.Count; t++)
        {
            if (t > 0 && tokens[t - 1].Word == tokens[t].Word) continue; // a heading starts at a word's start
            if (!_synonyms.TryGetValue(tokens[t].Token, out var candidates)) continue;
            var w = tokens[t].Word;
            foreach (var (role, synonym) in candidates)
            {
                if (t + synonym.Length > tokens.Count) continue;
                var matches = true;
                for (var k = 1; k < synonym.Length && matches; k++) matches = tokens[t + k].Token == synonym[k];
                if (!matches) continue;
                var next = t + synonym.Length;
                if (next < tokens.Count && tokens[next].Word == tokens[next - 1].Word) continue; // ends mid-word
                if (columns.Count > 0 && words[w].X0 - columns[^1].X1 < 4) break; // a phrase, not a new heading
                var end = tokens[next - 1].Word + 1;
                var text = string.Join(' ', words.Skip(w).Take(end - w).Select(x => x.Text));
                // period words right after the heading ("Target 2021", "Valore al 30/06/2021") belong to it
                while (end < words.Count && words[end].X0 - words[end - 1].X1 < words[end].Height
                       && PeriodResolver.Resolve(words[end].Text, year) is not null)
                    text += " " + words[end++].Text;
                columns.Add(new HeaderColumn(role, words[w].X0, words[end - 1].X1, text, PeriodOf(role, text, year)));
                while (t + 1 < tokens.Count && tokens[t + 1].Word < end) t++;
                break;
            }
        }
        var roles = columns.Select(c => c.Role).ToHashSet();
        return roles.Contains(ColumnRole.Kpi) && roles.Overlaps(ValueRoles) && columns.Count >= 2 ? columns : null;
    }

    private static Period? PeriodOf(ColumnRole role, string text, int? year) =>
        role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Baseline ? PeriodResolver.Resolve(text, year)?.ToReportingPeriod() : null;

    /// <summary>Reads the rows under a header; returns the index of the last line used.</summary>
    private int ReadTable(List<LayoutLine> lines, int headerIndex, List<HeaderColumn> header, int? year, string? objectiveAbove, Builder builder)
    {
        var columns = new TableColumns(Gutters(lines, headerIndex, header), tolerance: 0);
        var kpiColumn = header.FindIndex(c => c.Role == ColumnRole.Kpi);
        var last = headerIndex;
        var i = headerIndex + 1;

        // header continuation lines ("2021 | 30/06/2021 | rispetto al", "target"): no KPI text, only periods or words
        while (i < lines.Count && lines[i].Page == lines[headerIndex].Page && lines[i].Y0 - lines[i - 1].Y1 < lines[i - 1].Y1 - lines[i - 1].Y0)
        {
            var cells = columns.Split(lines[i]);
            if (!cells[kpiColumn].IsEmpty || cells.Any(c => Regex.IsMatch(c.Text, @"\d") && PeriodResolver.Resolve(c.Text, year) is null)) break;
            for (var c = 0; c < header.Count; c++)
                if (!cells[c].IsEmpty)
                {
                    var text = header[c].Text + " " + cells[c].Text;
                    header[c] = header[c] with { Text = text, Period = PeriodOf(header[c].Role, text, year) ?? header[c].Period };
                }
            last = i++;
        }

        var rows = new List<List<(LayoutLine Line, IReadOnlyList<CellText> Cells)>>();
        double? pitch = null;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (HeaderColumns(line, year) is not null || ObjectiveLine().IsMatch(line.Text)) break;
            var cells = columns.Split(line);
            var previous = rows.Count > 0 ? rows[^1][^1].Line : null;
            var samePage = previous is not null && previous.Page == line.Page;
            var gap = samePage ? line.Y0 - previous!.Y1 : 0;
            var height = line.Y1 - line.Y0;
            if (samePage && gap > 2.5 * height) break;                // a paragraph or heading after the table
            if (IsProse(line, columns)) break;
            if (!samePage && previous is not null && cells.Count(c => !c.IsEmpty) < 2 && cells[kpiColumn].IsEmpty) break;
            var startsRow = rows.Count == 0 || !samePage
                || (!cells[kpiColumn].IsEmpty && pitch is { } p && gap > p + 0.35 * height);
            if (samePage && (pitch is null || gap < pitch)) pitch = gap;
            if (startsRow) rows.Add([]);
            rows[^1].Add((line, cells));
            last = i;
        }

        foreach (var row in rows) AddKpi(row, header, year, objectiveAbove, builder);
        return last;
    }

    /// <summary>
    /// Column starts: between two headings, the free vertical gutter (an x no word of the table's lines crosses)
    /// nearest to the later heading. Left-aligned cells wider than their heading and headings centred over their
    /// column both come out right. Without a free gutter, just left of the heading.
    /// </summary>
    private static List<double> Gutters(List<LayoutLine> lines, int headerIndex, List<HeaderColumn> header)
    {
        var words = new List<PdfWord>();
        for (var i = headerIndex + 1; i < lines.Count && i <= headerIndex + 25 && lines[i].Page == lines[headerIndex].Page; i++)
        {
            if (lines[i].Y0 - lines[i - 1].Y1 > 2.5 * (lines[i - 1].Y1 - lines[i - 1].Y0)) break;
            words.AddRange(lines[i].Words);
        }
        var starts = new List<double> { 0 };
        for (var c = 1; c < header.Count; c++)
        {
            // walk left from the heading: whenever a word covers x, jump to that word's left edge
            var x = header[c].X0 + 1;
            var free = false;
            while (x > header[c - 1].X1)
            {
                var covering = words.FirstOrDefault(w => w.X0 < x && x < w.X1);
                if (covering is null)
                {
                    free = true;
                    break;
                }
                x = covering.X0;
            }
            // never right of the heading: a cell that starts where its heading starts belongs to its column even when
            // no line below the heading (on its page) covered the heading's left edge, e.g. a header alone at the foot
            // of a page with its rows on the next one
            starts.Add(free ? Math.Min(x, header[c].X0) : header[c].X0 - 2);
        }
        return starts;
    }

    /// <summary>A line of running text: words with normal spacing that run across a column boundary.</summary>
    private static bool IsProse(LayoutLine line, TableColumns columns)
    {
        for (var w = 1; w < line.Words.Count; w++)
        {
            var (a, b) = (line.Words[w - 1], line.Words[w]);
            if (columns.ColumnOf(a) != columns.ColumnOf(b) && b.X0 - a.X1 < 0.4 * a.Height) return true;
        }
        return false;
    }

    private void AddKpi(List<(LayoutLine Line, IReadOnlyList<CellText> Cells)> row, List<HeaderColumn> header, int? year, string? objectiveAbove, Builder builder)
    {
        string Text(int c) => TextKey.Clean(string.Join(' ', row.Select(r => r.Cells[c].Text).Where(t => t.Length > 0)));
        SourceRef Box(int c)
        {
            var cells = row.Select(r => r.Cells[c]).Where(x => !x.IsEmpty).ToList();
            return cells.Count == 0
                ? SourceRef.ForPage(row[0].Line.Page, row[0].Line.Bbox)
                : SourceRef.ForPage(row[0].Line.Page, [cells.Min(x => x.X0), cells.Min(x => x.Y0), cells.Max(x => x.X1), cells.Max(x => x.Y1)]);
        }
        string? Role(ColumnRole role) => header.FindIndex(h => h.Role == role) is var c and >= 0 && Text(c) is { Length: > 0 } t ? t : null;

        var kpiColumn = header.FindIndex(c => c.Role == ColumnRole.Kpi);
        var rawName = Text(kpiColumn);
        if (rawName.Length == 0) return;
        var typeMatch = TypeSuffix().Match(rawName);
        var name = TextKey.Clean(typeMatch.Success ? rawName[..typeMatch.Index] : rawName);

        string? objective = objectiveAbove;
        var code = Role(ColumnRole.ObjectiveCode);
        var title = Role(ColumnRole.Objective);
        if (Role(ColumnRole.Strategic) is { } strategic) objective = builder.Objective(ObjectiveLevel.Strategic, null, strategic, null, Box(header.FindIndex(h => h.Role == ColumnRole.Strategic)));
        if (code is not null || title is not null)
            objective = builder.Objective(ObjectiveLevel.Operational, code, title ?? code!, objective, Box(header.FindIndex(h => h.Role is ColumnRole.ObjectiveCode or ColumnRole.Objective)));
        else if (objective is null && builder.LastObjective is { } carried && header.Any(h => h.Role is ColumnRole.ObjectiveCode or ColumnRole.Objective))
            objective = carried;

        var targets = new List<ExtractedTarget>();
        var actuals = new List<ExtractedActual>();
        for (var c = 0; c < header.Count; c++)
        {
            var text = Text(c);
            if (text.Length == 0) continue;
            var period = (header[c].Period ?? (year is { } y ? Period.ForYear(y) : null))?.Code;
            if (header[c].Role == ColumnRole.Target)
            {
                foreach (var value in TargetExpression.Parse(text, period))
                    if ((value.Period ?? period) is { } p) targets.Add(new ExtractedTarget(p, value with { Period = p }, Box(c)));
            }
            else if (header[c].Role == ColumnRole.Actual && period is not null && !ActualText.IsNoValue(text))
            {
                actuals.Add(ActualText.Read(period, text, Box(c)));
            }
        }

        builder.Kpis.Add(new ExtractedKpi
        {
            Id = "k" + (builder.Kpis.Count + 1).ToString(CultureInfo.InvariantCulture),
            Objective = objective,
            Code = Role(ColumnRole.KpiCode),
            Name = name,
            KpiType = typeMatch.Success ? typeMatch.Groups[1].Value.ToLowerInvariant() : Role(ColumnRole.KpiType)?.ToLowerInvariant(),
            Algorithm = Role(ColumnRole.Algorithm),
            Unit = Role(ColumnRole.Unit) ?? targets.Select(t => t.Value.Unit).FirstOrDefault(u => u is not null),
            SourceSystem = Role(ColumnRole.SourceSystem),
            Weight = Role(ColumnRole.Weight) is { } w ? ItalianNumber.Parse(w)?.Value : null,
            Baseline = Role(ColumnRole.Baseline) is { } b ? new RawNumber(b, ItalianNumber.Parse(b)?.Value) : null,
            Responsible = Role(ColumnRole.Responsible),
            Frequency = Role(ColumnRole.Frequency),
            Targets = targets,
            Actuals = actuals,
            Source = Box(kpiColumn),
        });
    }

    /// <summary>
    /// The objective a table belongs to: the objective headings between the previous table and this one
    /// ("Obiettivo strategico OS.1 - …", then "Obiettivo operativo OO.1.2 - …", titles wrapping onto the next
    /// line), each under the latest heading of a broader level. Without a heading, the table continues the last
    /// objective (a table split by a page break).
    /// </summary>
    private static string? ObjectiveAbove(List<LayoutLine> lines, int headerIndex, int previousTableEnd, Builder builder)
    {
        var from = Math.Max(previousTableEnd + 1, headerIndex - 15);
        string? id = null;
        for (var i = from; i < headerIndex; i++)
        {
            var match = ObjectiveLine().Match(lines[i].Text);
            if (!match.Success) continue;
            var title = match.Groups["title"].Value;
            for (var j = i + 1; j < headerIndex && j <= i + 2 && !ObjectiveLine().IsMatch(lines[j].Text); j++)
                title += " " + lines[j].Text;
            title = TextKey.Clean(title);
            var code = match.Groups["code"].Success && match.Groups["code"].Value.Length > 0 ? match.Groups["code"].Value.Replace(" ", "") : null;
            if (title.Length == 0 && code is null) continue;
            var label = TextKey.Normalize(match.Groups["label"].Value);
            var level = label.Contains("strateg") ? ObjectiveLevel.Strategic
                : label.StartsWith("area", StringComparison.Ordinal) ? ObjectiveLevel.Area
                : LevelFromCode(code);
            id = builder.Objective(level, code, title.Length > 0 ? title : code!, builder.ParentFor(level), SourceRef.ForPage(lines[i].Page, lines[i].Bbox));
        }
        return id ?? builder.LastObjective;
    }

    private static ObjectiveLevel LevelFromCode(string? code) => code?.ToUpperInvariant() switch
    {
        { } c when c.StartsWith("OS", StringComparison.Ordinal) => ObjectiveLevel.Strategic,
        { } c when c.StartsWith("AS", StringComparison.Ordinal) => ObjectiveLevel.Area,
        _ => ObjectiveLevel.Operational,
    };

    private static (int? From, int? To) Cycle(string text) => PlanCycle.Find(text) is { } c ? (c.From, c.To) : (null, null);

    private static int? ReportingYear(string text)
    {
        var years = YearInText().Matches(text).Select(m => int.Parse(m.Value)).Where(y => y is >= 2000 and <= 2100).ToList();
        return years.Count == 0 ? null : years.GroupBy(y => y).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }

    private static DocumentType DocType(string text, bool hasActuals)
    {
        var head = TextKey.Normalize(text.Length > 3000 ? text[..3000] : text);
        if (head.Contains("relazione sulla performance") || head.Contains("relazione performance")) return DocumentType.Relazione;
        if (head.Contains("monitoraggio")) return DocumentType.Monitoraggio;
        if (head.Contains("piano degli indicatori") || Regex.IsMatch(head, @"\bpira\b")) return DocumentType.Pira;
        if (head.Contains("piano della performance") || head.Contains("piano performance")) return hasActuals ? DocumentType.Monitoraggio : DocumentType.Piano;
        return hasActuals ? DocumentType.Monitoraggio : DocumentType.Other;
    }

    /// <summary>Objectives and KPIs of the document, with unique ids.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
        public List<ExtractedObjective> Objectives { get; } = [];
        public List<ExtractedKpi> Kpis { get; } = [];
        public List<string> Warnings { get; } = [];
        private readonly Dictionary<ObjectiveLevel, string> _lastByLevel = [];

        public string? LastObjective { get; private set; }

        /// <summary>The latest objective of a broader level than <paramref name="level"/>, if any.</summary>
        public string? ParentFor(ObjectiveLevel level) =>
            _lastByLevel.Where(kv => kv.Key < level).OrderByDescending(kv => kv.Key).Select(kv => kv.Value).FirstOrDefault();

        public string Objective(ObjectiveLevel level, string? code, string title, string? parent, SourceRef source)
        {
            foreach (var deeper in _lastByLevel.Keys.Where(k => k > level).ToList()) _lastByLevel.Remove(deeper);
            _lastByLevel[level] = Register(level, code, title, parent, source);
            return LastObjective = _lastByLevel[level];
        }

        private string Register(ObjectiveLevel level, string? code, string title, string? parent, SourceRef source)
        {
            var key = $"{level}|{(code is null ? TextKey.Normalize(title) : code.ToUpperInvariant())}";
            if (!_ids.TryGetValue(key, out var id))
            {
                id = "o" + (Objectives.Count + 1).ToString(CultureInfo.InvariantCulture);
                _ids[key] = id;
                Objectives.Add(new ExtractedObjective { Id = id, Code = code, Level = level.ToCode(), Title = title, Parent = parent, Source = source });
            }
            return id;
        }
    }

    [GeneratedRegex(@"\b20\d\d\b")]
    private static partial Regex YearInText();

    [GeneratedRegex(@"\(?\s*Tipologia(?:\s+KPI)?\s*:\s*([A-Za-zÀ-ÿ]+)\s*\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeSuffix();

    // "Obiettivo operativo OO.1.2 - Titolo", "Area strategica 2: Titolo", or a line opening with an objective code.
    [GeneratedRegex(@"^(?:(?<label>Obiettivo(?:\s+(?:strategico|operativo|di\s+area))?|Ob\.\s*(?:strategico|operativo)|Area\s+strategica)\b\s*(?<code>(?:OS|OO|OP|AS|SO)?\s?[.\-]?\d+(?:[.\-]\d+)*)?|(?<code>(?:OS|OO|OP|AS|SO)\s?[.\-]?\d+(?:[.\-]\d+)*))\s*[-–:]?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectiveLine();
}
