using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Trust.Pages;

/// <summary>
/// Signing out changes the account's security stamp, which every request checks: the session's cookie,
/// and any copy of it, no longer opens anything (nor do the account's other sessions).
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<EntraideUser> signIn, UserManager<EntraideUser> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
