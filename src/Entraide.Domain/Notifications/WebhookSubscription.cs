using System.Globalization;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Notifications;

/// <summary>A subscription's signing secret as stored (encrypted by the host) and the first characters shown to recognise it.</summary>
public sealed record WebhookSecret(string Protected, string Prefix);

/// <summary>
/// A State's own system that wants to hear of events: where to call, with which secret to sign, for
/// which events. Managed by the State's administrators (the handlers check who acts); the secret is
/// kept encrypted, because it must be read back to sign, and shown once.
/// </summary>
public sealed class WebhookSubscription : IStateOwned
{
    public const string AllEvents = "*";
    public const int MaxPerState = 20;
    public const int MaxDescriptionLength = 200;

    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; }
    public string StateCode { get; private set; } = "";
    public string Url { get; private set; } = "";
    public string? Description { get; private set; }
    /// <summary>Comma-separated event kinds, or <see cref="AllEvents"/> for every event.</summary>
    public string Events { get; private set; } = "";
    public string ProtectedSecret { get; private set; } = "";
    public string SecretPrefix { get; private set; } = "";
    public bool Active { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    string? IStateOwned.OwnerState => StateCode;

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string kind) => Wants(Events, kind);

    /// <summary>Whether a subscription to <paramref name="events"/> (as stored) wants <paramref name="kind"/>.</summary>
    public static bool Wants(string events, string kind)
    {
        foreach (var e in events.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (e == AllEvents || e == kind) return true;
        }
        return false;
    }

    /// <summary>
    /// A new, active subscription of <paramref name="state"/>, which already has <paramref name="existing"/>.
    /// Every input error is reported at once (422); a State at its limit is a conflict (409).
    /// </summary>
    public static WebhookSubscription Create(Guid id, string state, string? url, IReadOnlyList<string?>? events, string? description,
        WebhookSecret secret, string createdBy, int existing, WebhookTargetRules rules, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        var u = WebhookTarget.Check(url, state, rules, errors);
        var list = CheckEvents(events, errors);
        var d = CheckDescription(description, errors);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        if (existing >= MaxPerState) throw DomainException.Conflict("too-many-webhooks", MaxPerState.ToString(CultureInfo.InvariantCulture));
        return new WebhookSubscription
        {
            Id = id,
            StateCode = state,
            Url = u,
            Description = d,
            Events = string.Join(",", list),
            ProtectedSecret = secret.Protected,
            SecretPrefix = secret.Prefix,
            Active = true,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }

    /// <summary>
    /// Changes what is given (null keeps the value). The address is checked only when one is given, so
    /// that a subscription made under older rules can still be switched off or described. A
    /// <paramref name="expectedVersion"/> other than the current one means someone changed it meanwhile (409).
    /// </summary>
    public void Change(string? url, IReadOnlyList<string?>? events, string? description, bool? active, int? expectedVersion,
        WebhookTargetRules rules, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        var u = url is null ? Url : WebhookTarget.Check(url, StateCode, rules, errors);
        var list = CheckEvents(events ?? EventList, errors);
        var d = description is null ? Description : CheckDescription(description, errors);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        if (expectedVersion is { } v && v != Version) throw DomainException.Conflict("concurrent-change");
        Url = u;
        Events = string.Join(",", list);
        Description = d;
        if (active is { } a) Active = a;
        Touch(now);
    }

    /// <summary>A new secret replaces the old one at once: calls signed from now on verify only with the new one.</summary>
    public void RotateSecret(WebhookSecret secret, DateTimeOffset now)
    {
        ProtectedSecret = secret.Protected;
        SecretPrefix = secret.Prefix;
        Touch(now);
    }

    /// <summary>A test event goes only to an active subscription: a switched-off one would never send it (409).</summary>
    public void EnsureCanSendTest()
    {
        if (!Active) throw DomainException.Conflict("webhook-inactive");
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static List<string> CheckEvents(IEnumerable<string?>? events, List<DomainError> errors)
    {
        var list = (events ?? []).Select(e => e?.Trim() ?? "").Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0) errors.Add(DomainError.Required("events"));
        foreach (var e in list)
        {
            if (e != AllEvents && !NotificationKinds.All.Contains(e))
                errors.Add(new DomainError("unknown-event", "events") { Arguments = [e] });
        }
        return list.Contains(AllEvents) ? [AllEvents] : list;
    }

    private static string? CheckDescription(string? description, List<DomainError> errors)
    {
        var d = TextRules.Check(description, "description", MaxDescriptionLength, errors);
        return d.Length == 0 ? null : d;
    }
}
