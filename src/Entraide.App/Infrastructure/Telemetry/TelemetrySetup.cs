using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Entraide.App.Infrastructure.Telemetry;

/// <summary>
/// Traces and metrics through OpenTelemetry: exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set, and scraped at <c>/metrics</c> (Prometheus format) when <c>Telemetry:Prometheus</c> is true.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "entraide";
    public static readonly System.Diagnostics.ActivitySource Source = new("Entraide");
    public static readonly System.Diagnostics.Metrics.Meter Meter = new("Entraide");

    public static IServiceCollection AddEntraideTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = configuration.GetValue("Telemetry:Prometheus", false);
        if (!otlp && !prometheus) return services;

        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        otel.WithTracing(t =>
        {
            t.AddSource(Source.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            if (otlp) t.AddOtlpExporter();
        });
        otel.WithMetrics(m =>
        {
            m.AddMeter(Meter.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            if (otlp) m.AddOtlpExporter();
            if (prometheus) m.AddPrometheusExporter();
        });
        return services;
    }

    public static void MapEntraideTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue("Telemetry:Prometheus", false))
        {
            // Operators scrape from the machine itself; the endpoint is not published beyond it.
            app.MapPrometheusScrapingEndpoint("/metrics").RequireHost("127.0.0.1", "localhost", "[::1]").AllowAnonymous();
        }
    }
}
