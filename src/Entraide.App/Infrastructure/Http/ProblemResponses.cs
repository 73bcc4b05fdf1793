using System.Text.Json;
using Entraide.App.Infrastructure.Localization;
using Entraide.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entraide.App.Infrastructure.Http;

/// <summary>
/// RFC 7807 problem details, localised in the request's language. <c>type</c> is stable
/// (<c>https://entraide.int/problems/{code}</c>); legal checks add the field and the article.
/// </summary>
public static class ProblemResponses
{
    public const string TypeBase = "https://entraide.int/problems/";

    public static IServiceCollection AddEntraideProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var text = ctx.HttpContext.RequestServices.GetRequiredService<ErrorMessages>();
            var pd = ctx.ProblemDetails;
            if (pd.Type is null || pd.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
            {
                var code = CodeForStatus(pd.Status ?? 500);
                pd.Type = TypeBase + code;
                pd.Title = text[code].Value;
            }
            pd.Instance ??= ctx.HttpContext.Request.Path;
            pd.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddSingleton<ErrorMessages>();
        return services;
    }

    internal static string CodeForStatus(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        422 => "invalid",
        429 => "too-many-requests",
        503 => "unavailable",
        _ => "server-error",
    };

    public static ProblemDetails Build(HttpContext http, int status, string code, IEnumerable<DomainError>? errors = null, params string[] args)
    {
        var text = http.RequestServices.GetRequiredService<ErrorMessages>();
        var pd = new ProblemDetails
        {
            Status = status,
            Type = TypeBase + code,
            Title = text[code, args].Value,
            Instance = http.Request.Path,
        };
        if (errors is not null)
        {
            var list = errors.Select(e => new
            {
                code = e.Code,
                field = e.Field,
                article = e.Article,
                message = Describe(text, e),
            }).ToList();
            if (list.Count > 0)
            {
                pd.Extensions["errors"] = list;
                if (list.Count == 1) pd.Detail = list[0].message;
                else pd.Detail = string.Join(" ", list.Select(l => l.message));
            }
        }
        pd.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        return pd;
    }

    /// <summary>The localised sentence for one error, naming the field and the article where there are.</summary>
    public static string Describe(ErrorMessages text, DomainError e)
    {
        var args = new List<object> { e.Field is null ? "" : FieldLabel(text, e.Field), e.Article ?? "" };
        args.AddRange(e.Arguments);
        // A message naming an argument its error does not carry reads with a blank, rather than failing the whole answer.
        while (args.Count < 6) args.Add("");
        // Looked up with its arguments: formatting the article variant without them throws.
        var key = e.Article is not null && text[e.Code + ".article", [.. args]].ResourceNotFound == false ? e.Code + ".article" : e.Code;
        var s = text[key, [.. args]];
        return s.ResourceNotFound ? e.Code : s.Value;
    }

    private static string FieldLabel(ErrorMessages text, string field)
    {
        var l = text["field." + field];
        return l.ResourceNotFound ? field : l.Value;
    }

    public static IResult Result(HttpContext http, int status, string code, IEnumerable<DomainError>? errors = null) =>
        TypedResults.Problem(Build(http, status, code, errors));

    public static async Task WriteAsync(
        HttpContext http, int status, string code, CancellationToken ct = default, IEnumerable<DomainError>? errors = null)
    {
        if (http.Response.HasStarted) return;
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status429TooManyRequests || status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = "5";
        var pd = Build(http, status, code, errors);
        await http.Response.WriteAsJsonAsync(pd, (JsonSerializerOptions?)null, "application/problem+json", ct);
    }

    /// <summary>
    /// PDF printing is unavailable (no Chromium on the server): 503 with a retry hint. A browser that followed a
    /// PDF link (it asks for HTML first) gets a localised page saying so, with a link to the printable HTML version;
    /// an API client gets the problem details.
    /// </summary>
    public static IResult PdfUnavailable(HttpContext http, string printableUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = "60";
        if (!PrefersHtml(http.Request)) return Result(http, StatusCodes.Status503ServiceUnavailable, "pdf-unavailable");
        var text = http.RequestServices.GetRequiredService<ErrorMessages>();
        var lang = Localization.CultureCookie.Current;
        string E(string s) => System.Net.WebUtility.HtmlEncode(s);
        var title = text["pdf-unavailable.title"].Value;
        var html = $"""
            <!DOCTYPE html>
            <html lang="{lang}" dir="{(Languages.IsRightToLeft(lang) ? "rtl" : "ltr")}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · Entraide</title><link rel="stylesheet" href="/css/entraide.css"></head>
            <body><main id="main">
            <h1>{E(title)}</h1>
            <p class="notice" role="alert" data-testid="pdf-unavailable">{E(text["pdf-unavailable"].Value)}</p>
            <p><a href="{E(printableUrl)}" data-testid="printable">{E(text["pdf-unavailable.alternate"].Value)}</a></p>
            </main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>A browser navigation: <c>text/html</c> asked for, before any JSON.</summary>
    internal static bool PrefersHtml(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        var html = accept.IndexOf("text/html", StringComparison.OrdinalIgnoreCase);
        var json = accept.IndexOf("json", StringComparison.OrdinalIgnoreCase);
        return html >= 0 && (json < 0 || html < json);
    }

    public static int StatusOf(FailureKind kind) => kind switch
    {
        FailureKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}

/// <summary>
/// Maps failures to problem details: rule violations by kind, unreadable input to 400, a database
/// that cannot be reached to 503 with a retry hint. Nothing is half-written: handlers save in one
/// transaction, so an exception means nothing was committed.
/// </summary>
internal sealed partial class DomainExceptionHandler(ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // Pages show their own localised error page (see EntraideHost); only the API answers JSON. A page's refusal is logged
        // here, in one line like the API's, and the middleware's diagnostics are suppressed for it.
        if (!HttpPaths.IsApi(http))
        {
            if (exception is DomainException refused) LogRefusal(http, refused);
            return false;
        }
        switch (exception)
        {
            case DomainException d:
                LogRefusal(http, d);
                var status = ProblemResponses.StatusOf(d.Kind);
                var code = d.Kind switch
                {
                    FailureKind.NotFound => "not-found",
                    FailureKind.Forbidden => "forbidden",
                    FailureKind.Conflict => d.Errors.Count == 1 ? d.Errors[0].Code : "conflict",
                    FailureKind.Unavailable => d.Errors.Count == 1 ? d.Errors[0].Code : "unavailable",
                    _ => "invalid",
                };
                await ProblemResponses.WriteAsync(http, status, code, ct, d.Kind is FailureKind.NotFound or FailureKind.Forbidden ? null : d.Errors);
                return true;
            case BadHttpRequestException b:
                await ProblemResponses.WriteAsync(
                    http, b.StatusCode == 413 ? 413 : 400, b.StatusCode == 413 ? "payload-too-large" : "bad-request", ct);
                return true;
            case JsonException:
                await ProblemResponses.WriteAsync(http, 400, "bad-request", ct);
                return true;
            case var e when IsUnavailable(e):
                LogUnavailable(logger, e);
                await ProblemResponses.WriteAsync(http, 503, "unavailable", ct);
                return true;
            case Microsoft.EntityFrameworkCore.DbUpdateException u when IsConcurrentChange(u):
                // A concurrent change, or a uniqueness another writer won: nothing of this request was saved.
                LogConcurrentChange(logger, http.Request.Method, http.Request.Path, u.InnerException?.Message ?? u.Message);
                await ProblemResponses.WriteAsync(http, 409, "concurrent-change", ct);
                return true;
            default:
                LogUnhandled(logger, exception, http.Request.Method, http.Request.Path,
                    System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
                await ProblemResponses.WriteAsync(http, 500, "server-error", ct);
                return true;
        }
    }

    /// <summary>
    /// An expected refusal, in one line without a stack trace: a denial (a record of another State, which
    /// answers 404, or a missing right, 403) at Information, so an operator can follow probing; a rule
    /// the input broke (422, 409) at Debug.
    /// </summary>
    private void LogRefusal(HttpContext http, DomainException d) =>
        LogRefused(logger, d.Kind is FailureKind.Forbidden or FailureKind.NotFound ? LogLevel.Information : LogLevel.Debug, http.Request.Method,
            http.Request.Path, d.Kind, string.Join(",", d.Errors.Select(e => e.Code)));

    /// <summary>
    /// A save that lost to another writer: a row changed or deleted since it was read (the concurrency
    /// token), or a unique key another request took first. Any other refusal of the database (a foreign
    /// key, a NOT NULL, a check, a value too long) is a fault of Entraide, answered 500 and logged.
    /// </summary>
    internal static bool IsConcurrentChange(Microsoft.EntityFrameworkCore.DbUpdateException e)
    {
        if (e is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException) return true;
        for (var x = e.InnerException; x is not null; x = x.InnerException)
        {
            if (x is Npgsql.PostgresException p) return p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation;
            // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY
            if (x is Microsoft.Data.Sqlite.SqliteException s) return s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555;
        }
        return false;
    }

    private static bool IsUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is System.Net.Sockets.SocketException or TimeoutException or IOException) return true;
            if (x is Npgsql.NpgsqlException { IsTransient: true }) return true;
            if (x is Npgsql.PostgresException { SqlState: "53100" or "53200" or "57P01" or "57P03" or "08006" or "08001" }) return true;
            if (x is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 or 5 or 10 }) return true; // full, busy, I/O
            if (x is Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException) return true;
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception ex, string method, string path, string traceId);

    [LoggerMessage(Message = "Refused {Method} {Path}: {Kind} {Codes}")]
    private static partial void LogRefused(ILogger logger, LogLevel level, string method, string path, FailureKind kind, string codes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Concurrent change on {Method} {Path}; answered 409: {Reason}")]
    private static partial void LogConcurrentChange(ILogger logger, string method, string path, string reason);
}
