namespace Pipeline.Samples.Feeds;

/// <summary>
/// The sample registry feeds of the Molise chamber, with fixed seeds: a Priamo practice export over 2021–2022 and an
/// InfoCamere company list at 31/12/2022 (the same bytes on every run), and a large practice file for benchmarks
/// written straight to disk.
/// </summary>
public static class FeedFiles
{
    /// <summary>Suggested file name of <see cref="SamplePractices"/>.</summary>
    public const string SamplePracticesFileName = "pratiche-registro-imprese-2021-2022.csv";

    /// <summary>Suggested file name of <see cref="SampleCompanies"/>.</summary>
    public const string SampleCompaniesFileName = "elenco-imprese-2022-12-31.csv";

    /// <summary>Rows of <see cref="SamplePractices"/>.</summary>
    public const int SamplePracticeCount = 200_000;

    /// <summary>Seed of <see cref="SamplePractices"/> (also the years of <see cref="WritePractices"/>: 2021–2022).</summary>
    public const int SamplePracticeSeed = 20_210_101;

    public const int SamplePracticeFirstYear = 2021;
    public const int SamplePracticeYears = 2;

    /// <summary>Rows of <see cref="SampleCompanies"/>.</summary>
    public const int SampleCompanyCount = 60_000;

    /// <summary>Seed of <see cref="SampleCompanies"/>.</summary>
    public const int SampleCompanySeed = 20_221_231;

    /// <summary>The list date of <see cref="SampleCompanies"/>: 31/12/2022.</summary>
    public static DateOnly SampleCompanyListDate { get; } = new(2022, 12, 31);

    /// <summary>The rows of <see cref="SamplePractices"/>, lazily.</summary>
    public static IEnumerable<Pipeline.Core.Feeds.PracticeRow> SamplePracticeRows() =>
        PracticeFeed.Rows(SamplePracticeCount, SamplePracticeSeed, SamplePracticeFirstYear, SamplePracticeYears);

    /// <summary>The rows of <see cref="SampleCompanies"/>, lazily.</summary>
    public static IEnumerable<Pipeline.Core.Feeds.CompanyRow> SampleCompanyRows() =>
        CompanyFeed.Rows(SampleCompanyCount, SampleCompanySeed, SampleCompanyListDate);

    /// <summary>200,000 practices registered in 2021–2022, in the <see cref="FeedCsvStyle.Priamo"/> style.</summary>
    public static byte[] SamplePractices()
    {
        using var buffer = new MemoryStream();
        PracticeFeed.Write(buffer, SamplePracticeRows(), FeedCsvStyle.Priamo);
        return buffer.ToArray();
    }

    /// <summary>60,000 companies listed at 31/12/2022, in the <see cref="FeedCsvStyle.InfoCamere"/> style.</summary>
    public static byte[] SampleCompanies()
    {
        using var buffer = new MemoryStream();
        CompanyFeed.Write(buffer, SampleCompanyRows(), FeedCsvStyle.InfoCamere);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes <paramref name="rows"/> practices registered in 2021–2022 with <paramref name="seed"/> to
    /// <paramref name="path"/> in the <see cref="FeedCsvStyle.Priamo"/> style, streaming: memory stays flat whatever
    /// the count (1,000,000 rows make a file of about 76 MB). The folder is created; an existing file is replaced.
    /// </summary>
    public static void WritePractices(string path, int rows, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var practices = PracticeFeed.Rows(rows, seed, SamplePracticeFirstYear, SamplePracticeYears);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        PracticeFeed.Write(file, practices, FeedCsvStyle.Priamo);
    }
}
