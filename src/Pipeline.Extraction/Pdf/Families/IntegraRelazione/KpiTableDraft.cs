using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.IntegraRelazione.RelazioneVocabulary;

namespace Pipeline.Extraction.Pdf.Families.IntegraRelazione;

/// <summary>
/// A KPI table being read: columns from the header words, rows from the lines below. A row starts after a
/// vertical gap wider than the line pitch, or when a line brings a new value where the row already has one;
/// the table ends at a line that crosses a column boundary (running text) or at a wide gap.
/// </summary>
internal sealed partial class KpiTableDraft
{
    private readonly Dictionary<Role, int> _columnOf = [];
    private readonly Dictionary<Role, int> _yearOf = [];
    private bool _inHeader = true;
    private LayoutLine _previous;
    private double? _pitch;

    private KpiTableDraft(TableColumns columns, LayoutLine header, ObjectiveDraft? owner)
    {
        Columns = columns;
        Owner = owner;
        _previous = header;
    }

    public TableColumns Columns { get; private set; }

    /// <summary>The page of the last line taken.</summary>
    public int Page => _previous.Page;
    public ObjectiveDraft? Owner { get; }
    public List<RowDraft> Rows { get; } = [];

    public static KpiTableDraft FromHeader(LayoutLine header, ObjectiveDraft? owner)
    {
        var starts = new List<(Role Role, double X)>();
        foreach (var word in header.Words)
            if (HeaderRole(word) is { } role && starts.All(s => s.Role != role)) starts.Add((role, word.X0));
        var columns = new TableColumns(starts.Select(s => s.X).ToList(), tolerance: 4);
        var table = new KpiTableDraft(columns, header, owner);
        foreach (var (role, x) in starts) table._columnOf[role] = columns.Starts.ToList().IndexOf(x);
        table.NoteYears(header);
        return table;
    }

    public int? Column(Role role) => _columnOf.TryGetValue(role, out var i) ? i : null;

    public int? YearOf(Role role) => _yearOf.TryGetValue(role, out var y) ? y : null;

    private void NoteYears(LayoutLine line)
    {
        foreach (var word in line.Words)
        {
            if (Year(word.Text) is not { } year) continue;
            var column = Columns.ColumnOf(word);
            foreach (var (role, index) in _columnOf)
                if (index == column) _yearOf.TryAdd(role, year);
        }
    }

    /// <summary>Takes the line into the table, or returns false when the table has ended before it.</summary>
    public bool Accept(LayoutLine line)
    {
        var samePage = line.Page == _previous.Page;
        var step = samePage ? line.Y0 - _previous.Y0 : (double?)null;
        if (_inHeader && IsHeaderContinuation(line))
        {
            NotePitch(step);
            NoteYears(line);
            _previous = line;
            return true;
        }
        _inHeader = false;
        var cells = Columns.Split(line);
        var name = Cell(cells, Role.Name);
        // running text starts at the left margin and runs across the columns; an overflowing cell further right does not end the table
        if (CrossesColumns(line))
        {
            if (name is { IsEmpty: false }) return false;
            cells = Overflow(line);
            name = Cell(cells, Role.Name);
        }
        var pitch = Pitch(line);
        if (step is { } s && s > 3.2 * pitch) return false;

        var current = Rows.Count == 0 ? null : Rows[^1];
        var target = Cell(cells, Role.Target);
        var actual = Cell(cells, Role.Actual);
        var newRow = current is null
            || (step is { } g && g > 1.3 * pitch && name is { IsEmpty: false })
            || (name is { IsEmpty: false } && actual is { IsEmpty: false } && StartsValue(actual.Text) && current.Has(this, Role.Actual))
            || (name is { IsEmpty: false } && target is { IsEmpty: false } && StartsTarget(target.Text) && current.TargetLooksComplete(this));
        if (newRow)
        {
            current = new RowDraft(line.Page, Columns.Count);
            Rows.Add(current);
        }
        else NotePitch(step);
        current!.Add(line.Page, cells);
        _previous = line;
        return true;
    }

    /// <summary>The line may open a new row: first on a new page, or after a gap wider than a wrapped line's.</summary>
    public bool StartsChunk(LayoutLine line) =>
        (!_inHeader || !IsHeaderContinuation(line)) && (line.Page != _previous.Page || line.Y0 - _previous.Y0 > 1.3 * Pitch(line));

    /// <summary>
    /// Gives the table the columns of the lines from <paramref name="following"/>[0] on (up to the end of the table on
    /// the page) when they are laid out with other column widths (<see cref="ContinuationColumns"/>).
    /// </summary>
    public void Relayout(IReadOnlyList<LayoutLine> following, double minGutter)
    {
        var rows = new List<List<LayoutLine>>();
        LayoutLine? previous = null;
        foreach (var line in following)
        {
            var step = previous is null ? 0 : line.Y0 - previous.Y0;
            if (step > 3.2 * Pitch(line)) break;
            if (previous is null || step > 1.3 * Pitch(line)) rows.Add([]);
            rows[^1].Add(line);
            previous = line;
        }
        if (ContinuationColumns.Find(Columns, rows, minGutter) is { } columns) Columns = columns;
    }

    private double Pitch(LayoutLine line) => _pitch ?? 1.5 * line.Words.Average(w => w.Height);

    /// <summary>A cell whose text overflows its column: all its words stay in the column where it starts.</summary>
    private IReadOnlyList<CellText> Overflow(LayoutLine line)
    {
        var column = Columns.ColumnOf(line.Words[0]);
        return Enumerable.Range(0, Columns.Count)
            .Select(i => i == column ? new CellText(line.Text, line.X0, line.Y0, line.X1, line.Y1) : new CellText("", 0, line.Y0, 0, line.Y1))
            .ToList();
    }

    private void NotePitch(double? step)
    {
        if (step is { } s && s > 2 && (_pitch is null || s < _pitch)) _pitch = s;
    }

    private CellText? Cell(IReadOnlyList<CellText> cells, Role role) => Column(role) is { } i ? cells[i] : null;

    /// <summary>Running text: a word that starts in one column and ends in the next.</summary>
    private bool CrossesColumns(LayoutLine line)
    {
        return line.Words.Any(w => Columns.Starts.Skip(1).Any(x => w.X0 < x - Columns.Tolerance && w.X1 > x + 2));
    }

    private static bool StartsValue(string text) => ValueStart().IsMatch(text);

    private static bool StartsTarget(string text) => TargetStart().IsMatch(text);

    [GeneratedRegex(@"^[+\-−]?\s*[€]?\s*\d")]
    private static partial Regex ValueStart();

    [GeneratedRegex(@"(?i)^(?:[<>=≥≤]|entro\b|almeno\b|\d|si\b|sì\b|no\b)")]
    private static partial Regex TargetStart();
}

/// <summary>The lines of one KPI row, cell by cell.</summary>
internal sealed partial class RowDraft(int page, int columns)
{
    private readonly List<(int Page, CellText Cell)>[] _cells = Enumerable.Range(0, columns).Select(_ => new List<(int, CellText)>()).ToArray();

    public int Page { get; } = page;

    public void Add(int page, IReadOnlyList<CellText> cells)
    {
        for (var i = 0; i < cells.Count; i++)
            if (!cells[i].IsEmpty) _cells[i].Add((page, cells[i]));
    }

    public bool HasText => _cells.Any(c => c.Count > 0);

    public string AllText => string.Join(" | ", _cells.Select(c => string.Join(' ', c.Select(x => x.Cell.Text))));

    public bool Has(KpiTableDraft table, Role role) => table.Column(role) is { } i && _cells[i].Count > 0;

    public bool TargetLooksComplete(KpiTableDraft table) => Text(table, Role.Target).Any(char.IsDigit);

    public string Text(KpiTableDraft table, Role role) =>
        table.Column(role) is { } i ? TextKey.Clean(string.Join(' ', _cells[i].Select(c => c.Cell.Text))) : "";

    private SourceRef? Source(KpiTableDraft table, Role role) =>
        table.Column(role) is { } i && _cells[i].Count > 0 ? SourceOf(_cells[i]) : null;

    private static SourceRef SourceOf(IEnumerable<(int Page, CellText Cell)> cells)
    {
        var list = cells.ToList();
        var page = list[0].Page;
        var onPage = list.Where(c => c.Page == page).Select(c => c.Cell).ToList();
        return SourceRef.ForPage(page, [onPage.Min(c => c.X0), onPage.Min(c => c.Y0), onPage.Max(c => c.X1), onPage.Max(c => c.Y1)]);
    }

    public ExtractedKpi? ToKpi(KpiTableDraft table, int? documentYear, string id)
    {
        var rawName = Text(table, Role.Name);
        var targetText = Text(table, Role.Target);
        var actualText = Text(table, Role.Actual);
        if (rawName.Length == 0 || (targetText.Length == 0 && actualText.Length == 0)) return null;

        string? kpiType = null;
        var typeMatch = TypeSuffix().Match(rawName);
        if (typeMatch.Success)
        {
            kpiType = TextKey.Clean(typeMatch.Groups[1].Value).ToLowerInvariant();
            rawName = rawName.Remove(typeMatch.Index, typeMatch.Length);
        }
        var name = TextKey.Clean(rawName);
        if (name.Length == 0) return null;

        var algorithm = Text(table, Role.Algorithm);
        var fonte = SourceNote().Match(algorithm);

        var targetPeriod = (table.YearOf(Role.Target) ?? documentYear)?.ToString(CultureInfo.InvariantCulture);
        var actualPeriod = (table.YearOf(Role.Actual) ?? table.YearOf(Role.Target) ?? documentYear)?.ToString(CultureInfo.InvariantCulture);
        var targetSource = Source(table, Role.Target);
        var targets = TargetExpression.Parse(targetText, targetPeriod)
            .Select(t => new ExtractedTarget(t.Period ?? targetPeriod ?? "", t, targetSource))
            .ToList();

        var actuals = new List<ExtractedActual>();
        if (actualText.Length > 0 && !IsBlank(actualText))
            actuals.Add(ReadActual(actualPeriod ?? "", actualText, Source(table, Role.Actual)));

        decimal? weight = null;
        var weightText = Text(table, Role.Weight);
        if (weightText.Length > 0 && ItalianNumber.Parse(weightText) is { } w) weight = w.Value;

        string? unit = targets.Select(t => t.Value.Operator == TargetOperator.Date ? "date" : t.Value.Unit).FirstOrDefault(u => u is not null)
                       ?? (ItalianNumber.Parse(actualText)?.Unit);

        var all = _cells.SelectMany(c => c).ToList();
        return new ExtractedKpi
        {
            Id = id,
            Name = name,
            KpiType = kpiType,
            Algorithm = algorithm.Length == 0 ? null : algorithm,
            Unit = unit,
            SourceSystem = fonte.Success ? TextKey.Clean(fonte.Groups[1].Value) : null,
            Weight = weight,
            Targets = targets,
            Actuals = actuals,
            Source = SourceOf(all),
        };
    }

    private static bool IsBlank(string text) => TextKey.Normalize(text) is "" or "na" or "n d" or "nd";

    private static ExtractedActual ReadActual(string period, string text, SourceRef? source)
    {
        if (ItalianNumber.Parse(text) is { } number) return new ExtractedActual(period, text, number.Value, source);
        // a neighbouring cell's lone dash ("no deviation") read into the value: "3,00 - N.", "2,00 N. -"
        var withoutDash = TextKey.Clean(LoneDash().Replace(text, " "));
        if (withoutDash != text && ItalianNumber.Parse(withoutDash) is { } n) return new ExtractedActual(period, withoutDash, n.Value, source);
        var date = Date().Match(text);
        if (date.Success && DateOnly.TryParseExact(date.Value.Replace('.', '/').Replace('-', '/'), ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new ExtractedActual(period, text, null, source) { Date = d };
        var key = TextKey.Normalize(text);
        if (key is "si" or "no") return new ExtractedActual(period, text, null, source) { Flag = key == "si" };
        return new ExtractedActual(period, text, null, source);
    }

    [GeneratedRegex(@"(?<=\S)\s+[-–](?:\s+(?=\S)|\s*$)")]
    private static partial Regex LoneDash();

    [GeneratedRegex(@"(?i)\(\s*tipologia\s*:?\s*([^()]+?)\s*\)")]
    private static partial Regex TypeSuffix();

    [GeneratedRegex(@"(?i)\(\s*fonte\s*:?\s*([^()]+?)\s*\)")]
    private static partial Regex SourceNote();

    [GeneratedRegex(@"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}\b")]
    private static partial Regex Date();
}
