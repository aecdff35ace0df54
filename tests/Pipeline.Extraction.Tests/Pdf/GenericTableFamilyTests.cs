using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Pipeline.Samples;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf;

/// <summary>The generic family on the sample plan laid out in styles no family was written for.</summary>
public sealed class GenericTableFamilyTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-generic-");

    public void Dispose() => _dir.Delete(recursive: true);

    public static TheoryData<string> Styles => new() { "helvetica", "times-landscape", "courier-no-borders", "courier-landscape-no-borders", "narrow-with-footer" };

    private static PdfStyle Style(string name) => name switch
    {
        "times-landscape" => new PdfStyle { Font = "Times-Roman", FontSize = 10, Landscape = true },
        "courier-no-borders" => new PdfStyle { Font = "Courier", FontSize = 8, Borders = false },
        "courier-landscape-no-borders" => new PdfStyle { Font = "Courier", FontSize = 8, Landscape = true, Borders = false },
        "narrow-with-footer" => new PdfStyle { FontSize = 9, TableWidth = 0.6, RunningHeader = "CCIAA - documento di sintesi", PageNumbers = true },
        _ => new PdfStyle(),
    };

    [Theory]
    [MemberData(nameof(Styles))]
    public void Reads_every_kpi_with_target_actual_weight_and_objective(string style)
    {
        var plan = SampleRegion.Molise();
        var path = Path.Combine(_dir.FullName, $"monitoraggio-{style}.pdf");
        File.WriteAllBytes(path, SamplePdfs.FirstHalfMonitoring(plan, Style(style)));

        var doc = new PdfExtractor(families: [new GenericTableFamily()]).Extract(DocumentExtractors.Read(path));

        Assert.Equal("generic", doc.Document.Family);
        Assert.Equal("monitoraggio", doc.Document.DocType);
        Assert.Equal((2021, 2023), (doc.Document.PeriodFrom, doc.Document.PeriodTo));
        Assert.Contains("Molise", doc.Document.Chamber);
        var problems = new List<string>();
        foreach (var expected in plan.Kpis)
        {
            var kpi = doc.Kpis.FirstOrDefault(k => k.Name == expected.Name);
            if (kpi is null) { problems.Add($"missing KPI '{expected.Name}'"); continue; }
            var objective = doc.Objectives.FirstOrDefault(o => o.Id == kpi.Objective);
            if (objective?.Code != expected.ObjectiveCode) problems.Add($"{expected.Code}: objective {objective?.Code}");
            if (kpi.Weight != expected.Weight) problems.Add($"{expected.Code}: weight {kpi.Weight} vs {expected.Weight}");
            var target = kpi.Targets.SingleOrDefault();
            if (target is null || target.Period != "2021" || target.Value.Operator != expected.Target.Operator
                || target.Value.Number != expected.Target.Number || target.Value.Date != expected.Target.Date || target.Value.Flag != expected.Target.Flag)
                problems.Add($"{expected.Code}: target {target?.Period} {target?.Value.Operator} {target?.Value.Number}{target?.Value.Date}{target?.Value.Flag} vs {expected.Target.Raw}");
            var shown = SamplePdfs.Display(expected.ActualFor(SamplePeriods.FirstHalf2021));
            var actual = kpi.Actuals.SingleOrDefault();
            if (shown.Length == 0 ? actual is not null : actual?.Raw != shown || actual.Period != "2021-S1")
                problems.Add($"{expected.Code}: actual '{actual?.Raw}' ({actual?.Period}) vs '{shown}'");
            if (kpi.Source?.Page is null || kpi.Source.Bbox is not { Count: 4 }) problems.Add($"{expected.Code}: no page/bbox");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(plan.Kpis.Count, doc.Kpis.Count);
        var strategic = doc.Objectives.Where(o => o.Level == "strategic").Select(o => o.Code).ToList();
        Assert.Equal(plan.StrategicObjectives.Select(s => s.Code), strategic);
    }

    [Fact]
    public void A_header_alone_at_the_foot_of_a_page_keeps_its_columns_for_the_rows_on_the_next_page()
    {
        static IReadOnlyList<PdfTextLine> Row(double y, params string[] cells) =>
            cells.Select((text, i) => new PdfTextLine(new[] { 56d, 250, 420, 470 }[i], y, text)).ToList();
        var first = new List<PdfTextLine>
        {
            new(56, 60, "Camera di Commercio del Molise - Piano della Performance 2021-2023", 12),
            new(56, 700, "Obiettivo operativo OO.1.1 - Estendere l'uso degli strumenti digitali"),
        };
        first.AddRange(Row(780, "Indicatore", "Algoritmo", "Peso", "Target 2021"));
        var second = new List<PdfTextLine>();
        second.AddRange(Row(60, "Dispositivi rilasciati", "Numero di dispositivi", "40%", "Almeno 1.800"));
        // a wrapped cell, then the next row after a wider gap: more than a line's box (1.12 em in Liberation Sans) apart
        second.AddRange(Row(72, "alle imprese"));
        second.AddRange(Row(96, "Imprese con fascicolo", "Imprese / imprese attive", "60%", ">= 12%"));
        var path = Path.Combine(_dir.FullName, "orphan-header.pdf");
        File.WriteAllBytes(path, TextPages.Write([first, second]));

        var doc = new PdfExtractor(families: [new GenericTableFamily()]).Extract(DocumentExtractors.Read(path));

        Assert.Equal(["Dispositivi rilasciati alle imprese", "Imprese con fascicolo"], doc.Kpis.Select(k => k.Name));
        Assert.Equal([40m, 60m], doc.Kpis.Select(k => k.Weight));
        Assert.Equal([1800m, 12m], doc.Kpis.Select(k => k.Targets.Single().Value.Number));
        Assert.All(doc.Kpis, k => Assert.Equal("OO.1.1", doc.Objectives.Single(o => o.Id == k.Objective).Code));
    }

    [Fact]
    public void A_pdf_without_kpi_tables_is_not_recognised()
    {
        var path = Path.Combine(_dir.FullName, "prose.pdf");
        File.WriteAllBytes(path, BadPdfs.ManyPages(3));
        var ex = Assert.Throws<ExtractionException>(() => new PdfExtractor(families: [new GenericTableFamily()]).Extract(DocumentExtractors.Read(path)));
        Assert.Contains("no known document layout", ex.Message);
    }
}
