using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.IntegraRelazione.RelazioneVocabulary;

namespace Pipeline.Extraction.Pdf.Families.IntegraRelazione;

/// <summary>
/// Reads an Integra relazione line by line: objective cards (<see cref="CardReader"/>), headings that carry only a
/// code and a title, and the KPI tables after each card (<see cref="KpiTableDraft"/>); the document is assembled at
/// the end (<see cref="RelazioneAssembler"/>).
/// </summary>
internal sealed class RelazioneReader(PdfLayout layout, CancellationToken ct)
{
    private readonly List<ObjectiveDraft> _cards = [];
    private readonly List<ObjectiveDraft> _headings = [];
    private readonly List<ExtractedKpi> _kpis = [];
    private readonly List<string> _warnings = [];
    private readonly CardReader _card = new();
    private readonly RelazioneAssembler _assembler = new(layout);
    private int? _year;
    private double _minGutter;
    private ObjectiveDraft? _lastHeading;
    private KpiTableDraft? _table;

    public ExtractedDocument Read()
    {
        _year = _assembler.DocumentYear();
        _minGutter = TextSpacing.Measure(layout.Pages).ColumnGap;
        foreach (var page in layout.Pages)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < page.Count; i++) Visit(page, i);
        }
        CloseTable();
        return _assembler.Build(_cards, _headings, _kpis, _warnings, _year);
    }

    private void Visit(IReadOnlyList<LayoutLine> page, int index)
    {
        var line = page[index];
        if (line.Words.Count == 0) return;
        if (IsKpiHeader(line))
        {
            CloseTable();
            _card.Close();
            _table = KpiTableDraft.FromHeader(line, _card.Card ?? _lastHeading);
            return;
        }
        if (IsCardStart(line) || IsWrappedCardStart(page, index))
        {
            CloseTable();
            _cards.Add(_card.Start(line));
            return;
        }
        if (_card.AwaitsCode(line))
        {
            _card.Line(line);
            return;
        }
        if (IsHeading(line))
        {
            CloseTable();
            _card.Forget();
            StartHeading(line);
            return;
        }
        if (_table is not null)
        {
            if (_table.StartsChunk(line))
                _table.Relayout(page.Skip(index).TakeWhile(l => !IsKpiHeader(l) && !IsCardStart(l) && !IsHeading(l)).ToList(), _minGutter);
            if (_table.Accept(line)) return;
            CloseTable();
        }
        if (_card.IsOpen) _card.Line(line);
    }

    private void StartHeading(LayoutLine line)
    {
        var draft = new ObjectiveDraft { Page = line.Page, Code = Code(line.Words[0]), FromHeading = true };
        draft.Extend(line);
        draft.Title.AddRange(line.Words.Skip(1).SkipWhile(IsDash).Select(w => w.Text));
        _headings.Add(draft);
        _lastHeading = draft;
    }

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
}
