using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Cooperation;

/// <summary>The pages, driven as a browser without JavaScript would: GET, read the form, POST it back.</summary>
[Collection(AppCollection.Name)]
public sealed class RequestPagesTests(AppFixture fixture)
{
    private static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"Expected {(int)status} but got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        return new HtmlParser().ParseDocument(html);
    }

    private static FormUrlEncodedContent Form(IHtmlFormElement form, Dictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            if (!values.ContainsKey(input.Name!)) fields.Add(new(input.Name!, input.Value));
        fields.AddRange(values);
        return new FormUrlEncodedContent(fields);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task DraftingAssistant_ShowsEachFieldWithItsArticle_AndTheRequestedStatesProfile(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.CentralAuthority);
        var doc = await PageAsync(await client.GetAsync("/requests/draft?type=preservation&to=BRA&lang=fr"), HttpStatusCode.OK);
        var form = doc.QuerySelector("[data-testid=draft-form]")!;
        var label = form.QuerySelector("label[for=f-dataToPreserve]")!.TextContent;
        Assert.Contains("Données informatiques stockées à conserver", label);
        Assert.Contains("art. 42", label);
        Assert.NotNull(form.QuerySelector("input[name='f.intentToRequestMla'][type=checkbox]"));
        Assert.Null(form.QuerySelector("[name='f.assistanceSought']"));
        Assert.Contains("Langues acceptées", doc.QuerySelector("[data-testid=profile]")!.TextContent);
        Assert.Contains("Pas encore connu", doc.QuerySelector("[data-testid=dual-criminality]")!.TextContent);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task DraftingAssistant_SendingAnIncompleteMla_NamesEachMissingFieldBesideIt_AndKeepsTheDraft(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.CentralAuthority);
        var doc = await PageAsync(await client.GetAsync("/requests/draft?type=mla&to=BRA"), HttpStatusCode.OK);
        var form = (IHtmlFormElement)doc.QuerySelector("[data-testid=draft-form]")!;
        var response = await client.PostAsync("/requests/draft?handler=Submit", Form(form, new()
        {
            ["language"] = "en",
            ["f.facts"] = "A server in Lyon was encrypted by ransomware.",
            ["f.requestingAuthority"] = "Parquet de Paris",
        }));
        var after = await PageAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Fill in “The purpose of the request”: this field is required (article 40).",
            after.QuerySelector("[data-testid=error-purpose]")!.TextContent);
        Assert.NotNull(after.QuerySelector("[data-testid=error-subject]"));
        Assert.Null(after.QuerySelector("[data-testid=error-facts]"));
        Assert.Equal("true", after.QuerySelector("#f-purpose")!.GetAttribute("aria-invalid"));
        Assert.Equal(["limit-purpose", "err-purpose"], after.QuerySelector("#f-purpose")!.GetAttribute("aria-describedby")!.Split(' ')
            .Where(t => t != "hint-purpose"));
        // The limit is stated before the user reaches it, and the browser enforces it.
        Assert.Equal("8000", after.QuerySelector("#f-purpose")!.GetAttribute("maxlength"));
        Assert.Equal("Up to 8000 characters.", after.QuerySelector("[data-testid=limit-purpose]")!.TextContent);
        // The draft kept what was typed.
        Assert.Equal("A server in Lyon was encrypted by ransomware.", after.QuerySelector("#f-facts")!.TextContent);
        Assert.NotNull(after.QuerySelector("[data-testid=draft-form] input[name=id]"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RequestPage_RefusalWithoutReasons_IsRejectedBesideTheField(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        await bra.StepAsync(id, "start-assessment").ExpectAsync(HttpStatusCode.OK);
        var doc = await PageAsync(await bra.GetAsync($"/requests/{id}"), HttpStatusCode.OK);
        var form = (IHtmlFormElement)doc.QuerySelector("[data-testid=do-refuse]")!.Closest("form")!;
        var after = await PageAsync(await bra.PostAsync($"/requests/{id}?handler=Step",
            Form(form, new() { ["ground"] = "political-offence", ["reasons"] = "" })), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Fill in “A written statement of reasons”: this field is required",
            after.QuerySelector("[data-testid=error-reasons]")!.TextContent);
        Assert.Equal("Under assessment", after.QuerySelector("[data-testid=status]")!.TextContent);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RequestPage_ThirdState_GetsNotFound(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var response = await app.ClientFor("CHN", Roles.CentralAuthority).GetAsync($"/requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor("CHN", Roles.CentralAuthority).GetAsync($"/requests/{id}/document")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RequestPage_BothSidesSeeTheTimeline_AndArabicIsRightToLeft(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "EGY", "IND");
        var doc = await PageAsync(await app.ClientFor("EGY", Roles.Investigator).GetAsync($"/requests/{id}?lang=ar"), HttpStatusCode.OK);
        Assert.Equal("rtl", doc.DocumentElement.GetAttribute("dir"));
        var timeline = doc.QuerySelector("[data-testid=timeline]")!.TextContent;
        Assert.Contains("أُرسل", timeline);
        Assert.Contains("أُشعر بالاستلام", timeline);
        var ind = await PageAsync(await app.ClientFor("IND", Roles.CentralAuthority).GetAsync($"/requests/{id}"), HttpStatusCode.OK);
        Assert.NotNull(ind.QuerySelector("[data-testid=do-start-assessment]"));
        Assert.Null(doc.QuerySelector("[data-testid=do-start-assessment]"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Inbox_ListsIncomingRequestsWithTheirBuckets(Db db)
    {
        var app = fixture.App(db);
        var sent = await app.ClientFor("AUS", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", "JPN"));
        var doc = await PageAsync(await app.ClientFor("JPN", Roles.PointOfContact).GetAsync("/requests?bucket=new&lang=zh"), HttpStatusCode.OK);
        Assert.Contains(doc.QuerySelectorAll("[data-testid=request-link]"), a => a.GetAttribute("href") == $"/requests/{sent.Id()}");
        Assert.Contains("收到的请求", doc.QuerySelector("nav.tabs")!.TextContent);
    }
}
