using System.Text;
using Pipeline.Samples.Feeds;

namespace Pipeline.Samples.Tests.Feeds;

public class FeedFilesTests
{
    [Fact]
    public void The_sample_practices_are_the_same_bytes_on_every_call()
    {
        var first = FeedFiles.SamplePractices();
        var second = FeedFiles.SamplePractices();
        Assert.Equal(FeedCsv.Sha256(first), FeedCsv.Sha256(second));

        var text = FeedCsv.Windows1252.GetString(first);
        Assert.StartsWith("Protocollo;Data protocollo;Data evasione;Stato;Adempimento;Giorni sospensione;Ufficio;Camera\r\nRI/2021/", text);
        Assert.Equal(FeedFiles.SamplePracticeCount + 1, CountLines(first));
        Assert.Contains("\r\nRI/2022/", text);
        Assert.Matches(@"\r\nRI/2021/\d{6};\d{2}/\d{2}/2021 \d{2}:\d{2};", text[..2_000]);
    }

    [Fact]
    public void The_sample_companies_are_the_same_bytes_on_every_call()
    {
        var first = FeedFiles.SampleCompanies();
        var second = FeedFiles.SampleCompanies();
        Assert.Equal(FeedCsv.Sha256(first), FeedCsv.Sha256(second));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, first[..3]);
        var text = new UTF8Encoding(false, true).GetString(first, 3, first.Length - 3);
        Assert.StartsWith("Provincia;Numero REA;Codice fiscale;Denominazione;", text);
        Assert.Equal(FeedFiles.SampleCompanyCount + 1, CountLines(first));
        Assert.Contains("Caffè d'Italia", text);
    }

    [Fact]
    public void Write_practices_streams_the_feed_to_a_file()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "bench", "pratiche.csv");
        FeedFiles.WritePractices(path, 20_000, 99);

        using var expected = new MemoryStream();
        PracticeFeed.Write(expected, PracticeFeed.Rows(20_000, 99, 2021, 2), FeedCsvStyle.Priamo);
        Assert.Equal(FeedCsv.Sha256(expected.ToArray()), FeedCsv.Sha256(File.ReadAllBytes(path)));

        FeedFiles.WritePractices(path, 10, 99); // replaces the file
        Assert.Equal(11, CountLines(File.ReadAllBytes(path)));
    }

    private static int CountLines(byte[] bytes)
    {
        var lines = 0;
        for (var i = 1; i < bytes.Length; i++)
            if (bytes[i] == '\n' && bytes[i - 1] == '\r') lines++;
        Assert.Equal((byte)'\n', bytes[^1]);
        return lines;
    }
}
