using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Warehouse.Queries;
using Pipeline.Web.Access;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Pages;

/// <summary>Allarmi: the alerts of the chambers in scope, with filters (a GET form: filtering changes nothing).</summary>
public sealed class AllarmiModel(AlertList alerts, WebSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Camera { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stato { get; set; }
    [BindProperty(SupportsGet = true)] public string? Regola { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gravita { get; set; }
    [BindProperty(SupportsGet = true)] public string? Periodo { get; set; }

    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];
    public TimeZoneInfo Zone => settings.Zone;

    public async Task OnGetAsync(CancellationToken ct) => Alerts = await alerts.ListAsync(User.ScopeOf(), Filter(Camera, Stato, Regola, Gravita, Periodo), ct);

    /// <summary>The filter of the page's (and the API's) query parameters; blanks are "any".</summary>
    public static AlertFilter Filter(string? camera, string? stato, string? regola, string? gravita, string? periodo)
    {
        static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return new AlertFilter(Given(camera)?.ToUpperInvariant(), stato != "tutti", Given(regola), Given(gravita), Given(periodo));
    }
}
