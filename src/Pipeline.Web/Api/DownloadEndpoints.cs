using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Warehouse.Queries;
using Pipeline.Web.Access;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Api;

/// <summary>
/// Files: <c>/archive/{sha256}</c>, the archived original (403 unless a chamber that loaded it is in the user's
/// scope), and <c>/fonte/{id}/righe.csv</c>, the rows a feed value counted, as filtered on the source page.
/// </summary>
public static class DownloadEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/archive/{sha256}", async (string sha256, HttpContext http, OriginalFiles originals, CancellationToken ct) =>
            await originals.OpenAsync(http.User.ScopeOf(), sha256, ct) is { } file
                ? Results.Stream(file.Content, file.MediaType, file.FileName, enableRangeProcessing: true)
                : Results.NotFound()).RequireAuthorization();

        app.MapGet("/fonte/{id:long}/righe.csv", async (long id, string? parte, string? cerca, HttpContext http, SourceView sources, CancellationToken ct) =>
        {
            var value = await sources.LoadAsync(http.User.ScopeOf(), id, ct);
            if (value is null || FeedComputation.Parse(value.Detail) is not { } computation || FeedValueRows.MetricOf(computation) is not { } metric)
                return Results.NotFound();
            var filter = FeedRowFilter.Of(parte, cerca);
            return Results.Stream(async stream =>
            {
                // ';' and a byte order mark: what Excel opens as columns in an Italian locale; a field that starts as a formula is escaped
                await using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with
                {
                    Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture,
                }, true);
                foreach (var column in FeedValueRows.Columns(metric)) csv.WriteField(column);
                if (metric.IsShare) csv.WriteField("nel numeratore");
                await csv.EndRecordAsync(ct);
                await foreach (var row in sources.FeedRowsAsync(value, filter, ct))
                {
                    foreach (var field in row.Fields) csv.WriteField(field);
                    if (metric.IsShare) csv.WriteField(row.InNumerator == true ? "sì" : "no");
                    await csv.EndRecordAsync(ct);
                }
            }, "text/csv; charset=utf-8", $"righe-{value.LineageId}.csv");
        }).RequireAuthorization();
    }
}
