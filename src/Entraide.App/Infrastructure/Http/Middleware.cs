using System.Security.Claims;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Trust;
using Entraide.Domain.Trust;

namespace Entraide.App.Infrastructure.Http;

public static class HttpPaths
{
    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");
}

/// <summary>Headers that keep browsers from framing, sniffing or leaking: on every response.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Csp = ContentSecurity.Policy;

    // The API reference page runs its own bundled scripts and styles inline.
    private const string ReferenceCsp =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        var h = http.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api/reference") ? ReferenceCsp : Csp;
        if (HttpPaths.IsApi(http)) h.CacheControl = "no-store";
        return next(http);
    }
}

/// <summary>JSON bodies larger than 1 MiB are refused before they are read (documents travel as attachments).</summary>
internal sealed class JsonBodyLimit(RequestDelegate next)
{
    public const long MaxJsonBytes = 1024 * 1024;

    // Not async: a request passing through costs no state machine of its own.
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (http.Request.ContentLength > MaxJsonBytes)
                return ProblemResponses.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "payload-too-large", http.RequestAborted);
            var feature = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = MaxJsonBytes;
        }
        return next(http);
    }
}
