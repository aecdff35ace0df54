using System.Text;

namespace Pipeline.Samples.Hostile;

/// <summary>
/// The half-year .xlsx with a part that inflates far beyond the package, written streaming into the compressed entry
/// (never held): a worksheet of 256 MB of whitespace, a worksheet of two million cells, a shared-string table of one
/// 256 MB string and one of two million strings.
/// </summary>
public static class ZipBombs
{
    private const string Sheet = "xl/worksheets/sheet1.xml";
    private const string SharedStrings = "xl/sharedStrings.xml";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const long Bomb = 256L * 1024 * 1024;

    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        var workbook = sources.First(s => s.Extension == ".xlsx");
        HostileFile Part(string kind, string suffix, string part, Action<Stream> write) =>
            new(HostileFile.Named("bombs", workbook.Name, suffix), kind, workbook.Name, output => ZipParts.WriteWithPart(workbook.Bytes, part, write, output));

        yield return Part(HostileKinds.ZipBomb, "sheet-of-256-mb-whitespace", Sheet, s => Xml(s, $"<worksheet xmlns=\"{Main}\"><sheetData>", Repeat(" ", Bomb), "</sheetData></worksheet>"));
        yield return Part(HostileKinds.ZipBomb, "sheet-of-2-million-cells", Sheet, s => Xml(s, $"<worksheet xmlns=\"{Main}\"><sheetData>",
            Enumerable.Range(1, 20_000).Select(r => $"<row r=\"{r}\">" + string.Concat(Enumerable.Range(0, 100).Select(c => $"<c r=\"{Column(c)}{r}\"><v>{c}</v></c>")) + "</row>"),
            "</sheetData></worksheet>"));
        yield return Part(HostileKinds.HugeSharedStrings, "one-string-of-256-mb", SharedStrings, s => Xml(s, $"<sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>",
            Repeat("Molise", Bomb / 6), "</t></si></sst>"));
        yield return Part(HostileKinds.HugeSharedStrings, "two-million-strings", SharedStrings, s => Xml(s, $"<sst xmlns=\"{Main}\" count=\"2000000\" uniqueCount=\"2000000\">",
            Enumerable.Range(0, 2_000_000).Select(i => $"<si><t>voce {i}</t></si>"), "</sst>"));
    }

    private static IEnumerable<string> Repeat(string text, long times)
    {
        var chunk = string.Concat(Enumerable.Repeat(text, 4096));
        for (long done = 0; done < times; done += 4096) yield return chunk;
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";

    private static void Xml(Stream output, string head, IEnumerable<string> body, string tail)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        writer.Write(head);
        foreach (var piece in body) writer.Write(piece);
        writer.Write(tail);
    }
}
