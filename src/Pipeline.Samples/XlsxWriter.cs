using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Pipeline.Samples;

/// <summary>
/// A minimal SpreadsheetML (.xlsx) writer over <see cref="ZipArchive"/>: workbook, sheets, styles with number formats,
/// shared or inline strings, column widths, merged cells and Excel tables. Entries carry a fixed timestamp, so the same sheets
/// always give the same bytes.
/// </summary>
public static partial class XlsxWriter
{
    /// <summary>The timestamp written on every zip entry.</summary>
    public static readonly DateTimeOffset EntryTimestamp = new(2021, 7, 15, 9, 30, 0, TimeSpan.Zero);

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";

    private static readonly Dictionary<string, int> BuiltInFormats = new(StringComparer.Ordinal)
    {
        ["General"] = 0, ["0"] = 1, ["0.00"] = 2, ["#,##0"] = 3, ["#,##0.00"] = 4, ["0%"] = 9, ["0.00%"] = 10,
    };

    /// <summary>Writes the sheets; <paramref name="columnWidths"/> (in characters) apply to every sheet, may be empty.</summary>
    public static byte[] Write(IReadOnlyList<RenderedSheet> sheets, IReadOnlyList<double> columnWidths, XlsxStrings strings = XlsxStrings.Shared)
    {
        if (sheets.Count == 0) throw new ArgumentException("a workbook needs at least one sheet", nameof(sheets));
        var styles = new StyleTable();
        foreach (var cell in sheets.SelectMany(s => s.Cells)) styles.IndexOf(cell);
        var shared = new SharedStrings();

        var sheetXml = sheets.Select(s => SheetXml(s, columnWidths, styles, strings == XlsxStrings.Shared ? shared : null)).ToList();

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypes(sheets.Count, strings == XlsxStrings.Shared, sheets.Count(s => s.Table is not null)));
            Add(zip, "_rels/.rels", RootRels());
            Add(zip, "xl/workbook.xml", Workbook(sheets));
            Add(zip, "xl/_rels/workbook.xml.rels", WorkbookRels(sheets.Count, strings == XlsxStrings.Shared));
            Add(zip, "xl/styles.xml", styles.ToXml());
            if (strings == XlsxStrings.Shared) Add(zip, "xl/sharedStrings.xml", shared.ToXml());
            for (var i = 0; i < sheetXml.Count; i++) Add(zip, $"xl/worksheets/sheet{i + 1}.xml", sheetXml[i]);
            var tableNumber = 0;
            for (var i = 0; i < sheets.Count; i++)
            {
                if (sheets[i].Table is not { } table) continue;
                tableNumber++;
                Add(zip, $"xl/worksheets/_rels/sheet{i + 1}.xml.rels", SheetRels(tableNumber));
                Add(zip, $"xl/tables/table{tableNumber}.xml", TableXml(sheets[i], table, tableNumber));
            }
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        // Stored, not deflated: the bytes then do not depend on the zlib of the machine that generates them.
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        entry.LastWriteTime = EntryTimestamp;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static byte[] Xml(Action<XmlWriter> body)
    {
        using var ms = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.None };
        using (var w = XmlWriter.Create(ms, settings))
        {
            w.WriteStartDocument(standalone: true);
            body(w);
            w.WriteEndDocument();
        }
        return ms.ToArray();
    }

    private static byte[] ContentTypes(int sheetCount, bool sharedStrings, int tableCount) => Xml(w =>
    {
        w.WriteStartElement("Types", ContentTypesNs);
        Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, "xml", "application/xml");
        Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 1; i <= sheetCount; i++)
            Override(w, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        if (sharedStrings) Override(w, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        for (var i = 1; i <= tableCount; i++)
            Override(w, $"/xl/tables/table{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml");
        w.WriteEndElement();

        static void Default(XmlWriter w, string extension, string type)
        {
            w.WriteStartElement("Default", ContentTypesNs);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
        static void Override(XmlWriter w, string part, string type)
        {
            w.WriteStartElement("Override", ContentTypesNs);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    });

    private static byte[] RootRels() => Xml(w =>
    {
        w.WriteStartElement("Relationships", PackageRelNs);
        Relationship(w, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
        w.WriteEndElement();
    });

    private static byte[] WorkbookRels(int sheetCount, bool sharedStrings) => Xml(w =>
    {
        w.WriteStartElement("Relationships", PackageRelNs);
        for (var i = 1; i <= sheetCount; i++)
            Relationship(w, $"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
        Relationship(w, $"rId{sheetCount + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
        if (sharedStrings)
            Relationship(w, $"rId{sheetCount + 2}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings", "sharedStrings.xml");
        w.WriteEndElement();
    });

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRelNs);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private static byte[] Workbook(IReadOnlyList<RenderedSheet> sheets) => Xml(w =>
    {
        w.WriteStartElement("workbook", MainNs);
        w.WriteAttributeString("xmlns", "r", null, RelNs);
        w.WriteStartElement("sheets", MainNs);
        for (var i = 0; i < sheets.Count; i++)
        {
            w.WriteStartElement("sheet", MainNs);
            w.WriteAttributeString("name", sheets[i].Name);
            w.WriteAttributeString("sheetId", Num(i + 1));
            w.WriteAttributeString("id", RelNs, $"rId{i + 1}");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static byte[] SheetXml(RenderedSheet sheet, IReadOnlyList<double> columnWidths, StyleTable styles, SharedStrings? shared) => Xml(w =>
    {
        w.WriteStartElement("worksheet", MainNs);
        w.WriteAttributeString("xmlns", "r", null, RelNs);

        var maxRow = sheet.Cells.Count == 0 ? 0 : sheet.Cells.Max(c => c.Row);
        var maxColumn = sheet.Cells.Count == 0 ? 0 : sheet.Cells.Max(c => c.Column);
        foreach (var merge in sheet.Merges)
        {
            maxRow = Math.Max(maxRow, merge.ToRow);
            maxColumn = Math.Max(maxColumn, merge.ToColumn);
        }
        w.WriteStartElement("dimension", MainNs);
        w.WriteAttributeString("ref", $"A1:{CellRange.A1(maxRow, maxColumn)}");
        w.WriteEndElement();

        if (columnWidths.Count > 0 && sheet.HeaderRow is not null)
        {
            w.WriteStartElement("cols", MainNs);
            for (var c = 0; c < columnWidths.Count; c++)
            {
                w.WriteStartElement("col", MainNs);
                w.WriteAttributeString("min", Num(c + 1));
                w.WriteAttributeString("max", Num(c + 1));
                w.WriteAttributeString("width", columnWidths[c].ToString("0.##", CultureInfo.InvariantCulture));
                w.WriteAttributeString("customWidth", "1");
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        w.WriteStartElement("sheetData", MainNs);
        foreach (var row in sheet.Cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
        {
            w.WriteStartElement("row", MainNs);
            w.WriteAttributeString("r", Num(row.Key + 1));
            foreach (var cell in row.OrderBy(c => c.Column)) WriteCell(w, cell, styles, shared);
            w.WriteEndElement();
        }
        w.WriteEndElement();

        if (sheet.Merges.Count > 0)
        {
            w.WriteStartElement("mergeCells", MainNs);
            w.WriteAttributeString("count", Num(sheet.Merges.Count));
            foreach (var merge in sheet.Merges)
            {
                w.WriteStartElement("mergeCell", MainNs);
                w.WriteAttributeString("ref", merge.ToA1());
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        if (sheet.Table is not null)
        {
            w.WriteStartElement("tableParts", MainNs);
            w.WriteAttributeString("count", "1");
            w.WriteStartElement("tablePart", MainNs);
            w.WriteAttributeString("id", RelNs, "rId1");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

    private static void WriteCell(XmlWriter w, WrittenCell cell, StyleTable styles, SharedStrings? shared)
    {
        w.WriteStartElement("c", MainNs);
        w.WriteAttributeString("r", cell.Reference);
        var style = styles.IndexOf(cell);
        if (style != 0) w.WriteAttributeString("s", Num(style));
        switch (cell.Value)
        {
            case string text when shared is not null:
                w.WriteAttributeString("t", "s");
                w.WriteElementString("v", MainNs, Num(shared.IndexOf(text)));
                break;
            case string text:
                w.WriteAttributeString("t", "inlineStr");
                w.WriteStartElement("is", MainNs);
                TextElement(w, text);
                w.WriteEndElement();
                break;
            case double number:
                w.WriteElementString("v", MainNs, number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case DateTime date:
                w.WriteElementString("v", MainNs, date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"cell {cell.Reference}: unsupported value type {cell.Value.GetType().Name}");
        }
        w.WriteEndElement();
    }

    private static void TextElement(XmlWriter w, string text)
    {
        w.WriteStartElement("t", MainNs);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal)))
            w.WriteAttributeString("xml", "space", null, "preserve");
        w.WriteString(text);
        w.WriteEndElement();
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];
        private int _uses;

        public int IndexOf(string text)
        {
            _uses++;
            if (_index.TryGetValue(text, out var i)) return i;
            _index[text] = _strings.Count;
            _strings.Add(text);
            return _strings.Count - 1;
        }

        public byte[] ToXml() => Xml(w =>
        {
            w.WriteStartElement("sst", MainNs);
            w.WriteAttributeString("count", Num(_uses));
            w.WriteAttributeString("uniqueCount", Num(_strings.Count));
            foreach (var s in _strings)
            {
                w.WriteStartElement("si", MainNs);
                TextElement(w, s);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    /// <summary>cellXfs: index 0 is the default; one more per distinct (number format, bold).</summary>
    private sealed class StyleTable
    {
        private readonly List<(string Format, bool Bold)> _xfs = [("General", false)];
        private readonly List<string> _customFormats = [];

        public int IndexOf(WrittenCell cell)
        {
            var key = (cell.NumberFormat, cell.Bold);
            var i = _xfs.IndexOf(key);
            if (i >= 0) return i;
            if (!BuiltInFormats.ContainsKey(cell.NumberFormat) && !_customFormats.Contains(cell.NumberFormat))
                _customFormats.Add(cell.NumberFormat);
            _xfs.Add(key);
            return _xfs.Count - 1;
        }

        private int FormatId(string format) =>
            BuiltInFormats.TryGetValue(format, out var id) ? id : 164 + _customFormats.IndexOf(format);

        public byte[] ToXml() => Xml(w =>
        {
            w.WriteStartElement("styleSheet", MainNs);
            if (_customFormats.Count > 0)
            {
                w.WriteStartElement("numFmts", MainNs);
                w.WriteAttributeString("count", Num(_customFormats.Count));
                foreach (var format in _customFormats)
                {
                    w.WriteStartElement("numFmt", MainNs);
                    w.WriteAttributeString("numFmtId", Num(FormatId(format)));
                    w.WriteAttributeString("formatCode", format);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }

            w.WriteStartElement("fonts", MainNs);
            w.WriteAttributeString("count", "2");
            Font(w, bold: false);
            Font(w, bold: true);
            w.WriteEndElement();

            w.WriteStartElement("fills", MainNs);
            w.WriteAttributeString("count", "2");
            foreach (var pattern in new[] { "none", "gray125" })
            {
                w.WriteStartElement("fill", MainNs);
                w.WriteStartElement("patternFill", MainNs);
                w.WriteAttributeString("patternType", pattern);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("borders", MainNs);
            w.WriteAttributeString("count", "1");
            w.WriteStartElement("border", MainNs);
            foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" }) w.WriteElementString(side, MainNs, null);
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("cellStyleXfs", MainNs);
            w.WriteAttributeString("count", "1");
            Xf(w, 0, 0, isStyle: true);
            w.WriteEndElement();

            w.WriteStartElement("cellXfs", MainNs);
            w.WriteAttributeString("count", Num(_xfs.Count));
            foreach (var (format, bold) in _xfs) Xf(w, FormatId(format), bold ? 1 : 0, isStyle: false);
            w.WriteEndElement();

            w.WriteStartElement("cellStyles", MainNs);
            w.WriteAttributeString("count", "1");
            w.WriteStartElement("cellStyle", MainNs);
            w.WriteAttributeString("name", "Normal");
            w.WriteAttributeString("xfId", "0");
            w.WriteAttributeString("builtinId", "0");
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteEndElement();
        });

        private static void Font(XmlWriter w, bool bold)
        {
            w.WriteStartElement("font", MainNs);
            if (bold) w.WriteElementString("b", MainNs, null);
            w.WriteStartElement("sz", MainNs);
            w.WriteAttributeString("val", "11");
            w.WriteEndElement();
            w.WriteStartElement("name", MainNs);
            w.WriteAttributeString("val", "Calibri");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        private static void Xf(XmlWriter w, int formatId, int fontId, bool isStyle)
        {
            w.WriteStartElement("xf", MainNs);
            w.WriteAttributeString("numFmtId", Num(formatId));
            w.WriteAttributeString("fontId", Num(fontId));
            w.WriteAttributeString("fillId", "0");
            w.WriteAttributeString("borderId", "0");
            if (!isStyle)
            {
                w.WriteAttributeString("xfId", "0");
                if (formatId != 0) w.WriteAttributeString("applyNumberFormat", "1");
                if (fontId != 0) w.WriteAttributeString("applyFont", "1");
            }
            w.WriteEndElement();
        }
    }
}
