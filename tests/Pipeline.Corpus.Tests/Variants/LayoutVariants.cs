using Pipeline.Samples.Pdf;

namespace Pipeline.Corpus.Tests.Variants;

/// <summary>The same documents laid out differently: the "we will test on layouts you have not seen".</summary>
public static class LayoutVariants
{
    public static readonly IReadOnlyDictionary<string, PdfStyle> Styles = new Dictionary<string, PdfStyle>
    {
        ["times-10"] = new() { Font = "Times-Roman", FontSize = 10 },
        ["courier-landscape-no-borders"] = new() { Font = "Courier", FontSize = 8, Landscape = true, Borders = false },
        ["running-header-footer"] = new() { FontSize = 9, RunningHeader = "Documento di programmazione - copia conforme", PageNumbers = true },
        ["narrow-columns"] = new() { FontSize = 9, TableWidth = 0.62 },
    };

    /// <summary>Writes the seed document number <paramref name="document"/> in <paramref name="style"/>; returns the path.</summary>
    public static string Render(string document, string style, string directory)
    {
        var seed = Directory.GetFiles(SharedFolder.File("seeds"), document + "_*.txt").Single();
        var blocks = SeedDocument.Parse(File.ReadAllText(seed));
        var path = Path.Combine(directory, $"{document}-{style}.pdf");
        File.WriteAllBytes(path, new TextDocumentRenderer(Styles[style]).Render(blocks));
        return path;
    }
}
