using System.Globalization;
using System.Text.RegularExpressions;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications.Outbox;
using Entraide.Browser.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Entraide.Browser.Tests.Web;

/// <summary>
/// Language and form as a person reads them in the browser: notifications in words, dates in the reader's culture and
/// always with their zone, messages that agree with any field, limits stated before they are reached, a compilation
/// that leaves the interface alone, the consultation and ballot forms' errors, the API reference without third-party
/// buttons. Each test reads what the page shows, not the HTML the server meant to send.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LanguageBrowserTests(BrowserFixture fixture)
{
    private static readonly NotificationRenderer Texts = new();

    [BrowserFact]
    public async Task Notifications_InFrenchArabicAndChinese_NameStatusesAndTypesInWords_AndOnlyAnOpenEmergencyIsUrgent()
    {
        var gbr = await SignedInAsync("poc.gbr@demo.entraide.int");
        var emergency = await SendAsync(gbr, RequestType.EmergencyDisclosure, "ZAF");
        var preservation = await SendAsync(gbr, RequestType.ExpeditedPreservation, "ZAF");

        var zaf = await SignedInAsync("poc.zaf@demo.entraide.int");
        await zaf.GotoAsync($"/requests/{emergency.Id}");
        foreach (var step in new[] { "acknowledge", "start-assessment", "accept", "start-execution" }) await StepAsync(zaf, step);
        // Read by the requesting State while the emergency is still being executed: that news is urgent.
        await ReadNewsAsync(gbr, emergency.Reference, "in-execution", urgent: true);
        await StepAsync(zaf, "record-execution");
        await zaf.GotoAsync($"/requests/{preservation.Id}");
        await StepAsync(zaf, "acknowledge");

        foreach (var lang in new[] { "fr", "ar", "zh" })
        {
            await gbr.GotoAsync($"/notifications?unread=true&lang={lang}");
            var executed = Texts.Get("status.executed", lang);
            var inExecution = Texts.Get("status.in-execution", lang);
            var words = await gbr.Locator("[data-testid=notification]", new() { HasText = emergency.Reference }).AllInnerTextsAsync();
            Assert.Contains(words, w => w.Contains(executed, StringComparison.Ordinal));
            Assert.Contains(words, w => w.Contains(inExecution, StringComparison.Ordinal));
            Assert.All(words, w => Assert.DoesNotMatch(RawCode(), w));

            // The emergency executed is closed news; the preservation acknowledged was urgent only when it arrived.
            var urgent = Texts.Get("Urgent", lang);
            var closed = gbr.Locator("[data-testid=notification]", new() { HasText = emergency.Reference }).Filter(new() { HasText = executed })
                .Filter(new() { HasNotText = inExecution });
            Assert.Equal(0, await closed.Locator(".badge.danger").CountAsync());
            var running = gbr.Locator("[data-testid=notification]", new() { HasText = emergency.Reference }).Filter(new() { HasText = inExecution });
            Assert.Equal(urgent, (await running.Locator(".badge.danger").TextContentAsync())?.Trim());
            var acknowledged = gbr.Locator("[data-testid=notification]", new() { HasText = preservation.Reference });
            Assert.Equal(1, await acknowledged.CountAsync());
            Assert.Equal(0, await acknowledged.Locator(".badge.danger").CountAsync());
            Assert.DoesNotMatch(RawCode(), await acknowledged.InnerTextAsync());

            // The requested State read of both arrivals with the type in words, never "(emergency)" or "(preservation)".
            await zaf.GotoAsync($"/notifications?lang={lang}");
            foreach (var (reference, type) in new[] { (emergency.Reference, "emergency"), (preservation.Reference, "preservation") })
            {
                var arrival = await zaf.Locator("[data-testid=notification]", new() { HasText = reference }).InnerTextAsync();
                Assert.Contains(Texts.Get("type." + type, lang), arrival, StringComparison.Ordinal);
                Assert.DoesNotContain("(" + type + ")", arrival, StringComparison.Ordinal);
            }
        }

        // Once the preservation is carried out, both sides read until when, in UTC, and every time on the page names its zone.
        await zaf.GotoAsync($"/requests/{preservation.Id}?lang=en");
        foreach (var step in new[] { "start-assessment", "accept", "start-execution", "record-execution" }) await StepAsync(zaf, step);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2} UTC", (await zaf.InnerTextAsync("[data-testid=preserved-until]")).Trim());
        Assert.Empty(await TimesWithoutZoneAsync(zaf));
        await gbr.GotoAsync("/requests?box=outgoing&lang=en");
        var clock = gbr.Locator($"[data-testid=inbox] tr:has(a[href='/requests/{preservation.Id}']) [data-testid=clock-preservation] time");
        // The live countdown keeps the moment it counts to as its title.
        var until = await clock.GetAttributeAsync("title") ?? await clock.TextContentAsync() ?? "";
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2} UTC$", until.Trim());
        Assert.Empty(await TimesWithoutZoneAsync(gbr));
    }

    [BrowserFact]
    public async Task ApiTokens_CreatedAndExpiryTimes_NameTheirZone()
    {
        var page = await SignedInAsync("admin.zaf@demo.entraide.int");
        var expires = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        var name = "case system " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/account/tokens");
        // The form says beforehand in which zone the day it asks for begins.
        Assert.Contains("UTC", await page.InnerTextAsync("#hint-expiresOn"), StringComparison.Ordinal);
        await page.FillAsync("input[name=name]", name);
        await page.Locator("input[name=roles]").First.CheckAsync();
        await page.FillAsync("input[name=expiresOn]", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("form[action*='handler=Create'] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=new-token]");

        var row = page.Locator("tr", new() { HasText = name });
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2} UTC$", (await row.Locator("[data-testid=token-created]").InnerTextAsync()).Trim());
        // A token given a day expires as that day begins in UTC, and the page says so.
        Assert.Equal(expires.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " 00:00 UTC",
            (await row.Locator("[data-testid=token-expires]").InnerTextAsync()).Trim());
    }

    /// <summary>Takes a look at the requesting side's notifications in English while a step's news is fresh.</summary>
    private static async Task ReadNewsAsync(IPage page, string reference, string status, bool urgent)
    {
        await page.GotoAsync("/notifications?unread=true&lang=en");
        var item = page.Locator("[data-testid=notification]", new() { HasText = reference })
            .Filter(new() { HasText = Texts.Get("status." + status, "en") });
        Assert.Equal(urgent ? 1 : 0, await item.Locator(".badge.danger").CountAsync());
        // Each step is announced once.
        Assert.Equal(1, await item.CountAsync());
    }

    [BrowserFact]
    public async Task Dates_EnglishReadsDayBeforeMonth_EveryTimeNamesItsZone_AndFrenchReadsFrenchDates()
    {
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40));
        // A browser asking for English without a region: British English, day before month.
        var ind = await fixture.NewPageAsync("en");
        await BrowserFixture.SignInAsync(ind, "ca.ind@demo.entraide.int");
        await ind.GotoAsync("/?lang=en");
        await ind.GotoAsync("/requests/draft?type=mla&to=ZAF");
        await FillDraftAsync(ind, RequestType.MutualLegalAssistance);
        await ind.FillAsync("#deadline", deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ind.FillAsync("#deadlineReasons", "Trial opens that week.");
        await ind.ClickAsync("[data-testid=submit]");
        await ind.WaitForSelectorAsync("[data-testid=sent]");
        var id = RequestId().Match(ind.Url).Groups[1].Value;

        var british = CultureInfo.GetCultureInfo("en-GB");
        var deadlineText = (await ind.InnerTextAsync("[data-testid=deadline] time")).Trim();
        Assert.Equal(deadline.ToString("d MMM yyyy", british) + " (UTC)", deadlineText);
        // Submitted, in each State's zone: day before month, a 24-hour clock, the zone named.
        Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2} (UTC|[A-Z][a-z]+/)", await ind.InnerTextAsync("main"));
        var today = DateTime.UtcNow.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Empty(await TimesWithoutZoneAsync(ind));

        await ind.GotoAsync("/requests?box=outgoing");
        var row = ind.Locator("[data-testid=inbox] tbody tr", new() { Has = ind.Locator($"a[href='/requests/{id}']") });
        Assert.Contains(today, await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await TimesWithoutZoneAsync(ind));

        // The requested State's officer reads French: the month in French, the zone still named.
        var zaf = await fixture.NewPageAsync("fr-FR");
        await BrowserFixture.SignInAsync(zaf, "ca.zaf@demo.entraide.int");
        await zaf.GotoAsync($"/requests/{id}?lang=fr");
        Assert.Equal("fr", await zaf.GetAttributeAsync("html", "lang"));
        var french = CultureInfo.GetCultureInfo("fr-FR");
        Assert.Equal(deadline.ToString("d MMM yyyy", french) + " (UTC)", (await zaf.InnerTextAsync("[data-testid=deadline] time")).Trim());
        Assert.Empty(await TimesWithoutZoneAsync(zaf));
    }

    /// <summary>
    /// Every time of day the page shows (a clock reading such as 14:05) that is not followed by the name of its zone.
    /// A live countdown is a duration, not a time: its text is skipped, and the time it counts to (its title) is read.
    /// </summary>
    private static Task<string[]> TimesWithoutZoneAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const clock = /\b\d{1,2}:\d{2}(:\d{2})?(\s?[AP]M)?/g;
          const zone = /^(\s?[AP]M)?\s+(UTC|[A-Z][A-Za-z_]+\/[A-Za-z_\/-]+)/;
          const bad = [];
          const check = (text) => {
            for (const m of text.matchAll(clock)) {
              const after = text.slice(m.index + m[0].length);
              if (!zone.test(after)) bad.push(text.trim().slice(0, 120));
            }
          };
          const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.parentElement.closest("time[data-countdown], script, style, code, textarea")) continue;
            check(n.textContent);
          }
          for (const t of document.querySelectorAll("main time[data-countdown][title]")) check(t.getAttribute("title"));
          return bad;
        }
        """);

    [BrowserFact]
    public async Task RequestForm_InFrench_StatesEachLimitBeforehand_AndItsMessagesAgreeWithAnyField()
    {
        var page = await fixture.NewPageAsync("fr-FR");
        await BrowserFixture.SignInAsync(page, "ca.nga@demo.entraide.int");
        await page.GotoAsync("/requests/draft?type=mla&to=ZAF&lang=fr");
        var spec = RequestCatalogue.Of(RequestType.MutualLegalAssistance);
        string[] fields = [RequestCatalogue.RequestingAuthority, RequestCatalogue.Subject, RequestCatalogue.ConductingAuthority];
        foreach (var name in fields)
        {
            var max = spec.Field(name)!.MaxLength;
            // Stated next to the field and held by the browser before the officer reaches it.
            Assert.Equal($"{max.ToString(CultureInfo.InvariantCulture)} caractères au maximum.",
                (await page.InnerTextAsync($"[data-testid=limit-{name}]")).Trim());
            Assert.Equal(max.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync($"#f-{name}", "maxlength"));
            Assert.Contains($"limit-{name}", await page.GetAttributeAsync($"#f-{name}", "aria-describedby"), StringComparison.Ordinal);
        }

        // A client that ignores maxlength sends more: each message reads correctly whatever the field's gender and number.
        await FillDraftAsync(page, RequestType.MutualLegalAssistance);
        foreach (var name in fields)
        {
            await page.EvalOnSelectorAsync($"#f-{name}", "f => f.removeAttribute('maxlength')");
            await page.FillAsync($"#f-{name}", new string('x', spec.Field(name)!.MaxLength + 1));
        }
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForSelectorAsync("[data-testid=errors]");
        foreach (var name in fields)
        {
            var message = (await page.InnerTextAsync($"[data-testid=error-{name}]")).Trim();
            // The field is named in quotes, and the sentence is about "ce champ": nothing agrees with the name.
            Assert.Matches($"^« [^»]+ » : ce champ dépasse {spec.Field(name)!.MaxLength} caractères ; raccourcissez-le\\.$", message);
            Assert.DoesNotMatch(@"\btrop long", message);
            Assert.Contains(message, await page.InnerTextAsync("[data-testid=errors]"), StringComparison.Ordinal);
        }
    }

    [BrowserFact]
    public async Task Compilation_OpenedInFrench_LeavesTheInterfaceInTheUsersLanguage()
    {
        var consultation = await ConsultationAsync();
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "secretariat@demo.entraide.int");
        await page.GotoAsync("/?lang=en");
        await page.GotoAsync($"/consultations/{consultation}/compilation");
        await page.ClickAsync("a[href='?document=fr']");
        await page.WaitForURLAsync("**document=fr");

        Assert.Equal("fr", await page.GetAttributeAsync("[data-testid=compilation]", "lang"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Download", await page.InnerTextAsync("main .no-print"), StringComparison.Ordinal);
        Assert.Equal("page", await page.GetAttributeAsync("a[href='?document=fr']", "aria-current"));

        // The next page is still in English: the compilation's language was not taken for the user's.
        await page.GotoAsync("/consultations");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [BrowserFact]
    public async Task ConsultationForm_ErrorSummaryLinksToEachField()
    {
        var page = await fixture.NewPageAsync("fr-FR");
        await BrowserFixture.SignInAsync(page, "secretariat@demo.entraide.int");
        await page.GotoAsync("/consultations?lang=fr");
        await page.ClickAsync("main form.stack button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=errors]");

        var links = page.Locator("[data-testid=errors] li[data-field] a");
        Assert.True(await links.CountAsync() >= 3, await page.InnerTextAsync("[data-testid=errors]"));
        foreach (var field in new[] { "title", "question", "invitation" })
        {
            var link = page.Locator($"[data-testid=errors] li[data-field={field}] a");
            var message = (await link.InnerTextAsync()).Trim();
            Assert.Equal(message, (await page.InnerTextAsync($"#err-{field}")).Trim());
            Assert.StartsWith("Remplissez « ", message, StringComparison.Ordinal);
            await link.ClickAsync();
            Assert.Equal($"#err-{field}", await page.EvaluateAsync<string>("() => location.hash"));
        }
    }

    [BrowserFact]
    public async Task BallotEntry_TakesCodesSeparatedByCommasSpacesOrLines_AndNamesAnUnknownCodeInWords()
    {
        var page = await fixture.NewPageAsync("fr-FR");
        await BrowserFixture.SignInAsync(page, "secretariat@demo.entraide.int");
        await page.GotoAsync("/votes?lang=fr");
        await page.FillAsync("input[name=DraftSymbol]", $"A/C.3/75/L.{Random.Shared.Next(100, 999)}");
        await page.SelectOptionAsync("select[name=Body]", "C.3");
        await page.ClickAsync("main form.stack button[type=submit]");
        await page.WaitForURLAsync("**/votes/*");

        await page.FillAsync("textarea[name=Ballots]", "yes\nFRA, BRA,EGY MEX\nno\nCHN USA\nabstain\nIND");
        await page.ClickAsync("form[action*='handler=Import'] button[type=submit]");
        await page.WaitForSelectorAsync("p.notice[role=status]");
        // Seven States on five lines, in three sections.
        Assert.Contains("7 suffrages enregistrés.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var report = await page.InnerTextAsync("[data-testid=vote-report]");
        Assert.Contains("Brésil, Égypte, France, Mexique", report, StringComparison.Ordinal);

        await page.FillAsync("textarea[name=Ballots]", "yes\nFRA, XQZ");
        await page.ClickAsync("form[action*='handler=Import'] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=errors]");
        var error = (await page.InnerTextAsync("#err-ballots")).Trim();
        Assert.Matches(@"^« [^»]+ », ligne 2 : « XQZ » n'est pas le code d'un État Membre votant\.$", error);
        Assert.DoesNotContain("ballot-", error, StringComparison.Ordinal);
        Assert.Equal("#err-ballots", await page.GetAttributeAsync("[data-testid=errors] li[data-field=ballots] a", "href"));
    }

    [BrowserFact]
    public async Task ApiReference_ShowsTheApi_WithoutAskAiDeployOrMcpButtons()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/api/reference");
        // Scalar draws the reference from the OpenAPI document once its script has run.
        await page.GetByText("Entraide API").First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var controls = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('button, a, [role=button]')].map(b => (b.innerText || b.getAttribute('aria-label') || '').trim())");
        Assert.NotEmpty(controls);
        Assert.DoesNotContain(controls, c => Regex.IsMatch(c, @"\bAsk AI\b|\bDeploy\b|\bMCP\b|\bGenerate SDK\b", RegexOptions.IgnoreCase));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Ask AI" }).CountAsync());
        Assert.Equal(0, await page.GetByText("Deploy", new() { Exact = true }).CountAsync());
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, email);
        await page.GotoAsync("/?lang=en");
        return page;
    }

    private static async Task FillDraftAsync(IPage page, RequestType type)
    {
        foreach (var f in RequestCatalogue.Of(type).Fields.Where(f => f.Required))
        {
            if (f.Kind == FieldKind.Affirmation) await page.CheckAsync($"input[name='f.{f.Name}']");
            else await page.FillAsync($"#f-{f.Name}", $"{f.Name} written in the browser");
        }
    }

    private static async Task<(string Id, string Reference)> SendAsync(IPage page, RequestType type, string to)
    {
        await page.GotoAsync($"/requests/draft?type={RequestCatalogue.Of(type).Code}&to={to}");
        await FillDraftAsync(page, type);
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForSelectorAsync("[data-testid=sent]");
        return (RequestId().Match(page.Url).Groups[1].Value, (await page.InnerTextAsync("[data-testid=reference]")).Trim());
    }

    private static readonly string[] Irreversible = ["accept", "record-execution", "record-partial-execution", "refuse", "withdraw"];

    /// <summary>Takes a step, confirming it in the page's dialog when it asks (the irreversible ones).</summary>
    private static async Task StepAsync(IPage page, string action)
    {
        if (Irreversible.Contains(action))
        {
            await page.ClickAsync($"[data-testid=do-{action}]");
            await page.Locator("[data-testid=confirm-dialog]").WaitForAsync(new() { State = WaitForSelectorState.Visible });
            await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=dialog-confirm]"),
                r => r.Request.Method == "GET" && r.Request.ResourceType == "document");
        }
        else
        {
            await page.ClickAsync($"[data-testid=do-{action}]");
        }
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.WaitForSelectorAsync("[data-testid=status]");
    }

    /// <summary>A consultation open to France and Brazil (written as the secretariat's page would).</summary>
    private async Task<Guid> ConsultationAsync()
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var now = DateTimeOffset.UtcNow;
        var c = Consultation.Open(new ConsultationInvitation("Compilation in six languages " + Guid.NewGuid().ToString("N")[..6],
                "Which safeguards should apply?", "The Chair invites Member States to submit their comments.", null, "en", null,
                now.AddDays(14), ["FRA", "BRA"]),
            StateDirectory.Default, new Actor("secretariat", "UNODC secretariat", null, new HashSet<string> { Roles.Secretariat }), now.AddDays(-1));
        db.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    [GeneratedRegex(@"/requests/([0-9a-f-]{36})")]
    private static partial Regex RequestId();

    /// <summary>A request status or type written as its code rather than in words.</summary>
    [GeneratedRegex(@"\b(in-execution|under-assessment|partially-executed)\b|\bexecuted\b|\((emergency|preservation|mla)\)")]
    private static partial Regex RawCode();
}
