using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.SchedeObiettivi.SchedeVocabulary;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>
/// Where the value column of a label/value card starts, for every line of the document, and the split of a line
/// into its label and value words there.
/// </summary>
/// <remarks>
/// A line that has a single-line label followed by a gap ("Target annuale", "Peso indicatore" …) gives its own. A
/// card may be printed as several tables whose columns differ, so any other line takes, among the value columns given
/// by the labels of its card (cards start at "Obiettivo strategico" rows and end at monitoring notes), the nearest one
/// that fits its words: a word starts there after a gap (or starts the line), else the whole line is left of it (a
/// wrapped label), else simply the nearest. A card without such labels takes the previous card's column.
/// </remarks>
internal sealed class CardColumns
{
    private readonly Dictionary<LayoutLine, double> _valueColumn;
    private readonly Dictionary<LayoutLine, (List<PdfWord> Label, List<PdfWord> Value, bool Straddles)> _splits =
        new(ReferenceEqualityComparer.Instance as IEqualityComparer<LayoutLine>);

    public CardColumns(IReadOnlyList<LayoutLine> lines, double minGap)
    {
        var columns = ValueColumns(lines, minGap);
        _valueColumn = new Dictionary<LayoutLine, double>(lines.Count, ReferenceEqualityComparer.Instance as IEqualityComparer<LayoutLine>);
        for (var i = 0; i < lines.Count; i++) _valueColumn.TryAdd(lines[i], columns[i]);
    }

    /// <summary>The words of the line left of its card's value column (the label) and from it on (the value); whether a label word runs across it.</summary>
    public (List<PdfWord> Label, List<PdfWord> Value, bool Straddles) Split(LayoutLine line)
    {
        if (_splits.TryGetValue(line, out var known)) return known;
        var split = SplitAt(line, _valueColumn[line]);
        _splits[line] = split;
        return split;
    }

    private static (List<PdfWord> Label, List<PdfWord> Value, bool Straddles) SplitAt(LayoutLine line, double xv)
    {
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

    /// <summary>The line begins a card row: its label part starts with a row label, or is the start of one.</summary>
    public bool IsRowStart(LayoutLine line)
    {
        var (label, _, straddles) = Split(line);
        if (label.Count == 0) return false;
        var key = TextKey.Normalize(string.Join(' ', label.Select(w => w.Text)));
        if (key.Length == 0) return false;
        foreach (var phrase in RowLabels)
        {
            if (StartsWithWords(key, phrase)) return true;
            if (!straddles && StartsWithWords(phrase, key)) return true;
        }
        return false;
    }

    private static double[] ValueColumns(IReadOnlyList<LayoutLine> lines, double minGap)
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
        var fallback = all.Count > 0 ? Spacings.Median(all) : 160;
        for (var i = 0; i <= lines.Count; i++)
        {
            if (i < lines.Count && !(i > start && IsCardBoundary(lines, i))) continue;
            var anchored = Enumerable.Range(start, i - start).Where(j => anchors[j] is not null).ToList();
            var xv = anchored.Count > 0 ? Spacings.Median(anchored.Select(j => anchors[j]!.Value).ToList()) : fallback;
            fallback = xv;
            for (var j = start; j < i; j++)
            {
                if (anchors[j] is { } own) { result[j] = own; continue; }
                var byDistance = NearestFirst(anchored, j).Select(a => anchors[a]!.Value).ToList();
                var line = lines[j];
                result[j] = byDistance.FirstOrDefault(x => StartsAt(line, x, minGap), double.NaN) is var starts && !double.IsNaN(starts) ? starts
                    : byDistance.FirstOrDefault(x => line.X1 < x - 2, double.NaN) is var labelOnly && !double.IsNaN(labelOnly) ? labelOnly
                    : byDistance.Count > 0 ? byDistance[0] : xv;
            }
            start = i;
        }
        return result;
    }

    /// <summary>The ascending indices <paramref name="sorted"/> nearest to <paramref name="j"/> first (the lower one first on a tie).</summary>
    private static IEnumerable<int> NearestFirst(List<int> sorted, int j)
    {
        var right = sorted.BinarySearch(j);
        if (right < 0) right = ~right;
        var left = right - 1;
        while (left >= 0 || right < sorted.Count)
        {
            if (right >= sorted.Count || (left >= 0 && j - sorted[left] <= sorted[right] - j)) yield return sorted[left--];
            else yield return sorted[right++];
        }
    }

    /// <summary>A word of the line starts at <paramref name="x"/> and begins the line or follows a gap.</summary>
    private static bool StartsAt(LayoutLine line, double x, double minGap)
    {
        for (var k = 0; k < line.Words.Count; k++)
            if (Math.Abs(line.Words[k].X0 - x) <= 2 && (k == 0 || line.Words[k].X0 - line.Words[k - 1].X1 > minGap)) return true;
        return false;
    }

    private static bool IsCardBoundary(IReadOnlyList<LayoutLine> lines, int i)
    {
        var key = lines[i].Key;
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
}
