using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// A KPI printed as a key/value card instead of a table row: a row whose key is the KPI label ("Indicatore",
/// "INDICATORE | KPI", "Nome indicatore") opens it, the rows below whose keys the shared header vocabulary maps to a
/// KPI field (Algoritmo di calcolo, Risultati attesi / Target 2021, Valori osservati / Baseline, Fonte dei dati, Peso,
/// Unità di misura, …) fill it in any order (<see cref="KpiCardRow"/>); a row without a key standing in the value
/// column right under the card continues the field above (a wrapped value the kit set apart, or the rest of it at the
/// top of the next page). A field met twice, or any other row, ends the card. It becomes a KPI like a table row
/// does (<see cref="KpiFields"/>): a code printed with the label ("KPISTD 166 (Qualità/…)") is the KPI's code
/// (<see cref="KpiLabel"/>), a value naming several periods gives one target each; every field keeps its page and box.
/// </summary>
public sealed class KpiCard
{
    private sealed record Entry(KpiCardRow Key, int Page, List<(PdfWord Word, int Page)> Words);

    private readonly List<Entry> _entries = [];
    private readonly HashSet<(ColumnRole, string?)> _taken = [];
    private readonly HeaderMatcher _matcher;
    private readonly int? _year;
    private LayoutRow _last;
    private double _valueX0;

    private KpiCard(HeaderMatcher matcher, int? year, LayoutRow opening, KpiCardRow name)
    {
        _matcher = matcher;
        _year = year;
        _last = opening;
        _valueX0 = opening.Cells[^1].Box.X0; // the name's cell: a code or qualifier printed before it is the label's
        Add(name, opening.Page);
    }

    /// <summary>The card a row opens, or null when the row is not a KPI label with its value.</summary>
    public static KpiCard? Open(LayoutRow row, HeaderMatcher matcher, int? year) =>
        KpiCardRow.Opening(row, matcher) is { } name ? new KpiCard(matcher, year, row, name) : null;

    /// <summary>Whether the row opens a KPI card (a table or another card ends at it).</summary>
    public static bool Opens(LayoutRow row, HeaderMatcher matcher) => KpiCardRow.Opening(row, matcher) is not null;

    /// <summary>Takes a field row or a continuation of the last field; false when the row is neither (the card ends).</summary>
    public bool Take(LayoutRow row)
    {
        var height = _last.Cells[0].Lines[0].LineHeight;
        var close = row.Page == _last.Page ? row.Box.Y0 - _last.Box.Y1 <= 2.5 * height : row.Page == _last.Page + 1;
        if (!close || KpiCardRow.Opening(row, _matcher) is not null) return false;
        var startsLeft = row.Box.X0 < _valueX0 - height;
        if (startsLeft && KpiCardRow.Field(row, _matcher, _year) is { } field)
        {
            if (!_taken.Add((field.Role, field.Period?.Code))) return false;
            Add(field, row.Page);
            if (field.Value.Count > 0) _valueX0 = Math.Min(_valueX0, field.Value.Min(w => w.X0));
        }
        else if (!startsLeft && row.Page == _last.Page && row.Box.Y0 - _last.Box.Y1 <= height || !startsLeft && row.Page != _last.Page
                 || startsLeft && row.Page == _last.Page && row.Box.Y0 - _last.Box.Y1 <= 0.5 * height && row.Box.X0 > _last.Box.X0 + height)
            _entries[^1].Words.AddRange(row.Words.Select(w => (w, row.Page))); // the value goes on under its key (or a key's qualifier under it)
        else return false;
        _last = row;
        return true;
    }

    /// <summary>The KPI of this card, under <paramref name="objective"/>; null when it has no name or no other field.</summary>
    public ExtractedKpi? ToKpi(string id, string? objective)
    {
        if (_entries.Count < 2) return null;
        var fields = new List<KpiField>();
        foreach (var entry in _entries)
        {
            // the words left of the value column (a code and qualifier beside the label) before the value's
            var text = TextKey.Clean(string.Join(' ', entry.Words.OrderBy(w => w.Word.X0 < _valueX0 - 2 ? 0 : 1).Select(w => w.Word.Text)));
            if (entry.Key.Role != ColumnRole.Kpi)
            {
                fields.Add(new KpiField(entry.Key.Role, entry.Key.Period, entry.Key.Key, text, Source(entry)));
                continue;
            }
            var (code, name) = KpiLabel.CodeAndName(entry.Key.Key, text);
            if (name.Length == 0) return null;
            fields.Add(new KpiField(ColumnRole.Kpi, null, entry.Key.Key, name, Source(entry)));
            if (code is not null) fields.Add(new KpiField(ColumnRole.KpiCode, null, entry.Key.Key, code, Source(entry)));
        }
        return KpiFields.ToKpi(id, objective, _year, fields, Source(_entries[0]));
    }

    private void Add(KpiCardRow row, int page) => _entries.Add(new Entry(row, page, [.. row.Value.Select(w => (w, page))]));

    /// <summary>A field's page and box: its words on the page it starts on (the card's first row when it has no value).</summary>
    private SourceRef Source(Entry entry)
    {
        var words = entry.Words.Where(w => w.Page == entry.Page).Select(w => w.Word).ToList();
        return words.Count > 0 ? SourceRef.ForPage(entry.Page, Box.Of(words).ToArray())
            : SourceRef.ForPage(_entries[0].Page, Box.Of(_entries[0].Words.Select(w => w.Word)).ToArray());
    }
}
