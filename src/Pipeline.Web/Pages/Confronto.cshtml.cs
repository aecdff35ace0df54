using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Web.Access;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Pages;

/// <summary>Confronto: the chambers of each region ranked on a standard indicator for a year (a GET form).</summary>
public sealed class ConfrontoModel(ComparisonView view) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Indicatore { get; set; }
    [BindProperty(SupportsGet = true)] public int? Anno { get; set; }

    public Comparison Comparison { get; private set; } = new([], [], null, null, null, null, null, []);

    public async Task OnGetAsync(CancellationToken ct) => Comparison = await view.LoadAsync(User.ScopeOf(), Indicatore, Anno, ct);
}
