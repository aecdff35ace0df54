namespace Pipeline.Extraction.Pdf.Layout;

/// <summary>Groups a page's words into visual lines, top to bottom, each left to right.</summary>
public static class LineBuilder
{
    /// <summary>
    /// Two words are on one line when their vertical overlap is at least <paramref name="overlap"/> of the
    /// smaller height. Words are taken top to bottom, so a line's extent grows as words join it.
    /// </summary>
    public static IReadOnlyList<LayoutLine> Build(PdfPage page, double overlap = 0.5)
    {
        var lines = new List<(double Y0, double Y1, List<PdfWord> Words)>();
        foreach (var word in page.Words.OrderBy(w => w.Y0).ThenBy(w => w.X0))
        {
            var placed = false;
            for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - 3; i--)
            {
                var (y0, y1, words) = lines[i];
                var shared = Math.Min(y1, word.Y1) - Math.Max(y0, word.Y0);
                if (shared >= overlap * Math.Min(y1 - y0, word.Height))
                {
                    words.Add(word);
                    lines[i] = (Math.Min(y0, word.Y0), Math.Max(y1, word.Y1), words);
                    placed = true;
                    break;
                }
            }
            if (!placed) lines.Add((word.Y0, word.Y1, [word]));
        }
        return lines.Select(l => new LayoutLine(page.Number, l.Words.OrderBy(w => w.X0).ToList())).ToList();
    }
}
