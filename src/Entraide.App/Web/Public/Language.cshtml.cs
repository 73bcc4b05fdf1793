using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Web.Public;

/// <summary>Remembers the language picked in the header: in a cookie, and on the account when signed in.</summary>
[AllowAnonymous]
public sealed class LanguageModel(UserManager<EntraideUser> users) : PageModel
{
    public IActionResult OnGet(string? returnUrl) => LocalRedirect(Url.SafeReturnUrl(returnUrl));

    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl)
    {
        var language = Languages.Normalise(lang) ?? Languages.Default;
        CultureCookie.Remember(HttpContext, language);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredLanguage != language)
        {
            user.PreferredLanguage = language;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.SafeReturnUrl(returnUrl));
    }
}
