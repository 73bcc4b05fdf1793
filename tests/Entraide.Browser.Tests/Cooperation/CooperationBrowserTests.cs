using System.Text.RegularExpressions;
using Entraide.Browser.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Microsoft.Playwright;

namespace Entraide.Browser.Tests.Cooperation;

/// <summary>Requests between States, through the pages, as the officers of each State use them.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CooperationBrowserTests(BrowserFixture fixture)
{
    private static async Task FillDraftAsync(IPage page, RequestType type, params string[] skip)
    {
        foreach (var f in RequestCatalogue.Of(type).Fields.Where(f => f.Required && !skip.Contains(f.Name)))
        {
            if (f.Kind == FieldKind.Affirmation) await page.CheckAsync($"input[name='f.{f.Name}']");
            else await page.FillAsync($"#f-{f.Name}", $"{f.Name} written in the browser");
        }
    }

    private async Task<IPage> SignedInAsync(string email, bool javaScript = true)
    {
        var page = await fixture.NewPageAsync(javaScript: javaScript);
        await BrowserFixture.SignInAsync(page, email);
        // Demo officers read their own language; these tests read English.
        await page.GotoAsync("/?lang=en");
        return page;
    }

    private static async Task<string> SendAsync(IPage page, RequestType type, string to, params string[] skip)
    {
        await page.GotoAsync($"/requests/draft?type={RequestCatalogue.Of(type).Code}&to={to}");
        await FillDraftAsync(page, type, skip);
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForSelectorAsync("[data-testid=sent]");
        return RequestId().Match(page.Url).Groups[1].Value;
    }

    private static readonly string[] Irreversible = ["accept", "record-execution", "record-partial-execution", "refuse", "withdraw"];

    /// <summary>Takes a step, confirming it in the page's dialog when it asks (the irreversible ones).</summary>
    private static async Task StepAsync(IPage page, string action)
    {
        if (Irreversible.Contains(action))
        {
            await page.ClickAsync($"[data-testid=do-{action}]");
            await page.Locator("[data-testid=confirm-dialog]").WaitForAsync(new() { State = WaitForSelectorState.Visible });
            await ConfirmInDialogAsync(page);
            return;
        }
        await page.ClickAsync($"[data-testid=do-{action}]");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Confirms in the dialog, and waits for the page the step leads to (the request again, drawn anew).</summary>
    private static async Task ConfirmInDialogAsync(IPage page)
    {
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=dialog-confirm]"),
            r => r.Request.Method == "GET" && r.Request.ResourceType == "document");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static async Task<string> StatusAsync(IPage page) => (await page.TextContentAsync("[data-testid=status]"))!.Trim();

    private static Task<bool> FocusInDialogAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.getElementById('confirm-dialog').contains(document.activeElement)");

    [BrowserFact]
    public async Task Preservation_FromFranceToBrazil_AcknowledgedBy247_ThenConvertedIntoStoredDataRequest()
    {
        var fra = await SignedInAsync("poc.fra@demo.entraide.int");
        var id = await SendAsync(fra, RequestType.ExpeditedPreservation, "BRA");
        var reference = (await fra.TextContentAsync("[data-testid=reference]"))!.Trim();

        var bra = await SignedInAsync("poc.bra@demo.entraide.int");
        await bra.GotoAsync("/requests?bucket=new");
        await bra.ClickAsync($"a[href='/requests/{id}']");
        await StepAsync(bra, "acknowledge");
        Assert.Equal("Received", (await bra.TextContentAsync("[data-testid=status]"))!.Trim());
        foreach (var step in new[] { "start-assessment", "accept", "start-execution", "record-execution" }) await StepAsync(bra, step);
        Assert.Equal("Executed", (await bra.TextContentAsync("[data-testid=status]"))!.Trim());
        Assert.True(await bra.IsVisibleAsync("[data-testid=preserved-until]"));

        await fra.GotoAsync($"/requests/{id}");
        Assert.Contains("Receipt acknowledged", await fra.TextContentAsync("[data-testid=timeline]"));
        await fra.ClickAsync("[data-testid=do-follow-up]");
        await fra.WaitForSelectorAsync("[data-testid=draft-form]");
        Assert.Equal(reference, await fra.InputValueAsync("#f-preservationReference"));
        Assert.Equal("facts written in the browser", await fra.InputValueAsync("#f-facts"));

        await fra.GotoAsync($"/requests/{id}");
        Assert.StartsWith($"{reference[..8]}", (await fra.TextContentAsync("[data-testid=follow-up]"))!.Trim());
    }

    [BrowserFact]
    public async Task IncompleteMla_IsRefusedWithTheMissingFieldsNamed()
    {
        var fra = await SignedInAsync("ca.fra@demo.entraide.int");
        await fra.GotoAsync("/requests/draft?type=mla&to=BRA");
        await fra.FillAsync("#f-facts", "A hospital's servers in Lyon were encrypted.");
        await fra.ClickAsync("[data-testid=submit]");
        await fra.WaitForSelectorAsync("[data-testid=errors]");
        Assert.Equal("Fill in “The purpose of the request”: this field is required (article 40).",
            (await fra.TextContentAsync("[data-testid=error-purpose]"))!.Trim());
        Assert.True(await fra.IsVisibleAsync("[data-testid=error-requestingAuthority]"));
        Assert.True(await fra.IsVisibleAsync("[data-testid=error-assistanceSought]"));
        Assert.Equal(0, await fra.Locator("[data-testid=error-facts]").CountAsync());
        Assert.Equal("A hospital's servers in Lyon were encrypted.", await fra.InputValueAsync("#f-facts"));
    }

    [BrowserFact]
    public async Task RefusalWithoutReasons_IsRejected_AndAThirdStateSeesNothing()
    {
        var fra = await SignedInAsync("ca.fra@demo.entraide.int");
        var id = await SendAsync(fra, RequestType.MutualLegalAssistance, "BRA");
        var bra = await SignedInAsync("ca.bra@demo.entraide.int");
        await bra.GotoAsync($"/requests/{id}");
        await StepAsync(bra, "acknowledge");
        await StepAsync(bra, "start-assessment");
        await bra.ClickAsync("details.action summary:has-text('Refuse')");
        await bra.SelectOptionAsync("#ground-refuse", "political-offence");
        await bra.ClickAsync("[data-testid=do-refuse]");
        await bra.WaitForSelectorAsync("[data-testid=error-reasons]");
        Assert.Contains("reasons”: this field is required", await bra.TextContentAsync("[data-testid=error-reasons]"));
        Assert.Equal("Under assessment", (await bra.TextContentAsync("[data-testid=status]"))!.Trim());

        var chn = await SignedInAsync("ca.chn@demo.entraide.int");
        var response = await chn.GotoAsync($"/requests/{id}");
        Assert.Equal(404, response!.Status);
        await chn.GotoAsync("/requests?box=incoming");
        Assert.Equal(0, await chn.Locator($"a[href='/requests/{id}']").CountAsync());
        await chn.GotoAsync("/requests?box=outgoing");
        Assert.Equal(0, await chn.Locator($"a[href='/requests/{id}']").CountAsync());
        var api = await chn.APIRequest.GetAsync($"/api/v1/requests/{id}");
        Assert.Equal(404, api.Status);
    }

    [BrowserFact]
    public async Task Emergency_SubmittedByFrance_AppearsLiveOnTheOpenPagesOfBrazils247Point_AndNowhereElse()
    {
        var bra = await SignedInAsync("poc.bra@demo.entraide.int");
        var nga = await SignedInAsync("poc.nga@demo.entraide.int");
        foreach (var page in new[] { bra, nga })
        {
            await page.GotoAsync("/requests");
            await page.WaitForSelectorAsync("#emergency-alerts[data-live=connected]", new() { State = WaitForSelectorState.Attached });
            // Set on this very document: still there afterwards proves the alert came without a reload.
            await page.EvaluateAsync("() => { window.entraideNoReload = true; }");
        }
        var title = await bra.TitleAsync();

        var fra = await SignedInAsync("poc.fra@demo.entraide.int");
        var id = await SendAsync(fra, RequestType.EmergencyDisclosure, "BRA");
        var reference = (await fra.TextContentAsync("[data-testid=reference]"))!.Trim();

        var alert = bra.Locator($"#emergency-alerts li[data-id='{id}']");
        await alert.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        Assert.True(await bra.EvaluateAsync<bool>("() => window.entraideNoReload === true"));
        Assert.Contains(reference, await alert.TextContentAsync());
        Assert.Matches(@"^Emergency \(\d+\) · ", await bra.TitleAsync());
        Assert.NotEqual(title, await bra.TitleAsync());
        await bra.WaitForFunctionAsync(
            $"() => /\\d{{2}}:\\d{{2}}:\\d{{2}} left/.test(document.querySelector(\"#emergency-alerts li[data-id='{id}'] time\").textContent)");
        Assert.Equal("false", await bra.GetAttributeAsync("#emergency-alerts [data-sound]", "aria-pressed"));

        // Brazil's stream was served; Nigeria's point, listening all along, heard nothing of it.
        Assert.Equal(0, await nga.Locator($"#emergency-alerts li[data-id='{id}']").CountAsync());
        Assert.True(await nga.EvaluateAsync<bool>("() => window.entraideNoReload === true"));

        // The banner persists on every page until the emergency is acknowledged, and the inbox marks it as an emergency.
        await bra.GotoAsync("/requests?box=incoming");
        Assert.True(await bra.IsVisibleAsync($"#emergency-alerts li[data-id='{id}']"));
        var row = bra.Locator("[data-testid=inbox-row]", new() { Has = bra.Locator($"a[href='/requests/{id}']") });
        Assert.True(await row.Locator("[data-testid=emergency-badge]").IsVisibleAsync());
        Assert.True(await row.Locator("[data-testid=clock-acknowledge] time").IsVisibleAsync());
        await bra.GotoAsync($"/requests/{id}");
        await StepAsync(bra, "acknowledge");
        Assert.Equal(0, await bra.Locator($"#emergency-alerts li[data-id='{id}']").CountAsync());
    }

    [BrowserFact]
    public async Task Accept_AsksInADialog_SayingWhatFranceWillSee_AndEscapeOrGoingBackChangesNothing()
    {
        var fra = await SignedInAsync("ca.fra@demo.entraide.int");
        var id = await SendAsync(fra, RequestType.MutualLegalAssistance, "BRA");
        var bra = await SignedInAsync("ca.bra@demo.entraide.int");
        await bra.GotoAsync($"/requests/{id}");
        await StepAsync(bra, "acknowledge");
        await StepAsync(bra, "start-assessment");
        var dialog = bra.Locator("[data-testid=confirm-dialog]");
        Assert.False(await dialog.IsVisibleAsync());

        await bra.ClickAsync("[data-testid=do-accept]");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains("FRA will see", await dialog.TextContentAsync());
        Assert.Equal("Confirm: Accept", (await bra.TextContentAsync("#confirm-dialog-title"))!.Trim());
        Assert.True(await FocusInDialogAsync(bra));
        // The focus stays in the dialog, forwards and backwards.
        for (var i = 0; i < 4; i++)
        {
            await bra.Keyboard.PressAsync("Tab");
            Assert.True(await FocusInDialogAsync(bra), "Tab left the dialog");
        }
        await bra.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await FocusInDialogAsync(bra), "Shift+Tab left the dialog");
        await bra.Keyboard.PressAsync("Escape");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("Under assessment", await StatusAsync(bra));
        await bra.ReloadAsync();
        Assert.Equal("Under assessment", await StatusAsync(bra));

        await bra.ClickAsync("[data-testid=do-accept]");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await bra.ClickAsync("[data-testid=dialog-cancel]");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await bra.ReloadAsync();
        Assert.Equal("Under assessment", await StatusAsync(bra));

        await StepAsync(bra, "accept");
        Assert.Equal("Accepted", await StatusAsync(bra));
        await StepAsync(bra, "start-execution");
        await StepAsync(bra, "record-execution");
        Assert.Equal("Executed", await StatusAsync(bra));
    }

    [BrowserFact]
    public async Task Accept_WithoutJavaScript_IsConfirmedOnThePageTheServerDraws()
    {
        var fra = await SignedInAsync("ca.fra@demo.entraide.int");
        var id = await SendAsync(fra, RequestType.MutualLegalAssistance, "BRA");
        var bra = await SignedInAsync("ca.bra@demo.entraide.int", javaScript: false);
        await bra.GotoAsync($"/requests/{id}");
        await StepAsync(bra, "acknowledge");
        await StepAsync(bra, "start-assessment");
        await bra.ClickAsync("[data-testid=do-accept]");
        await bra.WaitForSelectorAsync("[data-testid=confirm-step]");
        Assert.False(await bra.Locator("[data-testid=confirm-dialog]").IsVisibleAsync());
        Assert.Contains("FRA will see", await bra.TextContentAsync("[data-testid=confirm-step]"));
        Assert.Equal("Under assessment", await StatusAsync(bra));
        await bra.ClickAsync("[data-testid=cancel-confirm]");
        await bra.WaitForSelectorAsync("[data-testid=do-accept]");
        Assert.Equal("Under assessment", await StatusAsync(bra));
        await bra.ClickAsync("[data-testid=do-accept]");
        await bra.WaitForSelectorAsync("[data-testid=confirm-step]");
        await bra.ClickAsync("[data-testid=confirm]");
        await bra.WaitForSelectorAsync("[data-testid=status]:text('Accepted')");
        Assert.Equal("Accepted", await StatusAsync(bra));
    }

    [BrowserFact]
    public async Task RefuseAndWithdraw_GoThroughTheDialog_WhichRepeatsTheReasonsTheOtherStateWillRead()
    {
        var fra = await SignedInAsync("ca.fra@demo.entraide.int");
        var refused = await SendAsync(fra, RequestType.MutualLegalAssistance, "BRA");
        var withdrawn = await SendAsync(fra, RequestType.MutualLegalAssistance, "BRA");
        var bra = await SignedInAsync("ca.bra@demo.entraide.int");
        await bra.GotoAsync($"/requests/{refused}");
        await StepAsync(bra, "acknowledge");
        await StepAsync(bra, "start-assessment");
        await bra.ClickAsync("details.action summary:has-text('Refuse')");
        await bra.SelectOptionAsync("#ground-refuse", "political-offence");
        var reasons = "The conduct is a political offence under our law, as our Constitution defines it.";
        await bra.FillAsync("#reasons-refuse", reasons);
        await bra.ClickAsync("[data-testid=do-refuse]");
        await bra.Locator("[data-testid=confirm-dialog]").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal(reasons, (await bra.TextContentAsync("[data-testid=dialog-reasons]"))!.Trim());
        Assert.Contains("FRA will read", await bra.TextContentAsync("[data-testid=confirm-dialog]"));
        await ConfirmInDialogAsync(bra);
        Assert.Equal("Refused", await StatusAsync(bra));

        await fra.GotoAsync($"/requests/{withdrawn}");
        await StepAsync(fra, "withdraw");
        Assert.Equal("Withdrawn", await StatusAsync(fra));
    }

    [BrowserFact]
    public async Task Emergency_AcknowledgedOnAnotherPage_LeavesTheBannerAndTheTitleOfTheFirst()
    {
        var watching = await SignedInAsync("poc.bra@demo.entraide.int");
        await watching.GotoAsync("/requests");
        await watching.WaitForSelectorAsync("#emergency-alerts[data-live=connected]", new() { State = WaitForSelectorState.Attached });
        var before = await watching.TitleAsync();

        var fra = await SignedInAsync("poc.fra@demo.entraide.int");
        var id = await SendAsync(fra, RequestType.EmergencyDisclosure, "BRA");
        var alert = watching.Locator($"#emergency-alerts li[data-id='{id}']");
        await alert.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        Assert.NotEqual(before, await watching.TitleAsync());
        await watching.EvaluateAsync("() => { window.entraideNoReload = true; }");

        // A colleague at the same 24/7 point, in another browser, acknowledges it.
        var colleague = await SignedInAsync("poc.bra@demo.entraide.int");
        await colleague.GotoAsync($"/requests/{id}");
        await StepAsync(colleague, "acknowledge");
        Assert.Equal("Received", await StatusAsync(colleague));

        await alert.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 20_000 });
        Assert.True(await watching.EvaluateAsync<bool>("() => window.entraideNoReload === true"));
        Assert.Equal(before, await watching.TitleAsync());
    }

    [GeneratedRegex("/requests/([0-9a-f-]{36})")]
    private static partial Regex RequestId();
}
