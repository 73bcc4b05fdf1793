using Entraide.App.Infrastructure.Localization;
using Entraide.App.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Trust.Pages;

[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<EntraideUser> signIn) : PageModel
{
    public string? Error { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = Url.SafeReturnUrl(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Trust/Pages/SignIn");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        ReturnUrl = Url.SafeReturnUrl(returnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Trust/Pages/SignIn");
        var clean = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(clean, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            CultureCookie.Remember(HttpContext, user.PreferredLanguage);
            return LocalRedirect(ReturnUrl);
        }
        Error = result.IsLockedOut
            ? "This account is locked after too many failed attempts; try again in 15 minutes."
            : "This code is not right or has expired.";
        return Page();
    }
}
