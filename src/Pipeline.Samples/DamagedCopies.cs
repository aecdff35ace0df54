using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Pipeline.Samples;

/// <summary>
/// Damaged re-sends of good files, as a chamber's mail or upload produces them: a PDF with a few bits flipped in its
/// page content streams (it still opens; pages lose text or read garbled), a workbook with one of its sheets gone.
/// Deterministic: the same input and seed give the same bytes.
/// </summary>
public static partial class DamagedCopies
{
    /// <summary>
    /// The PDF with <paramref name="count"/> bits flipped inside the streams its pages draw (<c>/Contents</c>), at
    /// positions drawn from <paramref name="seed"/>; every length and offset stays valid, as in a copy damaged in transit.
    /// </summary>
    public static byte[] FlipContentBits(byte[] pdf, int count, int seed)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var spans = new List<(int Start, int End)>();
        foreach (var number in ContentsRef().Matches(text).Select(m => m.Groups[1].Value).Distinct())
        {
            var obj = Regex.Match(text, $@"(?<![0-9]){number} 0 obj\s*<<.*?>>\s*stream\r?\n", RegexOptions.Singleline);
            if (!obj.Success) continue;
            var end = text.IndexOf("endstream", obj.Index + obj.Length, StringComparison.Ordinal);
            // past the first bytes (a zlib header): the damage is in the data, not in how to read it
            if (end - (obj.Index + obj.Length) > 16) spans.Add((obj.Index + obj.Length + 2, end - 2));
        }
        if (spans.Count == 0) throw new ArgumentException("the PDF has no page content stream to damage", nameof(pdf));
        var damaged = (byte[])pdf.Clone();
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (start, end) = spans[random.Next(spans.Count)];
            damaged[random.Next(start, end)] ^= (byte)(1 << random.Next(8));
        }
        return damaged;
    }

    /// <summary>The .xlsx without its sheet <paramref name="sheetName"/>: the sheet's part, relationship, content type and entry in the workbook are gone.</summary>
    public static byte[] WithoutSheet(byte[] xlsx, string sheetName)
    {
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        XNamespace types = "http://schemas.openxmlformats.org/package/2006/content-types";
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var order = new List<string>();
        using (var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                using var m = new MemoryStream();
                s.CopyTo(m);
                entries[entry.FullName] = m.ToArray();
                order.Add(entry.FullName);
            }

        var workbook = XDocument.Parse(Encoding.UTF8.GetString(entries["xl/workbook.xml"]));
        var sheet = workbook.Descendants(main + "sheet").SingleOrDefault(s => (string?)s.Attribute("name") == sheetName)
            ?? throw new ArgumentException($"the workbook has no sheet '{sheetName}'", nameof(sheetName));
        var id = (string)sheet.Attribute(rel + "id")!;
        sheet.Remove();
        var rels = XDocument.Parse(Encoding.UTF8.GetString(entries["xl/_rels/workbook.xml.rels"]));
        var relationship = rels.Descendants(pkg + "Relationship").Single(r => (string?)r.Attribute("Id") == id);
        var part = "xl/" + (string)relationship.Attribute("Target")!;
        relationship.Remove();
        var contentTypes = XDocument.Parse(Encoding.UTF8.GetString(entries["[Content_Types].xml"]));
        contentTypes.Descendants(types + "Override").Where(o => (string?)o.Attribute("PartName") == "/" + part).Remove();
        entries["xl/workbook.xml"] = Xml(workbook);
        entries["xl/_rels/workbook.xml.rels"] = Xml(rels);
        entries["[Content_Types].xml"] = Xml(contentTypes);
        entries.Remove(part);

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in order.Where(entries.ContainsKey))
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2021, 7, 15, 9, 30, 0, TimeSpan.Zero);
                using var s = entry.Open();
                s.Write(entries[name]);
            }
        return output.ToArray();
    }

    private static byte[] Xml(XDocument document)
    {
        using var m = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(m, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            document.Save(writer);
        return m.ToArray();
    }

    [GeneratedRegex(@"/Contents\s+(\d+)\s+0\s+R")]
    private static partial Regex ContentsRef();
}
