using System.Net;
using System.Net.Http.Headers;
using Entraide.App.Notifications.Webhooks;
using Entraide.Domain.Common;
using Entraide.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace Entraide.App.Notifications.Delivery;

/// <summary>
/// <see cref="IOutboundCalls"/> through the webhooks' address guard: <see cref="WebhookTarget.Check"/> before anything,
/// then a client whose connections go through <see cref="WebhookConnections"/>. Its clients are its own, so that no
/// connection opened for a State's webhook is reused for the secretariat's calls, nor the other way round.
/// </summary>
internal sealed class OutboundCalls(IHttpClientFactory http, WebhookTargets targets, IOptionsMonitor<NotificationSettings> settings)
    : IOutboundCalls
{
    public const string ClientName = "entraide.outbound";
    public const string AllowListedClientName = "entraide.outbound.allow-listed";

    public string? Refusal(string? url, string? state)
    {
        var errors = new List<DomainError>();
        WebhookTarget.Check(url, state ?? WebhookAllowList.Secretariat, targets.Current, errors);
        return errors.Count == 0 ? null : errors[0].Code;
    }

    public async Task<int> PostJsonAsync(string url, byte[] json, string? state, CancellationToken ct)
    {
        if (Refusal(url, state) is { } refused) throw new OutboundCallRefusedException(refused);
        var uri = new Uri(url.Trim(), UriKind.Absolute);
        // HTTP/1.1 and never higher: HTTP/3 runs over QUIC, whose connections do not go through the checked connect callback.
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(json),
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("Entraide/1");
        if (state is not null) request.Options.Set(WebhookConnections.StateOption, state);
        var allowListed = targets.Current.AllowList.Allows(state, WebhookTarget.HostOf(uri), uri.Port);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.CurrentValue.WebhookTimeoutSeconds)));
        try
        {
            using var response = await http.CreateClient(allowListed ? AllowListedClientName : ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException ex) when (WebhookConnections.WasRefused(ex))
        {
            throw new OutboundCallRefusedException("webhook-address-refused");
        }
    }

    public static IServiceCollection AddOutboundCalls(IServiceCollection services)
    {
        foreach (var (name, allowListed) in new[] { (ClientName, false), (AllowListedClientName, true) })
        {
            services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnections.Handler(sp.GetRequiredService<WebhookTargets>(), allowListed))
                .RemoveAllLoggers();
        }
        return services.AddSingleton<IOutboundCalls, OutboundCalls>();
    }
}
