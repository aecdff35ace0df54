using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pipeline.Web.Pages;

/// <summary>Sign out: a POST with the antiforgery token (a GET changes nothing and goes back to the start).</summary>
public sealed class EsciModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect(Access.AuthenticationSetup.SignInPath);
    }
}
