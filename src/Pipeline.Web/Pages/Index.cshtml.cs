using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Web.Access;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Pages;

/// <summary>Regione: every chamber of the user's scope at a glance.</summary>
public sealed class IndexModel(RegionOverview overview, WebSettings settings) : PageModel
{
    public IReadOnlyList<ChamberOverview> Chambers { get; private set; } = [];
    public TimeZoneInfo Zone => settings.Zone;

    public async Task OnGetAsync(CancellationToken ct) => Chambers = await overview.ListAsync(User.ScopeOf(), ct);
}
