using Pipeline.Samples;

namespace Pipeline.Samples.Tests;

/// <summary>The committed sample PDFs are exactly what the generator writes (regenerate with 'pipeline samples generate').</summary>
public class CommittedPdfsTests
{
    [Fact]
    public void The_sample_pdfs_are_the_plan_the_half_year_monitoring_and_the_year_report()
    {
        Assert.Equal([SampleGenerator.PlanPdf, SampleGenerator.FirstHalfPdf, SampleGenerator.ReportPdf], SampleGenerator.RenderPdfs().Select(p => p.FileName));
        // the half-year monitoring is also a workbook: same logical document, sent twice
        Assert.Equal(SampleGenerator.FirstHalfPdf, Path.ChangeExtension(SampleGenerator.FirstHalfXlsx, ".pdf"));
        Assert.Equal(SampleGenerator.RenderAll().Count + 3 + SampleGenerator.FeedFileNames.Count, SampleGenerator.DocumentCount);
    }

    [Fact]
    public void Committed_pdfs_match_the_generator_byte_for_byte()
    {
        foreach (var (name, bytes) in SampleGenerator.RenderPdfs())
        {
            var committed = File.ReadAllBytes(Path.Combine(RepositoryPaths.SampleData, name));
            Assert.True(bytes.AsSpan().SequenceEqual(committed), $"{name} is stale: run 'pipeline samples generate'");
            Assert.True(committed.AsSpan().StartsWith("%PDF-1.7"u8));
        }
        Assert.Equal(SampleGenerator.RenderPdfs().Select(p => p.Bytes), SampleGenerator.RenderPdfs().Select(p => p.Bytes));
    }
}
