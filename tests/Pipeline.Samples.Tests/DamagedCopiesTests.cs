using System.IO.Compression;
using System.Text;

namespace Pipeline.Samples.Tests;

public sealed class DamagedCopiesTests
{
    private static byte[] Report() => SampleGenerator.RenderPdfs().Single(p => p.FileName == SampleGenerator.ReportPdf).Bytes;

    [Fact]
    public void Flipped_bits_are_deterministic_keep_the_length_and_stay_inside_the_page_streams()
    {
        var good = Report();
        var a = DamagedCopies.FlipContentBits(good, 10, seed: 1);
        Assert.Equal(a, DamagedCopies.FlipContentBits(good, 10, seed: 1));
        Assert.NotEqual(a, DamagedCopies.FlipContentBits(good, 10, seed: 2));
        Assert.Equal(good.Length, a.Length);
        var changed = Enumerable.Range(0, good.Length).Where(i => good[i] != a[i]).ToList();
        Assert.InRange(changed.Count, 1, 10);
        Assert.InRange(changed.Sum(i => System.Numerics.BitOperations.PopCount((uint)(good[i] ^ a[i]))), 1, 10);
        // every changed byte lies between a "stream" keyword and its "endstream"
        var text = Encoding.Latin1.GetString(good);
        Assert.All(changed, i => Assert.True(text.LastIndexOf("endstream", i, StringComparison.Ordinal) < text.LastIndexOf("stream\n", i, StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_a_sheet_the_workbook_lists_one_sheet_less_and_keeps_the_others()
    {
        var workbook = SampleGenerator.RenderAll().Single(w => w.FileName == SampleGenerator.FirstHalfXlsx).Bytes;
        var name = SampleRegion.Molise().StrategicObjectives[0].SheetName;
        var damaged = DamagedCopies.WithoutSheet(workbook, name);
        string Part(byte[] xlsx, string part)
        {
            using var zip = new ZipArchive(new MemoryStream(xlsx));
            using var reader = new StreamReader(zip.GetEntry(part)!.Open());
            return reader.ReadToEnd();
        }
        Assert.Contains(name, Part(workbook, "xl/workbook.xml"));
        Assert.DoesNotContain(name, Part(damaged, "xl/workbook.xml"));
        Assert.Contains(SampleRegion.Molise().StrategicObjectives[1].SheetName, Part(damaged, "xl/workbook.xml"));
        using var zip = new ZipArchive(new MemoryStream(damaged));
        Assert.Equal(new ZipArchive(new MemoryStream(workbook)).Entries.Count - 1, zip.Entries.Count);
        Assert.Equal(damaged, DamagedCopies.WithoutSheet(workbook, name));
        Assert.Throws<ArgumentException>(() => DamagedCopies.WithoutSheet(workbook, "no such sheet"));
    }
}
