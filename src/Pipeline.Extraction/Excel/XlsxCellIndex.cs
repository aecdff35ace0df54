using System.IO.Compression;
using System.Xml;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// Which cells of an .xlsx hold a value, per sheet in workbook order, found by streaming each sheet's XML: the real used
/// range, whatever the declared &lt;dimension&gt; says. A sheet is refused as soon as it passes the cell limit, before
/// any value is read.
/// </summary>
public static class XlsxCellIndex
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// Sheet name → (row → ascending columns holding a value: a &lt;v&gt; or inline string); null when the package's
    /// parts cannot be followed (the caller then reads without an index, within its visit budget). Keyed by name, not
    /// position, so a sheet the reader lists differently (a chart sheet) is never read with another sheet's index.
    /// </summary>
    /// <exception cref="SheetTooLargeException">A sheet with more than <paramref name="maxCells"/> values.</exception>
    /// <exception cref="SharedStringsTooLargeException">A shared-string table past <see cref="XlsxSharedStrings"/>' caps.</exception>
    public static Dictionary<string, Dictionary<int, int[]>>? Scan(Stream package, int maxCells)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException) { return null; }
        using (zip)
        {
            var workbookPath = Targets(zip, "_rels/.rels").Values.FirstOrDefault(t => t.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && t.Contains("workbook", StringComparison.OrdinalIgnoreCase))
                               ?? "xl/workbook.xml";
            var workbook = Entry(zip, workbookPath);
            if (workbook is null) return null;
            var slash = workbookPath.LastIndexOf('/');
            var folder = slash < 0 ? "" : workbookPath[..(slash + 1)];
            var rels = Targets(zip, $"{folder}_rels/{workbookPath[(slash + 1)..]}.rels", folder);

            var sheets = new List<(string Name, string? Path)>();
            using (var stream = workbook.Open())
            using (var xml = XmlReader.Create(stream, Settings))
            {
                while (xml.Read())
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet") continue;
                    var id = xml.GetAttribute("id", RelNs);
                    sheets.Add((xml.GetAttribute("name") ?? "", id is not null && rels.TryGetValue(id, out var path) ? path : null));
                }
            }

            var sharedStrings = rels.Values.FirstOrDefault(t => t.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase)) ?? $"{folder}sharedStrings.xml";
            if (Entry(zip, sharedStrings) is { } table) XlsxSharedStrings.Check(table);

            var result = new Dictionary<string, Dictionary<int, int[]>>(StringComparer.Ordinal);
            foreach (var (name, path) in sheets)
            {
                // A sheet that cannot be found is left out: the reader visits it within its budget.
                if (path is null || Entry(zip, path) is not { } entry) continue;
                result[name] = ScanSheet(entry, name, maxCells);
            }
            return result;
        }
    }

    internal static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, XmlResolver = null };

    private static Dictionary<int, int[]> ScanSheet(ZipArchiveEntry entry, string name, int maxCells)
    {
        var byRow = new Dictionary<int, List<int>>();
        var count = 0;
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, Settings);
        int row = -1, column = -1;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "row")
            {
                row = int.TryParse(xml.GetAttribute("r"), out var r) && r > 0 ? r - 1 : row + 1;
                column = -1;
            }
            else if (xml.LocalName == "c")
            {
                var (cellRow, cellColumn) = Parse(xml.GetAttribute("r")) ?? (Math.Max(row, 0), column + 1);
                column = cellColumn;
                if (xml.IsEmptyElement || !HasValue(xml)) continue;
                if (++count > maxCells) throw new SheetTooLargeException(name, maxCells);
                if (!byRow.TryGetValue(cellRow, out var columns)) byRow[cellRow] = columns = [];
                columns.Add(cellColumn);
            }
        }
        return byRow.ToDictionary(kv => kv.Key, kv => kv.Value.Distinct().Order().ToArray());
    }

    /// <summary>True when the &lt;c&gt; the reader stands on has a &lt;v&gt; or &lt;is&gt; child; leaves the reader at its end.</summary>
    private static bool HasValue(XmlReader xml)
    {
        var depth = xml.Depth;
        var found = false;
        while (xml.Read() && xml.Depth > depth)
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.LocalName is "v" or "is") found = true;
        return found;
    }

    /// <summary>"XFD1048576" → (1048575, 16383); null when not an A1 reference.</summary>
    internal static (int Row, int Column)? Parse(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        int i = 0, column = 0, row = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16384) return null;
        }
        if (i == 0 || i == reference.Length) return null;
        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i])) return null;
            row = row * 10 + (reference[i] - '0');
            if (row > 1_048_576) return null;
        }
        return row == 0 ? null : (row - 1, column - 1);
    }

    private static ZipArchiveEntry? Entry(ZipArchive zip, string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>Relationship id → part path inside the package, resolved against <paramref name="folder"/>.</summary>
    private static Dictionary<string, string> Targets(ZipArchive zip, string relsPath, string folder = "")
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Entry(zip, relsPath) is not { } entry) return targets;
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            if (xml.GetAttribute("Id") is not { } id || xml.GetAttribute("Target") is not { } target) continue;
            if (string.Equals(xml.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)) continue;
            targets[id] = Resolve(folder, target);
        }
        return targets;
    }

    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        var combined = target.StartsWith('/') ? target[1..] : folder + target;
        foreach (var part in combined.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
