using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Entraide.App.Trust.Pages;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<EntraideUser> signIn, UserManager<EntraideUser> users) : PageModel
{
    public string? Error { get; private set; }
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Url.SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = Url.SafeReturnUrl(returnUrl);
        Email = email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your e-mail and password.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("/Trust/Pages/SignInTwoFactor", new { returnUrl = ReturnUrl });
        if (result.IsLockedOut)
        {
            Error = "This account is locked after too many failed attempts; try again in 15 minutes.";
            return Page();
        }
        if (!result.Succeeded)
        {
            Error = "The e-mail or password is not right.";
            return Page();
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not null) CultureCookie.Remember(HttpContext, user.PreferredLanguage);
        return LocalRedirect(ReturnUrl);
    }
}
