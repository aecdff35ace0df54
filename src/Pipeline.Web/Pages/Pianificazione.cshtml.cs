using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pipeline.Jobs.Scheduling;
using Pipeline.Web.Access;
using Pipeline.Web.Queries;

namespace Pipeline.Web.Pages;

/// <summary>Pianificazione: the scheduler's jobs, nodes, retries and failures; "run now" for administrators (POST).</summary>
public sealed class PianificazioneModel(SchedulerBoard board, WebSettings settings) : PageModel
{
    public SchedulerView? View { get; private set; }
    public TimeZoneInfo Zone => settings.Zone;
    public bool IsAdmin => User.IsAdmin();
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await board.LoadAsync(User.ScopeOf(), ct);

    public async Task<IActionResult> OnPostRunNowAsync(string job, CancellationToken ct)
    {
        // Razor Pages take no [Authorize] on a handler: the role is checked here, before anything is fired
        if (!User.IsAdmin()) return StatusCode(StatusCodes.Status403Forbidden);
        try
        {
            var fired = await board.RunNowAsync(User.ScopeOf(), job, User.Identity!.Name!, ct);
            Message = $"Avviati {fired.Count} job: {string.Join(", ", fired)}; li esegue il primo nodo dello scheduler libero.";
        }
        catch (JobNotFoundException ex)
        {
            Failed = true;
            Message = ex.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        await OnGetAsync(ct);
        return Page();
    }
}
