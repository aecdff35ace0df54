using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Pira;

/// <summary>
/// Walks a PIRA document's rows (<see cref="CardRow"/>) and gathers its cards: a Missione row sets the mission code,
/// a TITOLO row opens an objective, a KPI row opens an indicator of it, and every labelled row starts a field that
/// runs until the next label. Cards begin at the first TITOLO row; text before it (the premise, the summary tables)
/// is not read.
/// </summary>
/// <remarks>
/// A row without a label continues the current field when all its cells stand in the card's value column (a value
/// cut by a page break); cells in the label or group column continue a label or the objective's activity codes and
/// carry no value; a cell that stands in none of the card's columns or across several of them is running text
/// (the signatures after the last card) and ends the field. The columns are the latest group, label and value cells
/// read, so cards of other widths on other pages are followed.
/// </remarks>
public sealed class CardReader
{
    private readonly List<ObjectiveDraft> _objectives = [];
    private readonly List<KpiDraft> _kpis = [];
    private string? _mission;
    private bool _inCards;
    private CardField _field = CardField.None;
    private Box? _groupColumn, _labelColumn, _valueColumn;

    public IReadOnlyList<ObjectiveDraft> Objectives => _objectives;
    public IReadOnlyList<KpiDraft> Kpis => _kpis;

    public void Read(CardRow row)
    {
        // a value's continuation that happens to start with a group word ("Obiettivo …") is still value
        if (_inCards && !row.IsLabelled && row.Group != CardGroup.None && Within(row.Columns[0], _valueColumn) && !Within(row.Columns[0], _groupColumn))
        {
            Continue(row);
            return;
        }
        if (row.GroupWords.Count > 0) _groupColumn = Box.Of(row.GroupWords);
        switch (row.Group)
        {
            case CardGroup.Mission:
                _mission = row.GroupWords.Concat(row.Value).Select(w => TextKey.Clean(w.Text).Trim('-', '–', ' '))
                    .FirstOrDefault(PiraVocabulary.IsMissionCode) ?? _mission;
                _field = CardField.None;
                return;
            case CardGroup.Programme:
                _field = CardField.None;
                return;
        }
        if (row.IsLabelled) ReadLabelled(row);
        else if (_inCards && row.Group == CardGroup.None) Continue(row);
    }

    private void ReadLabelled(CardRow row)
    {
        if (row.Field == CardField.Title)
        {
            _inCards = true;
            _objectives.Add(new ObjectiveDraft(_mission));
            _objectives[^1].Where.Add(row.Page, row.Box);
        }
        if (!_inCards) return;
        _labelColumn = Box.Of(row.LabelWords);
        if (row.Value.Count > 0) _valueColumn = Box.Of(row.Value);
        if (row.Field == CardField.KpiName && _objectives.Count > 0)
        {
            _kpis.Add(new KpiDraft(_objectives.Count - 1, string.Join(' ', row.LabelWords.Select(w => TextKey.Clean(w.Text))), row.Page));
            _kpis[^1].Where.Add(row.Page, row.Box);
        }
        _field = row.Field;
        Append(row.Page, row.Value);
    }

    private void Continue(CardRow row)
    {
        var value = new List<PdfWord>();
        for (var c = 0; c < row.Columns.Count; c++)
        {
            var box = row.Columns[c];
            var inValue = Within(box, _valueColumn);
            var elsewhere = Within(box, _labelColumn) || Within(box, _groupColumn);
            if (inValue == elsewhere)
            {
                _field = CardField.None; // running text: in none of the card's columns, or across them
                return;
            }
            if (inValue) value.AddRange(row.ColumnWords[c]);
        }
        Append(row.Page, value);
    }

    private static bool Within(Box cell, Box? column) => column is { } c && cell.HorizontalOverlap(c) > 0;

    private void Append(int page, IReadOnlyList<PdfWord> words)
    {
        if (words.Count == 0 || _objectives.Count == 0) return;
        var objective = _objectives[^1];
        var kpi = _kpis.Count > 0 && _kpis[^1].Objective == _objectives.Count - 1 ? _kpis[^1] : null;
        var target = _field switch
        {
            CardField.Title => objective.Title,
            CardField.Responsible => objective.Responsible,
            CardField.KpiName => kpi?.Name,
            CardField.Algorithm => kpi?.Algorithm,
            CardField.Observed => kpi?.Observed,
            CardField.Expected => kpi?.Expected,
            CardField.Source => kpi?.Source,
            _ => null,
        };
        target?.Add(page, words);
    }
}
