using System.Security.Claims;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Trust.Tokens;
using Entraide.Domain.Trust;

namespace Entraide.App.Trust.Accounts;

/// <summary>
/// An account whose roles touch cooperation requests reaches nothing but signing in, signing out and
/// setting up its authenticator until its session has proved the second factor (the <c>amr</c> claim
/// <c>mfa</c>, set by the code step of sign-in or by the enrolment that checked a code). Pages send it
/// to the set-up page; the API refuses it with 403.
/// </summary>
internal sealed class SecondFactorGate(RequestDelegate next)
{
    public const string SetupPath = "/account/two-factor";

    /// <summary>The claim Identity sets when a sign-in used two factors, and its value.</summary>
    public const string MethodClaim = "amr";
    public const string TwoFactorMethod = "mfa";

    // Exact paths: a page added under /account later is behind the gate unless it is named here.
    private static readonly string[] Open = ["/account/sign-in", "/account/sign-in/two-factor", "/account/sign-out", SetupPath];

    // Not async: a request passing through costs no state machine of its own.
    public Task InvokeAsync(HttpContext http)
    {
        if (!NeedsSecondFactor(http.User) || IsOpen(http.Request.Path)) return next(http);
        if (HttpPaths.IsApi(http))
            return ProblemResponses.WriteAsync(http, StatusCodes.Status403Forbidden, "two-factor-required", http.RequestAborted);
        http.Response.Redirect(SetupPath);
        return Task.CompletedTask;
    }

    /// <summary>An account's session (not an API token) holding a role that needs two factors, without having proved the second.</summary>
    internal static bool NeedsSecondFactor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.Identity.AuthenticationType != ApiTokenHandler.SchemeName
        && !user.HasClaim(MethodClaim, TwoFactorMethod)
        && user.FindAll(ClaimTypes.Role).Any(r => Roles.RequireTwoFactor.Contains(r.Value));

    internal static bool IsOpen(PathString path)
    {
        var p = (path.Value ?? "").TrimEnd('/');
        foreach (var open in Open)
            if (string.Equals(p, open, StringComparison.OrdinalIgnoreCase)) return true;
        // The error pages (re-executed for a status code) and the probes.
        return path.StartsWithSegments("/error") || path.StartsWithSegments("/health");
    }
}
