using Entraide.App.Notifications.Webhooks;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entraide.App.Notifications.Pages;

/// <summary>One webhook and its delivery log. Another State's webhook is not found (404).</summary>
[Authorize(Roles = Roles.StateAdministrator)]
public sealed class WebhookDeliveriesModel(WebhookQueries queries) : PageModel
{
    public WebhookView Webhook { get; private set; } = null!;
    public IReadOnlyList<DeliveryLogEntry> Deliveries { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Notice = done;
        Webhook = await queries.GetAsync(id, ct);
        Deliveries = await queries.DeliveriesAsync(id, 100, ct);
    }
}
