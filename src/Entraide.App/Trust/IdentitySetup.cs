using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Entraide.App.Trust;

public static class IdentitySetup
{
    /// <summary>The scheme that picks the API token handler when a bearer token is sent, else the sign-in cookie.</summary>
    public const string Scheme = "Entraide";

    public static IServiceCollection AddEntraideIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<EntraideUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<EntraideDbContext>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider: a code is accepted once (Accounts/OneUseAuthenticator).
            .AddTokenProvider<Accounts.OneUseAuthenticator>(TokenOptions.DefaultAuthenticatorProvider)
            .AddSignInManager<Accounts.EntraideSignInManager>()
            .AddClaimsPrincipalFactory<EntraideClaimsFactory>();
        services.AddSingleton<Accounts.DummyPassword>();

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = configuration.GetValue("Entraide:PasswordHashIterations", 210_000));
        var idle = TimeSpan.FromMinutes(configuration.GetValue("Entraide:SessionIdleMinutes", 30));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "entraide.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized, "unauthenticated");
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden, "forbidden");
        });
        // The security stamp is checked on every request: signing out (which changes it) ends the session at
        // once, and so do a password change, a disabled account or a reset authenticator. A refreshed
        // cookie keeps how the session signed in (the "amr" claim that the two-factor gate reads).
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = Accounts.SessionClaims.KeepSignInMethod;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    private static Task ApiAware(
        Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx,
        int status, string code)
    {
        if (HttpPaths.IsApi(ctx.HttpContext)) return ProblemResponses.WriteAsync(ctx.HttpContext, status, code, ctx.HttpContext.RequestAborted);
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
