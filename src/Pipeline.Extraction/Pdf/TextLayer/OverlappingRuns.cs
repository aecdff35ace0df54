using UglyToad.PdfPig.Content;

namespace Pipeline.Extraction.Pdf.TextLayer;

/// <summary>
/// Undoes one thing PdfPig's default word extractor does that poppler does not: when two strings drawn by different
/// text operators overlap on the line (a cell's text running into the next cell's number), it sorts their letters
/// together by x into one word ("(Utilizzator5i0", or "(Utilizzatori50" when they meet at a letter boundary). Such a
/// word is split back into one word per operator: its letters of one operator are interleaved with another's, or an
/// operator's first letter is drawn back over the previous operator's last letter by more than half the wider of the
/// two (kerning tucks a period under an F by less). A word drawn in abutting pieces (kerned runs of a TJ array, a word
/// written in two strings) stays one word, as poppler keeps it.
/// </summary>
internal static class OverlappingRuns
{
    /// <summary>The word's letters split per text operator when two operators' letters interleave; null when the word stands.</summary>
    public static List<List<Letter>>? Split(IReadOnlyList<Letter> letters)
    {
        var current = letters[0].TextSequence;
        List<int>? finished = null;
        for (var i = 1; i < letters.Count; i++)
        {
            var sequence = letters[i].TextSequence;
            if (sequence == current) continue;
            finished ??= [];
            if (finished.Contains(sequence) || DrawnOver(letters[i - 1], letters[i])) return Runs(letters);
            finished.Add(current);
            current = sequence;
        }
        return null;
    }

    private static bool DrawnOver(Letter previous, Letter next)
    {
        var (a, b) = (previous.GlyphRectangleLoose, next.GlyphRectangleLoose);
        return a.Right - b.Left > 0.5 * Math.Max(a.Width, b.Width);
    }

    private static List<List<Letter>> Runs(IReadOnlyList<Letter> letters) =>
        letters.GroupBy(l => l.TextSequence)
            .Select(g => g.ToList())
            .OrderBy(run => run.Min(l => l.GlyphRectangleLoose.Left))
            .ToList();
}
