using Entraide.App.Notifications.Delivery;
using Entraide.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace Entraide.App.Notifications.Webhooks;

/// <summary>
/// The operators' rules for webhook addresses (<c>Notifications:AllowHttpWebhooks</c>,
/// <c>Notifications:WebhookAllowList</c>), used when a webhook is registered and each time a call
/// connects; read again when the settings change.
/// </summary>
public sealed class WebhookTargets(IOptionsMonitor<NotificationSettings> settings)
{
    private Snapshot? _last;

    public WebhookTargetRules Current
    {
        get
        {
            var s = settings.CurrentValue;
            var last = Volatile.Read(ref _last);
            if (last is not null && ReferenceEquals(last.Settings, s)) return last.Rules;
            var rules = new WebhookTargetRules(s.AllowHttpWebhooks, WebhookAllowList.Parse(s.WebhookAllowList));
            Volatile.Write(ref _last, new Snapshot(s, rules));
            return rules;
        }
    }

    private sealed record Snapshot(NotificationSettings Settings, WebhookTargetRules Rules);
}

/// <summary>Refuses to start with an allow-list entry that means nothing, saying which.</summary>
internal sealed class WebhookAllowListValidation : IValidateOptions<NotificationSettings>
{
    public ValidateOptionsResult Validate(string? name, NotificationSettings options)
    {
        try
        {
            WebhookAllowList.Parse(options.WebhookAllowList);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
