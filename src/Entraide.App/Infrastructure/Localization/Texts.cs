using Entraide.Domain.Common;
using Microsoft.AspNetCore.Localization;

namespace Entraide.App.Infrastructure.Localization;

/// <summary>Messages of problem details and validation errors (<c>ErrorText.*.resx</c>).</summary>
public sealed class ErrorText;

/// <summary>
/// Remembers the language a user picks: <c>?lang=fr</c> sets the culture cookie; a signed-in user's
/// preferred language sets it when there is none yet.
/// </summary>
internal sealed class CultureCookie(RequestDelegate next)
{
    public const string Name = "entraide.lang";

    public Task InvokeAsync(HttpContext http)
    {
        var asked = Languages.Normalise(http.Request.Query["lang"]);
        if (http.Request.Query.ContainsKey("lang") && asked is null && Http.HttpPaths.IsApi(http))
        {
            return Http.ProblemResponses.WriteAsync(http, StatusCodes.Status400BadRequest, "unsupported-language", http.RequestAborted);
        }
        if (asked is not null && !Http.HttpPaths.IsApi(http)) Remember(http, asked);
        return next(http);
    }

    public static void Remember(HttpContext http, string language) =>
        http.Response.Cookies.Append(Name, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    /// <summary>The language of the current request, one of the six.</summary>
    public static string Current => Languages.Normalise(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? Languages.Default;
}
