using Microsoft.AspNetCore.Mvc;

namespace Entraide.App.Web;

/// <summary>Where a page may send the browser back to after sign-in or a language change.</summary>
public static class LocalRedirects
{
    /// <summary>The return URL if it stays on this site, otherwise the home page (no open redirect).</summary>
    public static string SafeReturnUrl(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
