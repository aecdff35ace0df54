using System.Diagnostics;
using System.Text.Json;
using Pipeline.Corpus.Tests.Variants;
using Pipeline.Extraction;
using Pipeline.Extraction.Json;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Xunit.Abstractions;

namespace Pipeline.Corpus.Tests.Pdf;

/// <summary>
/// The Integra piano family on corpus 002 (Lecce, Piano della Performance 2018-2020) and on the same seed
/// rendered in other layouts, scored by the shared score.py against groundtruth/002.json.
/// The floors are a ratchet at what the family reaches today; the issue's bar is 97 on KPI F1, objectives,
/// weights and targets.
/// </summary>
public sealed class IntegraPianoTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-integra-piano-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Corpus_002_is_read_as_an_integra_piano_and_scores_at_the_ratchet()
    {
        var document = new PdfExtractor().Extract(DocumentExtractors.Read(SharedFolder.File("corpus", "002.pdf")));

        Assert.Equal("integra-piano", document.Document.Family);
        Assert.Equal("piano", document.Document.DocType);
        Assert.Equal(2018, document.Document.PeriodFrom);
        Assert.Equal(2020, document.Document.PeriodTo);
        Assert.Equal(68, document.Objectives.Count);
        Assert.All(document.Kpis, k => Assert.Empty(k.Actuals));
        // "Tipologia KPI: x" goes to kpi_type, never stays in the name; "Stato" is the baseline ("---" = none)
        Assert.Equal(46, document.Kpis.Count(k => k.KpiType is not null));
        Assert.DoesNotContain(document.Kpis, k => k.Name.Contains("Tipologia", StringComparison.OrdinalIgnoreCase) || k.Name.Contains('<'));
        Assert.Equal(17, document.Kpis.Count(k => k.Baseline?.Value is not null));
        Assert.All(document.Kpis, k => Assert.All(k.Targets, t => Assert.Matches(@"^20(18|19|20)$", t.Period)));
        // programmes print no code; operational objectives hang from their strategic objective
        Assert.All(document.Objectives.Where(o => o.Level == "programme"), o => Assert.Null(o.Code));
        var byId = document.Objectives.ToDictionary(o => o.Id);
        Assert.All(document.Objectives.Where(o => o.Level == "operational"), o => Assert.Equal("strategic", byId[o.Parent!].Level));

        var m = Score(document);
        // reached 100 on every metric on 2026-11-22; the issue's bar is 97
        Assert.True(m["f1"] >= 1.0, $"f1 {m["f1"]}");
        Assert.True(m["objective_ok"] >= 1.0, $"objective {m["objective_ok"]}");
        Assert.True(m["weight"] >= 1.0, $"weight {m["weight"]}");
        Assert.True(m["targets"] >= 1.0, $"targets {m["targets"]}");
        Assert.True(m["algorithm"] >= 1.0, $"algorithm {m["algorithm"]}");
    }

    [Theory]
    [InlineData("000.pdf")]
    [InlineData("001.pdf")]
    [InlineData("003.pdf")]
    [InlineData("004.pdf")]
    public void Other_corpus_documents_are_not_recognised(string file)
    {
        var layout = PdfLayout.From(new PdfPigTextLayer().Read(SharedFolder.File("corpus", file)));
        var confidence = new IntegraPianoFamily().Recognise(layout);
        output.WriteLine($"{file}: {confidence:0.###}");
        Assert.True(confidence < 0.5, $"{file}: {confidence}");
    }

    [Fact]
    public void Corpus_002_is_recognised()
    {
        var layout = PdfLayout.From(new PdfPigTextLayer().Read(SharedFolder.File("corpus", "002.pdf")));
        var confidence = new IntegraPianoFamily().Recognise(layout);
        output.WriteLine($"002.pdf: {confidence:0.###}");
        Assert.True(confidence >= 0.9, $"002.pdf: {confidence}");
    }

    public static TheoryData<string, double> Variants() => new()
    {
        // floors reached per style (the issue's bar is 97)
        { "times-10", 1.0 },
        { "courier-landscape-no-borders", 1.0 },
        { "running-header-footer", 1.0 },
        { "narrow-columns", 1.0 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_seed_in_other_layouts_scores_at_the_ratchet(string style, double floor)
    {
        var path = LayoutVariants.Render("002", style, _dir.FullName);
        if (Environment.GetEnvironmentVariable("INTEGRA_PIANO_KEEP") is { Length: > 0 } keep) File.Copy(path, Path.Combine(keep, Path.GetFileName(path)), overwrite: true);
        var document = new PdfExtractor().Extract(DocumentExtractors.Read(path));

        Assert.Equal("integra-piano", document.Document.Family);
        var m = Score(document);
        foreach (var metric in new[] { "f1", "objective_ok", "weight", "targets" })
            Assert.True(m[metric] >= floor, $"{style}: {metric} {m[metric]} below {floor}");
    }

    public static TheoryData<string, double> HarsherStyles() => new()
    {
        // beyond the shared variants: tighter columns, other fonts and sizes; floors reached (the bar is 97)
        { "helvetica-7-narrow-0.45", 1.0 },
        { "courier-11-portrait-no-borders", 1.0 },
        { "times-8-landscape-narrow-0.55", 1.0 },
    };

    [Theory]
    [MemberData(nameof(HarsherStyles))]
    public void The_seed_in_harsher_layouts_scores_at_the_ratchet(string style, double floor)
    {
        var parts = style.Split('-');
        var pdfStyle = new Pipeline.Samples.Pdf.PdfStyle
        {
            Font = parts[0] switch { "courier" => "Courier", "times" => "Times-Roman", _ => "Helvetica" },
            FontSize = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
            Landscape = parts.Contains("landscape"),
            Borders = !style.Contains("no-borders", StringComparison.Ordinal),
            TableWidth = parts.Contains("narrow") ? double.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture) : 1.0,
        };
        var seed = Directory.GetFiles(SharedFolder.File("seeds"), "002_*.txt").Single();
        var path = Path.Combine(_dir.FullName, $"002-{style}.pdf");
        File.WriteAllBytes(path, new Pipeline.Samples.Pdf.TextDocumentRenderer(pdfStyle).Render(SeedDocument.Parse(File.ReadAllText(seed))));
        if (Environment.GetEnvironmentVariable("INTEGRA_PIANO_KEEP") is { Length: > 0 } keep) File.Copy(path, Path.Combine(keep, Path.GetFileName(path)), overwrite: true);
        var document = new PdfExtractor().Extract(DocumentExtractors.Read(path));

        Assert.Equal("integra-piano", document.Document.Family);
        var m = Score(document);
        foreach (var metric in new[] { "f1", "objective_ok", "weight", "targets" })
            Assert.True(m[metric] >= floor, $"{style}: {metric} {m[metric]} below {floor}");
    }

    private Dictionary<string, double> Score(Pipeline.Core.Extraction.ExtractedDocument document)
    {
        var output = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(output, ExtractionJson.Serialize(document));
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SharedFolder.File("tools", "score.py"));
        start.ArgumentList.Add(SharedFolder.File("corpus", "groundtruth", "002.json"));
        start.ArgumentList.Add(output);
        start.ArgumentList.Add("--json");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        var keep = Environment.GetEnvironmentVariable("INTEGRA_PIANO_KEEP");
        if (!string.IsNullOrEmpty(keep)) File.Copy(output, Path.Combine(keep, Path.GetFileName(output)), overwrite: true);
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }
}
