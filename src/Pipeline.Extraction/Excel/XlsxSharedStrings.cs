using System.IO.Compression;
using System.Xml;

namespace Pipeline.Extraction.Excel;

/// <summary>A workbook refused for its size before it is read (a sheet's cells, the shared strings); the message is the one line to print.</summary>
public class WorkbookLimitException(string message) : Exception(message);

/// <summary>A shared-string table past the caps of <see cref="XlsxSharedStrings"/>.</summary>
public sealed class SharedStringsTooLargeException(string message) : WorkbookLimitException(message);

/// <summary>
/// The caps on an .xlsx's shared-string table (xl/sharedStrings.xml), checked by streaming it before ExcelDataReader,
/// which holds the whole table in memory, reads it: at most <see cref="MaxStrings"/> strings and
/// <see cref="MaxCharacters"/> characters in all (text is counted in chunks, never made into one string). A table past
/// either is a zip bomb or not a monitoring workbook (the samples have a few hundred strings); the workbook is refused
/// with one line.
/// </summary>
public static class XlsxSharedStrings
{
    /// <summary>Strings per table: one million (twice the cells a sheet may have).</summary>
    public const int MaxStrings = 1_000_000;

    /// <summary>Characters in all the table's strings: 32 Mi (64 MB of text in memory).</summary>
    public const long MaxCharacters = 32L * 1024 * 1024;

    /// <exception cref="SharedStringsTooLargeException">The table has more strings or characters than the caps.</exception>
    public static void Check(ZipArchiveEntry table)
    {
        using var stream = table.Open();
        using var xml = XmlReader.Create(stream, XlsxCellIndex.Settings);
        var buffer = new char[64 * 1024];
        long strings = 0, characters = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && ++strings > MaxStrings)
                throw new SharedStringsTooLargeException($"the shared-string table has more than {N(MaxStrings)} strings (the limit per workbook); not read");
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)) continue;
            int read;
            while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                if ((characters += read) > MaxCharacters)
                    throw new SharedStringsTooLargeException($"the shared strings hold more than {N(MaxCharacters)} characters (the limit per workbook); not read");
        }
    }

    private static string N(long value) => Pipeline.Core.Values.ItalianFormat.Number(value);
}
