using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Cooperation.Pages;

/// <summary>The print view: the formal document alone, ready for the browser's print or the PDF link.</summary>
[Authorize(Roles = Roles.Investigator + "," + Roles.CentralAuthority + "," + Roles.PointOfContact)]
public sealed class DocumentModel(RequestDocument documents) : PageModel
{
    public string Html { get; private set; } = "";

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Html = (await documents.RenderAsync(id, ct)).Html;
        // The document carries its own styles (the PDF printer loads nothing from outside): allow exactly those.
        ContentSecurity.AllowStylesOf(HttpContext, Html);
    }
}
