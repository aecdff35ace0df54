using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Warehouse.Runs;
using Pipeline.Web.Access;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Pages;

/// <summary>Esecuzioni: the latest runs of the chambers in scope, with status, counts, duration and error.</summary>
public sealed class EsecuzioniModel(RunList runs, WebSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Camera { get; set; }

    public IReadOnlyList<EtlRunRow> Runs { get; private set; } = [];
    public TimeZoneInfo Zone => settings.Zone;

    public async Task OnGetAsync(CancellationToken ct) =>
        Runs = await runs.ListAsync(User.ScopeOf(), string.IsNullOrWhiteSpace(Camera) ? null : Camera.Trim().ToUpperInvariant(), ct);
}
