using System.Text.RegularExpressions;
using Pipeline.Samples.Pdf;

namespace Pipeline.Corpus.Tests.Variants;

/// <summary>
/// Reads a seed text (markdown-like: "#" headings, "- " bullets, **bold**, table rows with tab-separated cells)
/// into blocks the PDF renderer lays out in other styles than the corpus PDFs.
/// </summary>
public static partial class SeedDocument
{
    public static IReadOnlyList<DocumentBlock> Parse(string text)
    {
        var blocks = new List<DocumentBlock>();
        List<IReadOnlyList<string>>? table = null;
        foreach (var raw in text.Replace("\r", "").Split('\n'))
        {
            var line = Bold().Replace(raw, "$1").TrimEnd();
            if (line.Contains('\t'))
            {
                table ??= [];
                table.Add(line.Split('\t').Select(c => c.Trim()).ToList());
                continue;
            }
            if (table is not null)
            {
                blocks.Add(new TableBlock(table));
                table = null;
            }
            if (line.Trim().Length == 0) continue;
            var heading = Heading().Match(line);
            blocks.Add(heading.Success ? new HeadingBlock(heading.Groups[2].Value, heading.Groups[1].Length) : new ParagraphBlock(line.Trim()));
        }
        if (table is not null) blocks.Add(new TableBlock(table));
        return blocks;
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();
}
