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
        var words = page.Words.ToArray();
        // stable, as the LINQ ordering it replaces: equal keys keep the text layer's order
        var order = Enumerable.Range(0, words.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byY = words[a].Y0.CompareTo(words[b].Y0);
            if (byY != 0) return byY;
            var byX = words[a].X0.CompareTo(words[b].X0);
            return byX != 0 ? byX : a.CompareTo(b);
        });
        var y0s = new List<double>();
        var y1s = new List<double>();
        var members = new List<List<PdfWord>>();
        foreach (var index in order)
        {
            var word = words[index];
            var placed = false;
            for (var i = members.Count - 1; i >= 0 && i >= members.Count - 3; i--)
            {
                var shared = Math.Min(y1s[i], word.Y1) - Math.Max(y0s[i], word.Y0);
                if (shared >= overlap * Math.Min(y1s[i] - y0s[i], word.Height))
                {
                    members[i].Add(word);
                    y0s[i] = Math.Min(y0s[i], word.Y0);
                    y1s[i] = Math.Max(y1s[i], word.Y1);
                    placed = true;
                    break;
                }
            }
            if (placed) continue;
            members.Add([word]);
            y0s.Add(word.Y0);
            y1s.Add(word.Y1);
        }
        var lines = new List<LayoutLine>(members.Count);
        foreach (var line in members)
        {
            // stable by left edge, as before
            var sorted = line.Select((w, i) => (w, i)).ToArray();
            Array.Sort(sorted, (a, b) => a.w.X0 != b.w.X0 ? a.w.X0.CompareTo(b.w.X0) : a.i.CompareTo(b.i));
            lines.Add(new LayoutLine(page.Number, sorted.Select(x => x.w).ToArray()));
        }
        return lines;
    }
}
