using Pipeline.Samples.Feeds;

namespace Pipeline.Samples.Hostile;

/// <summary>A good file the corpus damages: its file name and bytes.</summary>
public sealed record SampleSource(string Name, byte[] Bytes)
{
    public string Extension => Path.GetExtension(Name).ToLowerInvariant();
}

/// <summary>
/// The good files of the hostile corpus: the sample region's five documents (plan, half-year monitoring as PDF and
/// workbook, year workbook, Relazione) and small versions of its two registry feeds (a few thousand rows, same
/// columns, styles and names), so a test loads them in seconds.
/// </summary>
public static class HostileSources
{
    public const int PracticeRows = 3_000;
    public const int CompanyRows = 2_000;

    public static IReadOnlyList<SampleSource> All()
    {
        var files = new List<SampleSource>();
        foreach (var workbook in SampleGenerator.RenderAll()) files.Add(new SampleSource(Path.GetFileName(workbook.FileName), workbook.Bytes));
        foreach (var (name, bytes) in SampleGenerator.RenderPdfs()) files.Add(new SampleSource(Path.GetFileName(name), bytes));
        files.Add(new SampleSource(FeedFiles.SamplePracticesFileName, Practices()));
        files.Add(new SampleSource(FeedFiles.SampleCompaniesFileName, Companies()));
        return files;
    }

    private static byte[] Practices()
    {
        using var buffer = new MemoryStream();
        PracticeFeed.Write(buffer, PracticeFeed.Rows(PracticeRows, FeedFiles.SamplePracticeSeed, FeedFiles.SamplePracticeFirstYear, FeedFiles.SamplePracticeYears),
            FeedCsvStyle.Priamo);
        return buffer.ToArray();
    }

    private static byte[] Companies()
    {
        using var buffer = new MemoryStream();
        CompanyFeed.Write(buffer, CompanyFeed.Rows(CompanyRows, FeedFiles.SampleCompanySeed, FeedFiles.SampleCompanyListDate), FeedCsvStyle.InfoCamere);
        return buffer.ToArray();
    }
}
