using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Network.Pages;

/// <summary>The signed-in user's way into the module: their State's profile, verification messages, or the secretariat's rounds.</summary>
public sealed class NetworkModel(ICurrentActor current) : PageModel
{
    public IActionResult OnGet()
    {
        var actor = current.Current;
        if (actor.IsSecretariat) return Redirect("/verification/rounds");
        if (actor.Has(Roles.PointOfContact) && !actor.Has(Roles.StateAdministrator)) return Redirect("/verification");
        if (actor.StateCode is { } state) return Redirect($"/states/{state}/profile");
        return Redirect("/register");
    }
}
