using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using ExcelDataReader.Exceptions;
using NPOI.POIFS.FileSystem;
using Pipeline.Extraction;
using Pipeline.Extraction.Excel;

namespace Pipeline.Samples.Tests;

/// <summary>Each bad file fails in ExcelDataReader 3.6.0 the way its documentation says.</summary>
public class BadFilesTests
{
    [Fact]
    public void Corrupt_xlsx_is_a_truncated_zip_that_ExcelDataReader_rejects_with_InvalidDataException()
    {
        var bytes = BadFiles.CorruptXlsx();
        var whole = SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.FirstHalfLayout()).Bytes;
        Assert.Equal(whole.Length / 2, bytes.Length);
        Assert.True(whole.AsSpan().StartsWith(bytes), "a prefix of a real workbook");
        Assert.True(bytes.AsSpan().StartsWith("PK\u0003\u0004"u8), "still looks like a zip");
        var ex = Assert.Throws<InvalidDataException>(() => ExcelRead.All(bytes));
        Assert.Contains("Central Directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_renamed_as_xlsx_is_rejected_with_HeaderException()
    {
        var bytes = BadFiles.CsvRenamedAsXlsx();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("Codice obiettivo;Indicatore;", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), line => Assert.Equal(4, line.Count(c => c == ';')));
        Assert.Throws<HeaderException>(() => ExcelRead.All(bytes));
    }

    [Fact]
    public void Empty_file_is_rejected_with_HeaderException()
    {
        Assert.Empty(BadFiles.Empty());
        Assert.Throws<HeaderException>(() => ExcelRead.All(BadFiles.Empty()));
    }

    [Fact]
    public void Password_protected_xlsx_is_rejected_with_InvalidPasswordException()
    {
        var bytes = BadFiles.PasswordProtectedXlsx();
        Assert.Throws<InvalidPasswordException>(() => ExcelRead.All(bytes));
        Assert.Throws<InvalidPasswordException>(() => ExcelRead.All(bytes, password: "sbagliata"));
    }

    [Fact]
    public void Password_protected_xlsx_opens_with_its_password_so_the_encryption_is_real()
    {
        var original = SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.FirstHalfLayout());
        ReadBack.AssertExact(original with { Bytes = BadFiles.PasswordProtectedXlsx() }, BadFiles.Password);
    }

    [Fact]
    public void Password_protected_xlsx_is_a_compound_file_with_agile_encryption_info_as_excel_writes_it()
    {
        var fs = new POIFSFileSystem(new MemoryStream(BadFiles.PasswordProtectedXlsx()));
        var names = new List<string>();
        foreach (var entry in fs.Root) names.Add(entry.Name);
        Assert.Contains("EncryptionInfo", names);
        Assert.Contains("EncryptedPackage", names);
        Assert.Contains("\u0006DataSpaces", names);

        var info = ReadStream(fs, "EncryptionInfo");
        Assert.Equal(4, BitConverter.ToUInt16(info, 0));
        Assert.Equal(4, BitConverter.ToUInt16(info, 2));
        Assert.Equal(0x40u, BitConverter.ToUInt32(info, 4));
        var xml = XDocument.Parse(Encoding.UTF8.GetString(info, 8, info.Length - 8));
        XNamespace enc = "http://schemas.microsoft.com/office/2006/encryption";
        XNamespace pwd = "http://schemas.microsoft.com/office/2006/keyEncryptor/password";
        var keyData = xml.Root!.Element(enc + "keyData")!;
        Assert.Equal("AES", keyData.Attribute("cipherAlgorithm")!.Value);
        Assert.Equal("SHA512", keyData.Attribute("hashAlgorithm")!.Value);
        Assert.NotNull(xml.Root.Element(enc + "dataIntegrity"));
        var key = xml.Descendants(pwd + "encryptedKey").Single();
        Assert.Equal("100000", key.Attribute("spinCount")!.Value);
        Assert.Equal(32, Convert.FromBase64String(key.Attribute("encryptedKeyValue")!.Value).Length);

        var package = ReadStream(fs, "EncryptedPackage");
        var original = SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.FirstHalfLayout()).Bytes;
        Assert.Equal((ulong)original.Length, BitConverter.ToUInt64(package, 0));
        Assert.Equal(8 + (original.Length + 15) / 16 * 16, package.Length);
    }

    private static byte[] ReadStream(POIFSFileSystem fs, string name)
    {
        var entry = (DocumentEntry)fs.Root.GetEntry(name);
        var bytes = new byte[entry.Size];
        using var stream = fs.CreateDocumentInputStream(name);
        stream.ReadFully(bytes);
        return bytes;
    }

    [Fact]
    public void Header_not_found_xlsx_opens_fine_and_has_a_table_but_no_recognisable_header()
    {
        var bytes = BadFiles.HeaderNotFoundXlsx();
        using (var zip = new ZipArchive(new MemoryStream(bytes))) Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        var sheet = Assert.Single(ExcelRead.All(bytes));
        ReadBack.AssertSheet(BadFiles.HeaderNotFoundSheet(), sheet);
        Assert.True(sheet.Rows.Count(r => r.Count(v => v is not null) >= 3) >= 4, "a table with a header and data rows");

        var ex = Assert.Throws<ExtractionException>(() => new WorkbookExtractor().Extract(new InputFile("senza-intestazione.xlsx", bytes)));
        Assert.Contains("no KPI table", ex.Message, StringComparison.Ordinal);
    }
}
