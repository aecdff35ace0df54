using Pipeline.Extraction;
using Pipeline.Extraction.Excel;
using Pipeline.Samples.Workbooks;
using Xunit.Abstractions;

namespace Pipeline.Corpus.Tests.Workbooks;

/// <summary>
/// Each ground truth (000, 002, 003) written as a workbook in each common layout, read back with the workbook
/// extractor and scored with score.py: KPI F1 ≥ 97, targets ≥ 95 (actuals ≥ 95 for 003, the only one scored on them).
/// Run: PIPELINE_SHARED=/work/shared dotnet test tests/Pipeline.Corpus.Tests --filter FullyQualifiedName~Workbooks
/// </summary>
public sealed class WorkbookLayoutScoreTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in new[] { "000", "002", "003" })
            foreach (var layout in WorkbookLayouts.All) data.Add(seed, layout.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Layout_reads_back_what_was_written(string seed, string layoutName)
    {
        var groundTruth = SharedFolder.File("corpus", "groundtruth", seed + ".json");
        var content = GroundTruthDocument.Load(groundTruth);
        var file = WorkbookLayouts.Write(content, WorkbookLayouts.Named(layoutName));
        var folder = Directory.CreateTempSubdirectory("pipeline-workbooks-");
        try
        {
            var path = Path.Combine(folder.FullName, seed + "-" + file.FileName);
            File.WriteAllBytes(path, file.Bytes);
            var extracted = new WorkbookExtractor().Extract(DocumentExtractors.Read(path));
            var score = CorpusScore.Score(groundTruth, extracted);
            output.WriteLine($"{seed} {layoutName}: {score.Summary}");
            foreach (var warning in extracted.Warnings.Take(10)) output.WriteLine("  warning: " + warning);

            Assert.True(score.F1 >= 0.97, $"{seed} {layoutName}: KPI F1 {score.F1:P1} < 97%: {score.Summary}");
            Assert.True(score.Targets is null || score.Targets >= 0.95, $"{seed} {layoutName}: targets {score.Targets:P1} < 95%: {score.Summary}");
            if (seed == "003")
                Assert.True(score.Actuals >= 0.95, $"{seed} {layoutName}: actuals {score.Actuals:P1} < 95%: {score.Summary}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
