using System.Globalization;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Localization;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Infrastructure.ScaleOut;
using Entraide.App.Infrastructure.Security;
using Entraide.App.Infrastructure.Telemetry;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace Entraide.App.Infrastructure.Hosting;

/// <summary>Builds and starts the Entraide web host; the tests and the CLI build it the same way.</summary>
public static class EntraideHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        StartupTrace.Mark("entry");
        var demo = args.Contains("--demo");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args.Where(a => a != "--demo")],
            ContentRootPath = AppContext.BaseDirectory,
            // Pages and endpoints live in this assembly whoever hosts it (the server, the CLI, tests).
            ApplicationName = typeof(EntraideHost).Assembly.GetName().Name,
        });
        if (demo) builder.Configuration["Entraide:Demo"] = "true";
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 50 * 1024 * 1024;
        });
        // Failing checks are logged as errors still; "degraded" (background seeding at start-up) is not news.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Error);
        configure?.Invoke(builder);
        StartupTrace.Mark("builder created");

        AddEntraideServices(builder.Services, builder.Configuration, builder.Environment);
        StartupTrace.Mark("services added");
        var app = builder.Build();
        StartupTrace.Mark("host built");
        if (!KeyStorage.HasCertificate(app.Configuration)) HostLog.KeysUnencrypted(app.Logger, KeyStorage.CertificatePath);
        // The database is prepared from here on, while the pipeline and endpoints are set up and the
        // server starts; the host's start completes once it is done.
        app.Services.GetRequiredService<DatabasePreparation>().Begin();
        UseEntraide(app);
        StartupTrace.Mark("pipeline and endpoints mapped");
        app.Lifetime.ApplicationStarted.Register(() => StartupTrace.Mark("listening"));
        return app;
    }

    /// <summary>Everything but HTTP: database, identity, audit, modules. The CLI uses this alone.</summary>
    public static void AddEntraideCore(IServiceCollection services, IConfiguration configuration)
    {
        var db = DatabaseSettings.From(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<HttpCurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<HttpCurrentActor>());
        services.AddEntraideAudit();
        services.AddEntraideDatabase(db);
        services.AddEntraideScaleOut();
        services.AddEntraideIdentity(configuration);
        services.AddEntraideDataProtection(configuration);
        services.AddLocalization();
        services.AddSingleton(Entraide.Domain.Network.StateDirectory.Default);
        services.AddScoped<Seeding.SeedRunner>();
        services.AddScoped<DemoActors>();
        services.AddHandlers();
        foreach (var m in Modules.Discover()) m.AddServices(services, configuration);
    }

    private static void AddEntraideServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        AddEntraideCore(services, configuration);
        // First of all: a configuration Entraide must not run with stops the start before anything else.
        services.AddHostedService<StartupChecks>();
        // Registered first: the database is migrated and the reference data seeded while the rest of the
        // host starts, and the host's start completes only once that is done.
        services.AddSingleton<StartupState>();
        services.AddSingleton<DatabasePreparation>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabasePreparation>());
        if (StartupTrace.On) services.AddTransient<IStartupFilter, StartupTraceFilter>();
        services.AddHostedService<StartupMemoryTrim>();
        services.AddEntraideScaleOutHosting();
        services.AddHostedService<AuditChainer>();
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddEntraideTelemetry(configuration);
        services.AddEntraideProblemDetails();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Web/Public");
        }).AddViewLocalization().AddDataAnnotationsLocalization(o =>
            o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(Web.SharedText)));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Entraide API";
            doc.Info.Description = "Cooperation between States against the criminal use of ICT: requests, register, knowledge, deliberation.";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<ReadinessCheck>("database", tags: ["ready"]);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.All.Select(l => new CultureInfo(l)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider { CookieName = CultureCookie.Name },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = EntraideAntiforgery.CookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = EntraideAntiforgery.HeaderName;
        });
        services.Configure<ForwardedHeadersOptions>(o => ProxySettings.Apply(o, configuration));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    private static void UseEntraide(WebApplication app)
    {
        // Composed last when the server builds its pipeline: marks the end of that step in the trace.
        if (StartupTrace.On) app.Use(next => { StartupTrace.Mark("request pipeline built"); return next; });
        // Before anything reads the scheme or the client's address: what a known proxy says it saw.
        app.UseForwardedHeaders();
        // HTTPS only from here on, for a year (sent on HTTPS responses, so behind a proxy that terminates TLS too).
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // Requests that arrive while the database is being prepared wait for it.
        app.UseMiddleware<StartupGate>();
        // Health answers first (anonymous, no endpoint; readiness as JSON): probes go through nothing else.
        app.UseHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.UseHealthChecks("/health/ready", InstanceHealth.Options());
        // Localisation first, so that error responses are in the request's language too.
        app.UseRequestLocalization();
        // Dates in the reader's culture (English as in the United Kingdom unless the browser asks for another English).
        app.UseMiddleware<FormattingCultures>();
        // The API answers problem details; pages show the localised error page.
        app.UseWhen(HttpPaths.IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(http => !HttpPaths.IsApi(http), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = ex => ex is DomainException d ? ProblemResponses.StatusOf(d.Kind) : StatusCodes.Status500InternalServerError,
                // A refusal (another State's record, a missing right) is an expected event, logged in one line by DomainExceptionHandler:
                // not the middleware's "unhandled exception" error with its stack trace.
                SuppressDiagnosticsCallback = c => c.Exception is DomainException,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<JsonBodyLimit>();
        // Stylesheets are never under /api: spare API requests the file-system lookup.
        app.UseWhen(http => !HttpPaths.IsApi(http), pages => pages.UseStaticFiles());
        app.UseRouting();
        app.UseAuthentication();
        // API writes with the session cookie come from Entraide's own pages, or are refused.
        app.UseMiddleware<CrossSiteWrites>();
        app.UseMiddleware<CultureCookie>();
        app.UseAuthorization();
        app.UseMiddleware<Trust.Accounts.SecondFactorGate>();
        app.UseAntiforgery();

        StartupTrace.Mark("middleware added");
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/reference", ApiReference.Configure).AllowAnonymous();
        app.MapEntraideTelemetry();

        StartupTrace.Mark("OpenAPI and telemetry mapped");
        var api = app.MapGroup("/api/v1").WithGroupName("v1");
        foreach (var m in Modules.Discover()) m.MapEndpoints(api);
        StartupTrace.Mark("module endpoints mapped");
        app.MapRazorPages();
    }
}

internal static partial class HostLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No key-encryption certificate ({Setting}): the data-protection keys are stored " +
        "in the database unencrypted. Configure one before Entraide holds real data; in Production it is required.")]
    public static partial void KeysUnencrypted(ILogger logger, string setting);
}
