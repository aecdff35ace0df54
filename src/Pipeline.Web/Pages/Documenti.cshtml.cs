using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Jobs.Review;
using Pipeline.Warehouse.Review;
using Pipeline.Web.Access;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Pages;

/// <summary>Documenti: every version of every logical document in scope; an administrator accepts or rejects a held one (POST).</summary>
public sealed class DocumentiModel(DocumentList documents, WebSettings settings) : PageModel
{
    public IReadOnlyList<DocumentVersion> Versions { get; private set; } = [];
    public TimeZoneInfo Zone => settings.Zone;
    public bool IsAdmin => User.IsAdmin();
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Camera { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Versions = await documents.ListAsync(User.ScopeOf(), string.IsNullOrWhiteSpace(Camera) ? null : Camera.Trim().ToUpperInvariant(), ct);

    /// <summary>The decision on a held version: administrators only, with the antiforgery token; the pipeline review rules.</summary>
    public async Task<IActionResult> OnPostDecideAsync(long id, string decision, CancellationToken ct)
    {
        // Razor Pages take no [Authorize] on a handler: the role is checked here, before anything is read
        if (!User.IsAdmin()) return StatusCode(StatusCodes.Status403Forbidden);
        if (decision is not ("accept" or "reject")) return BadRequest();
        try
        {
            var outcome = await HeldVersionDecision.DecideAsync(settings.Dialect, settings.ConfigDirectory, id, decision == "accept", User.Identity!.Name!, ct);
            var v = outcome.Decision.Version;
            Message = decision == "accept"
                ? $"{v.FileName} (documento {v.DocumentId}) accettato: ora è la versione corrente; grado ricalcolato per {outcome.PeriodsRecomputed} periodi."
                : $"{v.FileName} (documento {v.DocumentId}) respinto: resta nello storico, mai corrente.";
        }
        catch (ReviewException ex)
        {
            Failed = true;
            Message = ex.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        await OnGetAsync(ct);
        return Page();
    }
}
