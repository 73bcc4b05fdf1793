using Entraide.App.Infrastructure.Http;
using Entraide.App.Trust;
using Entraide.App.Trust.Tokens;
using Microsoft.AspNetCore.Antiforgery;

namespace Entraide.App.Infrastructure.Security;

/// <summary>
/// Browsers send the session cookie with any request to Entraide, whatever page made it. An API call
/// that changes something (any method but GET, HEAD, OPTIONS, TRACE) made with the session cookie must
/// therefore come from Entraide's own pages: its <c>Origin</c> (or, without one, its <c>Referer</c>) is
/// Entraide's, or it carries the anti-forgery token in <c>X-CSRF-TOKEN</c>. A request with neither is
/// refused (403). API tokens (<c>Authorization: Bearer</c>) are not sent by browsers on their own and
/// are not concerned.
/// </summary>
internal sealed class CrossSiteWrites(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string Code = "cross-site-request";

    // Not async: a request passing through costs no state machine of its own.
    public Task InvokeAsync(HttpContext http)
    {
        if (!HttpPaths.IsApi(http) || IsSafe(http.Request.Method) || !WithSessionCookie(http) || FromOwnPages(http.Request)) return next(http);
        return WithTokenAsync(http);
    }

    private async Task WithTokenAsync(HttpContext http)
    {
        if (http.Request.Headers.ContainsKey(EntraideAntiforgery.HeaderName) && await antiforgery.IsRequestValidAsync(http))
        {
            await next(http);
            return;
        }
        await ProblemResponses.WriteAsync(http, StatusCodes.Status403Forbidden, Code, http.RequestAborted);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    // Signed in through the sign-in pages (the cookie), not with an API token.
    private static bool WithSessionCookie(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true } identity && identity.AuthenticationType != ApiTokenHandler.SchemeName;

    /// <summary>Whether the request says it comes from a page of this very origin (scheme, host and port, as the proxy forwarded them).</summary>
    internal static bool FromOwnPages(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            // No Origin (an older browser): the Referer tells the page; neither is refused.
            var referer = request.Headers.Referer.ToString();
            return referer.Length > 0 && SameOrigin(request, referer);
        }
        return SameOrigin(request, origin);
    }

    private static bool SameOrigin(HttpRequest request, string address)
    {
        // "null" (a sandboxed frame, a redirect across sites) and anything unparsable are foreign.
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !request.Host.HasValue) return false;
        if (!string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        if (!string.Equals(HostName(uri.IdnHost), HostName(request.Host.Host), StringComparison.OrdinalIgnoreCase)) return false;
        var port = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return uri.Port == port;
    }

    private static string HostName(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
}

/// <summary>The anti-forgery settings the pages and <see cref="CrossSiteWrites"/> share.</summary>
public static class EntraideAntiforgery
{
    public const string CookieName = "entraide.csrf";
    public const string HeaderName = "X-CSRF-TOKEN";
}
