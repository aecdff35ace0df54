using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Web.Access;
using Pipeline.Web.Pages;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Api;

/// <summary>
/// The JSON API (docs/web.md "API"): what each page shows, read through the same query classes with the same
/// scope, snake_case names as the CLI's <c>--json</c>; a chamber outside the user's scope is 403. Reads only (GET).
/// </summary>
public static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/regione", async (HttpContext http, RegionOverview overview, CancellationToken ct) =>
            Results.Json((await overview.ListAsync(http.User.ScopeOf(), ct)).Select(ApiShapes.Chamber)));

        api.MapGet("/camere/{code}/{period?}", async (string code, string? period, HttpContext http, ChamberYear chamberYear, CancellationToken ct) =>
            await chamberYear.LoadAsync(http.User.ScopeOf(), code.ToUpperInvariant(), period, ct) is { } view
                ? Results.Json(ApiShapes.Achievements(view))
                : Results.NotFound());

        api.MapGet("/kpi/{id:long}", async (long id, HttpContext http, KpiDetail detail, CancellationToken ct) =>
            await detail.LoadAsync(http.User.ScopeOf(), id, ct) is { } kpi ? Results.Json(ApiShapes.Trace(kpi)) : Results.NotFound());

        api.MapGet("/fonti/{id:long}", async (long id, HttpContext http, SourceView sources, CancellationToken ct) =>
            await sources.LoadAsync(http.User.ScopeOf(), id, ct) is { } value ? Results.Json(ApiShapes.Source(value)) : Results.NotFound());

        api.MapGet("/documenti", async (string? camera, HttpContext http, DocumentList documents, CancellationToken ct) =>
            Results.Json((await documents.ListAsync(http.User.ScopeOf(), Blank(camera)?.ToUpperInvariant(), ct)).Select(ApiShapes.Document)));

        api.MapGet("/allarmi", async (string? camera, string? stato, string? regola, string? gravita, string? periodo, HttpContext http, AlertList alerts, CancellationToken ct) =>
            Results.Json((await alerts.ListAsync(http.User.ScopeOf(), AllarmiModel.Filter(camera, stato, regola, gravita, periodo), ct)).Select(ApiShapes.Alert)));

        api.MapGet("/confronto", async (string? indicatore, int? anno, HttpContext http, ComparisonView view, CancellationToken ct) =>
            Results.Json(ApiShapes.Comparison(await view.LoadAsync(http.User.ScopeOf(), Blank(indicatore), anno, ct))));

        api.MapGet("/esecuzioni", async (string? camera, HttpContext http, RunList runs, CancellationToken ct) =>
            Results.Json((await runs.ListAsync(http.User.ScopeOf(), Blank(camera)?.ToUpperInvariant(), ct)).Select(ApiShapes.Run)));

        api.MapGet("/pianificazione", async (HttpContext http, SchedulerBoard board, CancellationToken ct) =>
            Results.Json(ApiShapes.Scheduler(await board.LoadAsync(http.User.ScopeOf(), ct))));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
