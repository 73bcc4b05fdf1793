using Entraide.App.Notifications.Webhooks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Entraide.App.Notifications.Delivery;

/// <summary>
/// The HTTP clients of webhook calls and their resilience pipeline (docs/decisions/notifications-webhook-resilience.md):
/// per receiver (scheme, host and port), a circuit breaker outside a timeout, and no retry, since
/// the outbox retries each job on its own schedule.
/// </summary>
internal static class WebhookHttpClients
{
    public static IServiceCollection AddWebhookHttpClients(this IServiceCollection services)
    {
        foreach (var (name, allowListed) in new[] { (WebhookSender.ClientName, false), (WebhookSender.AllowListedClientName, true) })
        {
            services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnections.Handler(sp.GetRequiredService<WebhookTargets>(), allowListed))
                // The delivery log records every call; a log line per call as well would only add load.
                .RemoveAllLoggers()
                .AddResilienceHandler(name, (pipeline, context) =>
                    Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptionsMonitor<NotificationSettings>>()))
                .SelectPipelineByAuthority();
        }
        return services;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IOptionsMonitor<NotificationSettings> settings)
    {
        // A receiver that keeps failing (errors, 5xx, 408, 429, timeouts) is left alone for a while instead of
        // holding the lane's sends for a timeout each: other States' deliveries, urgent ones among them, go on.
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 5,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions
        {
            TimeoutGenerator = _ => ValueTask.FromResult(TimeSpan.FromSeconds(Math.Max(1, settings.CurrentValue.WebhookTimeoutSeconds))),
        });
    }
}
