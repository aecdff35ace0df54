using Pipeline.Extraction.Pdf;

namespace Pipeline.Corpus.Tests.Variants;

/// <summary>The variant PDFs themselves are sound: every word of the seed's tables is in the text layer, in order.</summary>
public sealed class VariantRenderingTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-variants-");

    public void Dispose() => _dir.Delete(recursive: true);

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var document in new[] { "000", "002", "003" })
            foreach (var style in LayoutVariants.Styles.Keys)
                data.Add(document, style);
        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Every_table_cell_of_the_seed_is_readable_in_the_variant(string document, string style)
    {
        var path = LayoutVariants.Render(document, style, _dir.FullName);
        var layout = PdfLayout.From(new PdfPigTextLayer().Read(path));
        var words = layout.Lines.SelectMany(l => l.Words).Select(w => Squash(w.Text)).ToHashSet(StringComparer.Ordinal);
        var seed = File.ReadAllText(Directory.GetFiles(SharedFolder.File("seeds"), document + "_*.txt").Single());
        var cells = seed.Split('\n').Where(l => l.Contains('\t')).SelectMany(l => l.Split('\t'))
            .Select(c => c.Replace("**", "").Trim()).Where(c => c.Length is > 3 and < 40 && !c.Contains('≥') && !c.Contains('≤')).Distinct().ToList();
        // a wrapped cell's lines interleave with its neighbours' in reading order: check its words, not its run
        var missing = cells.Where(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Squash).Any(w => w.Length > 0 && !words.Contains(w))).ToList();
        Assert.True(missing.Count <= cells.Count / 50, $"{missing.Count} of {cells.Count} cells not found, e.g. {string.Join(" | ", missing.Take(5))}");
        if (style == "courier-landscape-no-borders") Assert.True(layout.Text.Pages[0].IsLandscape);
    }

    private static string Squash(string s) => string.Concat(s.Where(char.IsLetterOrDigit));
}
