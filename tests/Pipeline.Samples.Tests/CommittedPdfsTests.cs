using Pipeline.Samples;

namespace Pipeline.Samples.Tests;

/// <summary>The committed sample PDFs are exactly what the generator writes (regenerate with 'pipeline samples generate').</summary>
public class CommittedPdfsTests
{
    [Fact]
    public void Committed_pdfs_match_the_generator_byte_for_byte()
    {
        foreach (var (name, bytes) in SampleGenerator.RenderPdfs())
        {
            var committed = File.ReadAllBytes(Path.Combine(RepositoryPaths.SampleData, name));
            Assert.True(bytes.AsSpan().SequenceEqual(committed), $"{name} is stale: run 'pipeline samples generate'");
            Assert.True(committed.AsSpan().StartsWith("%PDF-1.4"u8));
        }
        Assert.Equal(SampleGenerator.RenderPdfs().Select(p => p.Bytes), SampleGenerator.RenderPdfs().Select(p => p.Bytes));
    }
}
