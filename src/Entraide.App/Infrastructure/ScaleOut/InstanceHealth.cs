using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Entraide.App.Infrastructure.ScaleOut;

/// <summary>
/// The body of <c>/health/ready</c>: the overall status (the status code is the health checks' own: 200 for
/// healthy or degraded, 503 otherwise), each check's status and reason, and whether this instance holds the
/// <see cref="BackgroundLease"/> — so an operator (or a test) sees which instance runs the background work — and,
/// on PostgreSQL, whether it hears the changes other instances commit (<see cref="ChangeListener"/>).
/// </summary>
internal static class InstanceHealth
{
    public static HealthCheckOptions Options() => new()
    {
        Predicate = c => c.Tags.Contains("ready"),
        ResponseWriter = WriteAsync,
    };

    internal static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var lease = context.RequestServices.GetRequiredService<BackgroundLease>();
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("backgroundLease");
        json.WriteBoolean("held", lease.IsHeld);
        json.WriteBoolean("shared", lease.Shared);
        if (lease.HeldSince is { } since) json.WriteString("since", since);
        json.WriteEndObject();
        if (context.RequestServices.GetRequiredService<ChangeListener>().Listening is { } listening)
        {
            json.WriteStartObject("sharedChanges");
            json.WriteBoolean("listening", listening);
            json.WriteEndObject();
        }
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } d) json.WriteString("description", d);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    /// <summary>The answer while the database is still being prepared (503), in the same shape.</summary>
    internal static Task WriteStartingAsync(HttpContext context, bool failed)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store, no-cache";
        return context.Response.WriteAsync(failed ? """{"status":"Unhealthy"}""" : """{"status":"Starting"}""");
    }
}

/// <summary>The scale-out services: the background-work lease and the listener for other instances' changes.</summary>
public static class ScaleOutServices
{
    /// <summary>The lease, resolvable by every service that takes it (the CLI's too, where it is never started).</summary>
    public static IServiceCollection AddEntraideScaleOut(this IServiceCollection services)
    {
        services.AddSingleton<BackgroundLease>();
        services.AddSingleton<ChangeListener>();
        return services;
    }

    /// <summary>In the server: the lease is taken, and kept, by a hosted service.</summary>
    public static IServiceCollection AddEntraideScaleOutHosting(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundLease>());
        services.AddHostedService(sp => sp.GetRequiredService<ChangeListener>());
        return services;
    }
}
