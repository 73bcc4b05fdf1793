using Entraide.Domain.Common;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Notifications.Webhooks;

/// <summary>
/// Who may manage webhooks: a State's administrators, their own State's only. A webhook names a
/// State's internal systems and holds its signing secret, so even reading one is its administrators'
/// business; another State's webhook does not exist for anyone else (404).
/// </summary>
internal static class WebhookAccess
{
    /// <summary>The State whose webhooks <paramref name="actor"/> administers; anyone else is refused (403).</summary>
    public static string AdministeredState(Actor actor)
    {
        if (actor.StateCode is null || !actor.Has(Roles.StateAdministrator)) throw new DomainException(FailureKind.Forbidden, "forbidden");
        return actor.StateCode;
    }

    /// <summary>The subscription <paramref name="id"/>, if <paramref name="actor"/> administers its State.</summary>
    public static async Task<WebhookSubscription> FindAsync(IQueryable<WebhookSubscription> webhooks, Actor actor, Guid id, CancellationToken ct)
    {
        var hook = await webhooks.SingleOrDefaultAsync(w => w.Id == id, ct) ?? throw DomainException.NotFound("webhook");
        actor.EnsureCanChange(hook.StateCode, Roles.StateAdministrator);
        return hook;
    }
}
