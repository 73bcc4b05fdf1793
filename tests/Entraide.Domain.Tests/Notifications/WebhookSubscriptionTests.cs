using Entraide.Domain.Common;
using Entraide.Domain.Notifications;

namespace Entraide.Domain.Tests.Notifications;

public sealed class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly WebhookSecret Secret = new("protected-1", "whsec_abcd");

    private static WebhookSubscription Create(string? url = "https://cms.example/hook", IReadOnlyList<string?>? events = null,
        string? description = null, int existing = 0) =>
        WebhookSubscription.Create(Guid.CreateVersion7(), "FRA", url, events ?? [NotificationKinds.RequestReceived], description, Secret,
            "admin-1", existing, WebhookTargetRules.Default, Now);

    [Fact]
    public void Create_ValidInput_IsActiveAtVersionOne()
    {
        var hook = Create(events: [" cooperation.request.received ", NotificationKinds.RequestReceived, null, ""], description: "  case system ");
        Assert.True(hook.Active);
        Assert.Equal(1, hook.Version);
        Assert.Equal("FRA", hook.StateCode);
        Assert.Equal([NotificationKinds.RequestReceived], hook.EventList);
        Assert.Equal("case system", hook.Description);
        Assert.Equal("whsec_abcd", hook.SecretPrefix);
        Assert.True(hook.Wants(NotificationKinds.RequestReceived));
        Assert.False(hook.Wants(NotificationKinds.RequestMessage));
    }

    [Fact]
    public void Create_EveryEvent_KeepsOnlyTheWildcard()
    {
        var hook = Create(events: [NotificationKinds.RequestMessage, WebhookSubscription.AllEvents]);
        Assert.Equal([WebhookSubscription.AllEvents], hook.EventList);
        Assert.True(hook.Wants(NotificationKinds.ConsultationOpened));
    }

    [Fact]
    public void Create_BadInput_ReportsEveryFieldAtOnce()
    {
        var ex = Assert.Throws<DomainException>(() => Create(url: "https://127.0.0.1/", events: ["no.such-event"], description: new string('d',
            201)));
        Assert.Equal(FailureKind.Invalid, ex.Kind);
        Assert.Equal([("webhook-address-refused", "url"), ("unknown-event", "events"), ("too-long", "description")],
            ex.Errors.Select(e => (e.Code, e.Field!)).ToArray());
        Assert.Equal(["no.such-event"], ex.Errors[1].Arguments);
    }

    [Fact]
    public void Create_StateAtItsLimit_IsAConflict()
    {
        var ex = Assert.Throws<DomainException>(() => Create(existing: WebhookSubscription.MaxPerState));
        Assert.Equal(FailureKind.Conflict, ex.Kind);
        Assert.Equal("too-many-webhooks", ex.Errors.Single().Code);
        // Bad input is reported before the limit.
        Assert.Equal(FailureKind.Invalid, Assert.Throws<DomainException>(() => Create(url: null, existing: WebhookSubscription.MaxPerState)).Kind);
    }

    [Fact]
    public void Change_StaleVersion_IsAConflictAndChangesNothing()
    {
        var hook = Create();
        hook.Change("https://cms.example/b", null, null, null, 1, WebhookTargetRules.Default, Now.AddMinutes(1));
        Assert.Equal(2, hook.Version);
        var ex = Assert.Throws<DomainException>(() => hook.Change("https://cms.example/c", null, null, false, 1, WebhookTargetRules.Default, Now));
        Assert.Equal(FailureKind.Conflict, ex.Kind);
        Assert.Equal("https://cms.example/b", hook.Url);
        Assert.True(hook.Active);
        Assert.Equal(2, hook.Version);
        Assert.Equal(Now.AddMinutes(1), hook.UpdatedAt);
    }

    [Fact]
    public void Change_WithoutAnAddress_KeepsTheAddressUnchecked()
    {
        // Made before http was refused: it can still be switched off.
        var hook = WebhookSubscription.Create(Guid.CreateVersion7(), "FRA", "http://cms.example/", ["*"], null, Secret, "a", 0,
            new WebhookTargetRules(AllowHttp: true, WebhookAllowList.Empty), Now);
        hook.Change(null, null, "old receiver", active: false, null, WebhookTargetRules.Default, Now);
        Assert.False(hook.Active);
        Assert.Equal("http://cms.example/", hook.Url);
        var ex = Assert.Throws<DomainException>(() => hook.Change("http://cms.example/", null, null, null, null, WebhookTargetRules.Default, Now));
        Assert.Equal("webhook-url-not-https", ex.Errors.Single().Code);
    }

    [Fact]
    public void Change_BadInput_ChangesNothing()
    {
        var hook = Create(description: "first");
        Assert.Throws<DomainException>(() => hook.Change("https://10.0.0.1/", [], "second", false, null, WebhookTargetRules.Default, Now));
        Assert.Equal("https://cms.example/hook", hook.Url);
        Assert.Equal("first", hook.Description);
        Assert.True(hook.Active);
        Assert.Equal(1, hook.Version);
    }

    [Fact]
    public void RotateSecret_ReplacesTheSecretAndMovesTheVersion()
    {
        var hook = Create();
        hook.RotateSecret(new WebhookSecret("protected-2", "whsec_wxyz"), Now.AddHours(1));
        Assert.Equal("protected-2", hook.ProtectedSecret);
        Assert.Equal("whsec_wxyz", hook.SecretPrefix);
        Assert.Equal(2, hook.Version);
    }

    [Fact]
    public void EnsureCanSendTest_SwitchedOff_IsAConflict()
    {
        var hook = Create();
        hook.EnsureCanSendTest();
        hook.Change(null, null, null, false, null, WebhookTargetRules.Default, Now);
        Assert.Equal("webhook-inactive", Assert.Throws<DomainException>(hook.EnsureCanSendTest).Errors.Single().Code);
    }
}
