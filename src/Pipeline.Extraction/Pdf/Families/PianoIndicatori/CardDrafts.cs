using Pipeline.Core.Model;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.PianoIndicatori;

/// <summary>An objective card being read: its heading's level and code, title lines, weights, budget codes and units.</summary>
internal sealed class CardDraft
{
    public required ObjectiveLevel Level;
    public required string? Code;
    public required int Page;
    public required List<double> Box;
    public List<string> TitleLines { get; } = [];
    public bool TitleDone;
    /// <summary>A "Peso NN%" followed the heading: a card, not a line of the summary tree.</summary>
    public bool Confirmed;
    public decimal? Weight;
    public decimal? LabelledWeight;
    public string? Mission, Programme;
    public string OrgUnits = "";
    /// <summary>"… Peso" at the end of a title line, read with the next line.</summary>
    public string? Carry;

    /// <summary>Grows the box with a title line (its bottom only on the card's first page).</summary>
    public void Grow(LayoutLine line)
    {
        Box[0] = Math.Min(Box[0], line.X0);
        if (line.Page == Page) Box[3] = Math.Max(Box[3], line.Y1);
        Box[2] = Math.Max(Box[2], line.X1);
    }
}

/// <summary>What a table column holds.</summary>
internal enum ColumnKind { Number, Name, Baseline, Target, Weight }

/// <summary>A column of a table: where it starts, what it holds, the text of its header.</summary>
internal sealed record IndicatorColumn(double Start, ColumnKind Kind, string Header);

/// <summary>An INDICATORI table of a card: its header's columns and its numbered rows.</summary>
internal sealed class IndicatorTable(CardDraft objective, List<IndicatorColumn> header)
{
    public CardDraft Objective { get; } = objective;
    public List<IndicatorColumn> Header { get; } = header;
    public bool HeaderDone { get; set; }
    /// <summary>Where the row numbers stand (the first row's).</summary>
    public double? NumberX { get; set; }
    public List<IndicatorRow> Rows { get; } = [];
}

/// <summary>A numbered row of an INDICATORI table: its lines, across page breaks.</summary>
internal sealed class IndicatorRow(int number, LayoutLine first)
{
    public int Number { get; } = number;
    public int Page { get; } = first.Page;
    public List<LayoutLine> Lines { get; } = [first];
}
