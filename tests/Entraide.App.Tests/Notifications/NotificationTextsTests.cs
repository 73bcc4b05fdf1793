using Entraide.App.Notifications;
using Entraide.App.Notifications.Outbox;
using Entraide.Domain.Common;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Notifications;

/// <summary>
/// What TranslationTests cannot know: which keys the module must have. Every event kind reads as a
/// sentence in every language (not as its code), and everything a webhook's page names by code has a text.
/// </summary>
public sealed class NotificationTextsTests
{
    private static readonly NotificationRenderer Texts = new();

    [Fact]
    public void EveryKind_HasATitleABodyAndALabel_InEveryLanguage()
    {
        var problems = new List<string>();
        foreach (var kind in NotificationKinds.All)
        {
            var notification = new Notification("FRA", [Roles.Delegate], kind, "/x", null, false, ["ARG-0", "ARG-1", "ARG-2"]);
            var message = NotificationMessage.Of(notification, DateTimeOffset.UnixEpoch);
            foreach (var lang in Languages.All)
            {
                if (Texts.Title(message, lang).StartsWith(kind, StringComparison.Ordinal)) problems.Add($"{lang}: {kind} has no title");
                var body = Texts.Body(message, lang);
                if (body.Length == 0) problems.Add($"{lang}: {kind} has no body");
                else if (kind != NotificationKinds.WebhookTest && !body.Contains("ARG-",
                    StringComparison.Ordinal)) problems.Add($"{lang}: {kind} body names nothing");
                if (Texts.Get("event." + kind, lang) == "event." + kind) problems.Add($"{lang}: {kind} has no label");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void StatusesAndTypes_ReadInTheReadersLanguage_NeverAsCodes()
    {
        var statuses = Enum.GetValues<Entraide.Domain.Cooperation.RequestStatus>().Select(Entraide.Domain.Cooperation.RequestLifecycle.Code)
            .Concat(["overdue", "acknowledgement-late"]).ToList();
        foreach (var lang in Languages.All.Where(l => l != Languages.English))
        {
            foreach (var status in statuses)
            {
                var changed = NotificationMessage.Of(new Notification("FRA", [Roles.Delegate], NotificationKinds.RequestStatusChanged, "/x", null,
                    false, ["FRA-2026-0001", status, "JPN"]), DateTimeOffset.UnixEpoch);
                var text = Texts.Title(changed, lang) + " " + Texts.Body(changed, lang);
                var word = Texts.Get("status." + status, lang);
                Assert.NotEqual("status." + status, word);
                Assert.Contains(word, text, StringComparison.Ordinal);
                if (status.Contains('-', StringComparison.Ordinal)) Assert.DoesNotContain(status, text, StringComparison.Ordinal);
            }
            foreach (var type in Entraide.Domain.Cooperation.RequestCatalogue.All.Select(t => t.Code))
            {
                var received = NotificationMessage.Of(new Notification("JPN", [Roles.Delegate], NotificationKinds.RequestReceived, "/x", null,
                    false, ["FRA-2026-0001", "FRA", type]), DateTimeOffset.UnixEpoch);
                Assert.DoesNotContain("(" + type + ")", Texts.Body(received, lang), StringComparison.Ordinal);
            }
        }
        var fr = NotificationMessage.Of(new Notification("FRA", [Roles.Delegate], NotificationKinds.RequestStatusChanged, "/x", null, false,
            ["FRA-2026-0001", "in-execution", "JPN"]), DateTimeOffset.UnixEpoch);
        Assert.Contains("En cours d'exécution", Texts.Body(fr, "fr"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOutcomeOfAWebhook_HasAText_InEveryLanguage()
    {
        var missing = from code in DeliveryErrors.Webhook
                      from lang in Languages.All
                      where Texts.Get("outcome." + code, lang) == "outcome." + code
                      select $"{lang}: outcome.{code}";
        Assert.Empty(missing);
    }
}
