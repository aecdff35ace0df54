using NPOI.HSSF.Record;
using NPOI.HSSF.UserModel;

namespace Pipeline.Samples.Tests;

public class DeterminismTests
{
    [Fact]
    public void Generating_twice_gives_the_same_files_with_the_same_bytes()
    {
        using var first = new TempDir();
        using var second = new TempDir();
        var a = SampleGenerator.Generate(first.Path);
        var b = SampleGenerator.Generate(second.Path);

        var relativeA = a.Select(p => Path.GetRelativePath(first.Path, p)).ToList();
        var relativeB = b.Select(p => Path.GetRelativePath(second.Path, p)).ToList();
        Assert.Equal(relativeA, relativeB);
        Assert.Contains(Path.Combine("molise", "monitoraggio-2021-semestre1.xlsx"), relativeA);
        Assert.Contains(Path.Combine("molise", "monitoraggio-2021-consuntivo.xls"), relativeA);
        Assert.Contains(Path.Combine("molise", "piano-2021-2023.pdf"), relativeA);
        Assert.Contains(Path.Combine("molise", "monitoraggio-2021-semestre1.pdf"), relativeA);
        Assert.Contains(Path.Combine("molise", "relazione-2021.pdf"), relativeA);
        Assert.Equal(SampleGenerator.DocumentCount + 1, relativeA.Count); // and the README
        foreach (var relative in relativeA)
            Assert.True(File.ReadAllBytes(Path.Combine(first.Path, relative)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(second.Path, relative))), $"{relative} differs between two runs");
    }

    /// <summary>
    /// The committed files were generated at another time, possibly by another user: equal bytes prove that no clock
    /// or machine detail leaks into them, and that sample-data/ is up to date (regenerate with
    /// `dotnet run --project src/Pipeline.Cli -- samples generate` when the generator changes).
    /// </summary>
    [Fact]
    public void Committed_sample_data_is_what_the_generator_writes()
    {
        using var fresh = new TempDir();
        var generated = SampleGenerator.Generate(fresh.Path);
        foreach (var path in generated)
        {
            var relative = Path.GetRelativePath(fresh.Path, path);
            var committed = Path.Combine(RepositoryPaths.SampleData, relative);
            Assert.True(File.Exists(committed), $"sample-data/{relative} is missing: regenerate sample-data");
            Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(path)),
                $"sample-data/{relative} is stale: regenerate sample-data");
        }
    }

    [Fact]
    public void Xls_records_a_fixed_author_instead_of_the_machine_user()
    {
        var file = SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.YearLayout());
        var workbook = new HSSFWorkbook(new MemoryStream(file.Bytes));
        var names = workbook.Workbook.Records.OfType<WriteAccessRecord>().Select(r => r.Username.Trim()).ToList();
        Assert.Equal([XlsWriter.Author], names);
    }

    [Fact]
    public void Xlsx_entries_carry_the_fixed_timestamp()
    {
        var file = SampleGenerator.Render(SampleRegion.Molise(), SampleGenerator.FirstHalfLayout());
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file.Bytes));
        Assert.NotEmpty(zip.Entries);
        Assert.All(zip.Entries, e => Assert.Equal(XlsxWriter.EntryTimestamp.DateTime, e.LastWriteTime.DateTime));
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
    }

    [Fact]
    public void Bad_files_are_the_same_bytes_on_every_call()
    {
        Assert.Equal(BadFiles.CorruptXlsx(), BadFiles.CorruptXlsx());
        Assert.Equal(BadFiles.CsvRenamedAsXlsx(), BadFiles.CsvRenamedAsXlsx());
        Assert.Equal(BadFiles.HeaderNotFoundXlsx(), BadFiles.HeaderNotFoundXlsx());
        Assert.Equal(BadFiles.PasswordProtectedXlsx(), BadFiles.PasswordProtectedXlsx());
    }
}
