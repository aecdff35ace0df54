using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Extraction;
using Pipeline.Extraction.Excel;
using Pipeline.Warehouse.Queries;
using Pipeline.Web.Access;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Pages;

/// <summary>The rows of a feed value on one page of the source view.</summary>
public sealed record FeedPage(FeedComputation Computation, string Parameters, bool IsShare, IReadOnlyList<string> Columns, FeedRowFilter Filter,
    long Counted, long Matching, int Page, int PageCount, IReadOnlyList<CountedFeedRow> Rows);

/// <summary>
/// Fonte: where one value was read. A PDF value: page, box and text, and the container the PDF viewer renders the
/// page into; a workbook value: the sheet around the cell; a feed value: the rows it counted, paged and filterable.
/// </summary>
public sealed class FonteModel(SourceView sources, OriginalFiles originals, IWebHostEnvironment environment) : PageModel
{
    public const int RowsPerPage = 50;

    public SourceValue? Value { get; private set; }
    public SheetWindow? Window { get; private set; }
    public string? Unavailable { get; private set; }
    public FeedPage? Feed { get; private set; }

    /// <summary>A PDF value's page as the extractor saw it ("Pagina come letta"); null when the original is not available.</summary>
    public Pipeline.Web.Sources.PdfPageAsRead? PageAsRead { get; private set; }

    /// <summary>The PDF viewer's script is there (the viewer's build adds it).</summary>
    public bool HasPdfScript => environment.WebRootFileProvider.GetFileInfo("js/pdf-source.js").Exists;

    public async Task<IActionResult> OnGetAsync(long id, string? parte, string? cerca, int? pagina, CancellationToken ct)
    {
        var scope = User.ScopeOf();
        Value = await sources.LoadAsync(scope, id, ct);
        if (Value is null) return NotFound();
        if (Value.SourceKind == "cell") await ReadWindowAsync(scope, ct);
        if (Value is { SourceKind: "page", Page: { } page }) await ReadPageAsync(scope, page, ct);
        if (Value.SourceKind == "rows") Feed = await ReadFeedAsync(FeedRowFilter.Of(parte, cerca), Math.Max(1, pagina ?? 1), ct);
        return Page();
    }

    /// <summary>"?parte=…&amp;cerca=…&amp;pagina=N", each value escaped.</summary>
    public string Query(int page) =>
        $"?parte={Uri.EscapeDataString(Feed?.Filter.Part ?? "tutte")}&cerca={Uri.EscapeDataString(Feed?.Filter.Text ?? "")}&pagina={page}";

    private async Task ReadWindowAsync(Pipeline.Core.Access.ChamberScope scope, CancellationToken ct)
    {
        var original = await originals.ReadAllAsync(scope, Value!.OriginalSha256, ct);
        if (original is null || Value.Sheet is null || Value.Cell is null)
        {
            Unavailable = "Il file originale non è più disponibile: la griglia del foglio non può essere mostrata.";
            return;
        }
        try
        {
            Window = SheetWindow.Read(original, Value.Sheet, Value.Cell);
            Unavailable = Window is null ? $"Il foglio {Value.Sheet} non è nel file originale." : null;
        }
        catch (ExtractionException ex)
        {
            Unavailable = ex.Message;
        }
    }

    private async Task ReadPageAsync(Pipeline.Core.Access.ChamberScope scope, int page, CancellationToken ct)
    {
        var original = await originals.OpenAsync(scope, Value!.OriginalSha256, ct);
        if (original is null)
        {
            Unavailable = "Il file originale non è più disponibile: la pagina non può essere mostrata.";
            return;
        }
        await using var content = original.Content;
        try
        {
            PageAsRead = await Pipeline.Web.Sources.PdfPageAsRead.ReadAsync(content, page, Pipeline.Web.Sources.PdfPageAsRead.ParseBox(Value.Bbox), ct);
            Unavailable = PageAsRead is null ? $"Il documento originale non ha la pagina {page}." : null;
        }
        catch (ExtractionException ex)
        {
            Unavailable = ex.Message;
        }
    }

    private async Task<FeedPage?> ReadFeedAsync(FeedRowFilter filter, int page, CancellationToken ct)
    {
        if (FeedComputation.Parse(Value!.Detail) is not { } computation || FeedValueRows.MetricOf(computation) is not { } metric) return null;
        var rows = new List<CountedFeedRow>();
        long counted = 0, matching = 0;
        var first = (page - 1) * (long)RowsPerPage;
        await foreach (var row in sources.FeedRowsAsync(Value, FeedRowFilter.Of("tutte", null), ct))
        {
            counted++;
            if (!filter.Keeps(row)) continue;
            if (matching >= first && rows.Count < RowsPerPage) rows.Add(row);
            matching++;
        }
        var pages = (int)Math.Max(1, (matching + RowsPerPage - 1) / RowsPerPage);
        return new FeedPage(computation, FeedValueRows.CanonicalParameters(metric, computation), metric.IsShare, FeedValueRows.Columns(metric), filter,
            counted, matching, Math.Min(page, pages), pages, rows);
    }
}
