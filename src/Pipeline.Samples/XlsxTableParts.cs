using System.Xml;

namespace Pipeline.Samples;

/// <summary>The parts of an .xlsx that hold an Excel table (ListObject): the sheet's relationship to it and the table itself.</summary>
public static partial class XlsxWriter
{
    private static byte[] SheetRels(int tableNumber) => Xml(w =>
    {
        w.WriteStartElement("Relationships", PackageRelNs);
        Relationship(w, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table", $"../tables/table{tableNumber}.xml");
        w.WriteEndElement();
    });

    /// <summary>An Excel table (ListObject): range, autofilter, one column per header cell, a built-in style.</summary>
    private static byte[] TableXml(RenderedSheet sheet, SheetTable table, int id) => Xml(w =>
    {
        var range = table.Range.ToA1();
        w.WriteStartElement("table", MainNs);
        w.WriteAttributeString("id", Num(id));
        w.WriteAttributeString("name", table.Name);
        w.WriteAttributeString("displayName", table.Name);
        w.WriteAttributeString("ref", range);
        w.WriteAttributeString("totalsRowShown", "0");
        w.WriteStartElement("autoFilter", MainNs);
        w.WriteAttributeString("ref", range);
        w.WriteEndElement();
        var count = table.Range.ToColumn - table.Range.FromColumn + 1;
        w.WriteStartElement("tableColumns", MainNs);
        w.WriteAttributeString("count", Num(count));
        for (var c = 0; c < count; c++)
        {
            var header = sheet.CellAt(table.Range.FromRow, table.Range.FromColumn + c)?.Value as string ?? $"Colonna{c + 1}";
            w.WriteStartElement("tableColumn", MainNs);
            w.WriteAttributeString("id", Num(c + 1));
            w.WriteAttributeString("name", header);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("tableStyleInfo", MainNs);
        w.WriteAttributeString("name", "TableStyleMedium2");
        w.WriteAttributeString("showFirstColumn", "0");
        w.WriteAttributeString("showLastColumn", "0");
        w.WriteAttributeString("showRowStripes", "1");
        w.WriteAttributeString("showColumnStripes", "0");
        w.WriteEndElement();
        w.WriteEndElement();
    });
}
