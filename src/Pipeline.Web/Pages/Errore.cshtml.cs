using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pipeline.Web.Pages;

/// <summary>What the user sees for a status without a page of its own (403, 404, 500): one line in Italian, the status kept.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErroreModel : PageModel
{
    public string Title { get; private set; } = "Errore";
    public string Text { get; private set; } = "";

    public void OnGet(int? codice) => Describe(codice);

    public void OnPost(int? codice) => Describe(codice);

    private void Describe(int? codice)
    {
        (Title, Text) = codice switch
        {
            401 => ("Accesso richiesto", "Accedi per vedere questa pagina."),
            403 => ("Accesso negato", "Il tuo profilo non consente di vedere questi dati."),
            404 => ("Pagina non trovata", "La pagina o il dato richiesto non esiste."),
            400 => ("Richiesta non valida", "La richiesta non è valida (modulo scaduto? ricarica la pagina)."),
            _ => ("Errore", "Si è verificato un errore; è stato registrato nel log."),
        };
    }
}
