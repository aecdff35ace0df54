using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Extraction.Pdf;
using Pipeline.Extraction.Pdf.Families;
using Pipeline.Extraction.Tests.Pdf.Kit;
using Pipeline.Samples.Pdf;

namespace Pipeline.Extraction.Tests.Pdf.General;

/// <summary>
/// The general reader on layouts no family knows, each printed in the kit's styles: key/value objective cards above
/// KPI tables with a two-level header ("Target" over the years), and a narrative report with numbered objective
/// headings, reordered columns and target cells holding every year. Tables run across pages.
/// </summary>
public sealed class GeneralReaderTests
{
    private static readonly (string Code, string Level, string Title, string? Parent)[] Objectives =
    [
        ("A", "Area strategica", "Competitività delle imprese", null),
        ("A.1", "Obiettivo strategico", "Digitalizzazione dei servizi camerali", "A"),
        ("A.1.1", "Obiettivo operativo", "Diffusione degli strumenti digitali", "A.1"),
        ("A.1.2", "Obiettivo operativo", "Semplificazione delle pratiche del registro", "A.1"),
    ];

    /// <summary>Per operational objective, its KPIs: name, weight and the target of each year 2021–2023.</summary>
    private static IEnumerable<(string Objective, string Name, int Weight, int[] Targets)> Kpis(int perObjective = 9) =>
        from o in new[] { "A.1.1", "A.1.2" }
        from k in Enumerable.Range(1, perObjective)
        select (o, $"Indicatore {o} numero {k} delle imprese coinvolte nelle iniziative di digitalizzazione", 10 + k, new[] { 50 + k, 60 + k, 70 + k });

    private static IReadOnlyList<DocumentBlock> Cards(int perObjective = 9)
    {
        var blocks = new List<DocumentBlock> { new HeadingBlock("Camera di Commercio di Foggia - Piano della Performance 2021-2023", 1) };
        foreach (var (code, level, title, parent) in Objectives)
        {
            blocks.Add(new HeadingBlock($"Scheda {code}", 2));
            blocks.Add(new TableBlock([["Codice", code], ["Livello", level], ["Obiettivo", title], ["Obiettivo padre", parent ?? "-"]]));
            var rows = Kpis(perObjective).Where(k => k.Objective == code)
                .Select(k => (IReadOnlyList<string>)[k.Name, k.Weight + "%", .. k.Targets.Select(t => ">= " + t)]).ToList();
            if (rows.Count == 0) continue;
            blocks.Add(new TableBlock([["Indicatore", "Peso", "Target", "", ""], ["", "", "2021", "2022", "2023"], .. rows]));
        }
        return blocks;
    }

    private static IReadOnlyList<DocumentBlock> Narrative(int perObjective = 9)
    {
        var blocks = new List<DocumentBlock> { new HeadingBlock("Camera di Commercio di Foggia - Piano della Performance 2021-2023", 1) };
        foreach (var (code, level, title, _) in Objectives)
        {
            blocks.Add(new HeadingBlock($"{level} {code} – {title}", 2));
            blocks.Add(new ParagraphBlock("L'obiettivo accompagna le imprese del territorio nella transizione digitale, in coerenza con il programma pluriennale."));
            var rows = Kpis(perObjective).Where(k => k.Objective == code)
                .Select(k => (IReadOnlyList<string>)[string.Join(" – ", k.Targets.Select((t, y) => $"{2021 + y}: ≥ {t}")), k.Name, "n.", "Rilevazione interna", k.Weight + "%"]).ToList();
            if (rows.Count > 0) blocks.Add(new TableBlock([["Target", "Indicatore", "Unità di misura", "Fonte", "Peso"], .. rows]));
        }
        return blocks;
    }

    /// <summary>A flat register: one row per KPI, its objective path in three columns (area, strategic, operational), a column per year.</summary>
    private static IReadOnlyList<DocumentBlock> Register()
    {
        string Named(string code) => $"{code} {Objectives.First(o => o.Code == code).Title}";
        var rows = Kpis().Select(k => (IReadOnlyList<string>)
            [Named("A"), Named(k.Objective[..3]), Named(k.Objective), k.Name, k.Weight + "%", .. k.Targets.Select(t => ">= " + t)]).ToList();
        return
        [
            new HeadingBlock("Camera di Commercio di Foggia - Registro degli indicatori 2021-2023", 1),
            new TableBlock([["Area strategica", "Obiettivo strategico", "Obiettivo", "Indicatore", "Peso", "2021", "2022", "2023"], .. rows]),
        ];
    }

    /// <remarks>
    /// Not here, known limits (docs/pdf.md): key/value cards with neither rules nor padding between their rows in loose
    /// leading or monospace type (the rows of a column merge into one cell), and monospace tables whose cells are set
    /// a space apart (a cell's last line glues to its neighbour's).
    /// </remarks>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var style in new[] { "top-borders", "middle-plain", "middle-rules-times", "middle-header-footer" }) data.Add("cards", style);
        foreach (var style in new[] { "top-borders", "middle-plain", "bottom-plain-loose", "middle-rules-times", "middle-header-footer" }) data.Add("narrative", style);
        foreach (var style in new[] { "top-borders", "bottom-borders", "middle-rules-times" }) data.Add("register", style);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_every_objective_kpi_weight_and_yearly_target(string layout, string style) =>
        AssertReadsEverything(Extract(layout switch { "cards" => Cards(), "register" => Register(), _ => Narrative() }, SyntheticPdf.Style(style), out _));

    /// <summary>
    /// A register's objective path in columns of their own gives the whole tree: area, strategic and operational
    /// objectives, each under its parent. (A lone capital letter before a title is no code: "A Competitività …" could
    /// as well be a sentence, so the area keeps it in its title.)
    /// </summary>
    [Theory]
    [InlineData("top-borders")]
    [InlineData("middle-rules-times")]
    public void A_register_gives_the_objective_tree_from_its_path_columns(string style)
    {
        var doc = Extract(Register(), SyntheticPdf.Style(style), out _);
        var byId = doc.Objectives.ToDictionary(o => o.Id);
        ExtractedObjective Find(string code) => Assert.Single(doc.Objectives, o => o.Code == code || o.Title.StartsWith(code + " ", StringComparison.Ordinal));
        foreach (var (code, _, title, parent) in Objectives)
        {
            var objective = Find(code);
            Assert.EndsWith(title, objective.Title);
            Assert.Equal(parent is null ? null : Find(parent).Id, objective.Parent);
        }
        Assert.Equal(Objectives.Length, doc.Objectives.Count);
    }

    /// <summary>
    /// Rows broken by a page break, as word processors print them by default: the lines of each cell that fit stay at
    /// the bottom of the page and the rest of every cell goes on at the top of the next one, after the running header
    /// and, when the table repeats it, its header row. The two parts are one KPI, whatever each part holds.
    /// </summary>
    [Theory]
    [InlineData("top-borders", false)]
    [InlineData("top-borders", true)]
    [InlineData("middle-plain", false)]
    [InlineData("middle-header-footer", true)]
    [InlineData("bottom-plain-loose", false)]
    [InlineData("middle-rules-times", true)]
    public void Joins_a_row_broken_across_a_page(string style, bool repeatHeader)
    {
        var doc = Extract(Narrative(perObjective: 30), SyntheticPdf.Style(style) with { SplitRowsAcrossPages = true, RepeatHeaderRow = repeatHeader }, out var splits);
        Assert.True(splits > 0, "some rows should be broken across pages");
        AssertReadsEverything(doc, perObjective: 30);
    }

    /// <summary>
    /// A heading set in larger type at the top of a page, right after a table that ended at the bottom of the page
    /// before, is no part of the table's last row; a two-level header whose second level went on to the next page is
    /// one header (tables of 1 to 24 rows, so some end or start right at a page break).
    /// </summary>
    [Theory]
    [InlineData("top-borders")]
    [InlineData("middle-plain")]
    [InlineData("middle-header-footer")]
    public void A_page_break_right_after_a_table_or_inside_its_header_changes_nothing(string style)
    {
        for (var n = 1; n <= 24; n++)
        {
            try
            {
                AssertReadsEverything(Extract(Cards(n), SyntheticPdf.Style(style) with { SplitRowsAcrossPages = true }, out _), n, acrossPages: false);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{n} KPIs per objective: {e.Message}", e);
            }
        }
    }

    private static ExtractedDocument Extract(IReadOnlyList<DocumentBlock> blocks, PdfStyle style, out int splitRows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-general-{Guid.NewGuid():N}.pdf");
        var renderer = new TextDocumentRenderer(style);
        File.WriteAllBytes(path, renderer.Render(blocks));
        splitRows = renderer.SplitRows;
        try
        {
            return new PdfExtractor(families: [new GenericTableFamily()]).Extract(DocumentExtractors.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertReadsEverything(ExtractedDocument doc, int perObjective = 9, bool acrossPages = true)
    {
        Assert.True(!acrossPages || doc.Document.Pages > 1, "the tables should run across pages");
        Assert.Equal((2021, 2023), (doc.Document.PeriodFrom, doc.Document.PeriodTo));
        var objectives = doc.Objectives.ToDictionary(o => o.Id);
        foreach (var (code, _, title, parent) in Objectives.Where(o => o.Code.Count(c => c == '.') == 2))
        {
            var objective = Assert.Single(doc.Objectives, o => o.Code == code);
            Assert.Equal("operational", objective.Level);
            Assert.Equal(title, objective.Title);
            Assert.Equal(parent, objective.Parent is { } p ? objectives[p].Code : null);
        }
        var expected = Kpis(perObjective).ToList();
        Assert.Equal(expected.Select(k => k.Name), doc.Kpis.Select(k => k.Name));
        foreach (var (kpi, want) in doc.Kpis.Zip(expected))
        {
            Assert.Equal(want.Objective, objectives[kpi.Objective!].Code);
            Assert.Equal(want.Weight, kpi.Weight);
            Assert.Equal(want.Targets.Select((t, y) => ((2021 + y).ToString(CultureInfo.InvariantCulture), (decimal)t)),
                kpi.Targets.Select(t => (t.Period, t.Value.Number ?? -1)));
        }
    }
}
