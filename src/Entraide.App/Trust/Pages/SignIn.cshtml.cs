using System.Globalization;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust.Accounts;
using Entraide.App.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Trust.Pages;

[AllowAnonymous]
public sealed class SignInModel(SignInWithPasswordHandler handler) : PageModel
{
    /// <summary>One text for an unknown address, a wrong password and an account refused from this address.</summary>
    public const string Refused =
        "The e-mail address or the password is not right. After five failed attempts, sign-in from this address pauses for 15 minutes.";
    public const string Paused = "Too many failed sign-in attempts. Try again in {0} s.";

    public string? Error { get; private set; }
    public int? RetryAfterSeconds { get; private set; }
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Url.SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = Url.SafeReturnUrl(returnUrl);
        Email = email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your e-mail and password.";
            return Page();
        }
        var answer = await handler.HandleAsync(new SignInWithPassword(email, password), ct);
        switch (answer.Outcome)
        {
            case SignInOutcome.SecondFactor:
                return RedirectToPage("/Trust/Pages/SignInTwoFactor", new { returnUrl = ReturnUrl });
            case SignInOutcome.SignedIn:
                CultureCookie.Remember(HttpContext, answer.Language ?? "en");
                return LocalRedirect(ReturnUrl);
            case SignInOutcome.Paused:
                RetryAfterSeconds = (int)Math.Ceiling(answer.RetryAfter.TotalSeconds);
                Response.Headers.RetryAfter = RetryAfterSeconds.Value.ToString(CultureInfo.InvariantCulture);
                Error = Paused;
                return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
            default:
                Error = Refused;
                return Page();
        }
    }
}
