using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Pipeline.Extraction.Pdf.TextLayer;

/// <summary>
/// A page's words from PdfPig's default word extractor, each boxed by the union of its letters' loose glyph
/// rectangles (the default word box stops at the baseline), ligatures expanded, origin moved to the top-left corner.
/// </summary>
public static class WordBoxes
{
    public static List<PdfWord> Read(Page page)
    {
        var height = page.Height;
        var words = new List<PdfWord>();
        foreach (var word in page.GetWords())
        {
            if (string.IsNullOrWhiteSpace(Pipeline.Core.Text.PrintableText.Of(word.Text))) continue;
            var letters = word.Letters;
            if (OverlappingRuns.Split(letters) is { } runs)
            {
                foreach (var run in runs) words.Add(Box(string.Concat(run.Select(l => l.Value)), run, height));
            }
            else words.Add(Box(word.Text, letters, height));
        }
        return words;
    }

    private static PdfWord Box(string text, IReadOnlyList<Letter> letters, double height)
    {
        double left = double.MaxValue, right = double.MinValue, bottom = double.MaxValue, top = double.MinValue;
        foreach (var letter in letters)
        {
            var box = letter.GlyphRectangleLoose;
            Extend(box.BottomLeft, ref left, ref right, ref bottom, ref top);
            Extend(box.BottomRight, ref left, ref right, ref bottom, ref top);
            Extend(box.TopLeft, ref left, ref right, ref bottom, ref top);
            Extend(box.TopRight, ref left, ref right, ref bottom, ref top);
        }
        return new PdfWord(Pipeline.Core.Text.PrintableText.Of(Ligatures.Expand(text)), left, height - top, right, height - bottom);
    }

    private static void Extend(PdfPoint p, ref double left, ref double right, ref double bottom, ref double top)
    {
        if (p.X < left) left = p.X;
        if (p.X > right) right = p.X;
        if (p.Y < bottom) bottom = p.Y;
        if (p.Y > top) top = p.Y;
    }
}
