using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Web.Access;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Pages;

/// <summary>Camera / anno: the objective tree of a chamber in one period (403 outside the user's scope).</summary>
public sealed class CameraModel(ChamberYear chamberYear) : PageModel
{
    public ChamberYearView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? period, CancellationToken ct)
    {
        View = await chamberYear.LoadAsync(User.ScopeOf(), code.ToUpperInvariant(), period, ct);
        return View is null ? NotFound() : Page();
    }
}
