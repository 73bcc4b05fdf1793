using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Tests.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// A State's own work on a request (an officer in charge, internal notes), the preservation period the requested
/// State records, the confirmation before an irreversible step, the forms that keep what was typed, and the export.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseWorkTests(AppFixture fixture)
{
    private static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"Expected {(int)status} but got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 1500)]}");
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

    private static async Task<string> PreservedAsync(TestApp app, string from, string to)
    {
        var p = (await app.ClientFor(from, Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("preservation", to))).Id();
        foreach (var step in new[] { "acknowledge", "start-assessment", "accept", "start-execution", "record-execution" })
            await app.ClientFor(to, Roles.PointOfContact).StepAsync(p, step).ExpectAsync(HttpStatusCode.OK);
        return p;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Assign_ByTheCentralAuthority_IsSeenByItsStateOnly_AndFillsAssignedToMe(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var officer = await Accounts.CreateAsync(app, "BRA", "en", Roles.CentralAuthority);
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);

        var choices = await bra.GetAsync($"/api/v1/requests/{id}/assignment").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(choices.GetProperty("officers").EnumerateArray(), o => o.GetProperty("id").GetString() == officer.Id);
        Assert.DoesNotContain(choices.GetProperty("officers").EnumerateArray(), o => o.GetProperty("id").GetString()!.Length == 0);
        var assigned = await bra.PutAsJsonAsync($"/api/v1/requests/{id}/assignment", new { assignee = officer.Id }, HttpAssertions.Json)
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(officer.DisplayName, assigned.GetProperty("assigneeName").GetString());

        var fra = await app.ClientFor("FRA", Roles.CentralAuthority).GetAsync($"/api/v1/requests/{id}/assignment").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fra.GetProperty("assigneeId").ValueKind);
        Assert.DoesNotContain(fra.GetProperty("officers").EnumerateArray(), o => o.GetProperty("id").GetString() == officer.Id);
        var fraPage = await app.ClientFor("FRA", Roles.CentralAuthority).GetStringAsync($"/requests/{id}");
        Assert.DoesNotContain(officer.DisplayName!, fraPage, StringComparison.Ordinal);

        var mine = await (await Accounts.SignInAsync(app, officer)).GetAsync("/api/v1/requests?box=incoming&assigned=me")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var all = await bra.GetAsync("/api/v1/requests?box=incoming&assigned=me").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);

        var audited = await app.WithDbAsync(ctx =>
            ctx.Set<AuditEntry>().AnyAsync(e => e.Action == "cooperation.request.assign" && e.StateCode == "BRA"));
        Assert.True(audited);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Assign_AnotherStatesAccount_IsRefusedBesideTheField_AndAPointOfContactMayNotAssign(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var foreign = await Accounts.CreateAsync(app, "FRA", "en", Roles.CentralAuthority);
        var response = await app.ClientFor("BRA", Roles.CentralAuthority)
            .PutAsJsonAsync($"/api/v1/requests/{id}/assignment", new { assignee = foreign.Id }, HttpAssertions.Json);
        var problem = await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("assignee", problem.GetRawText(), StringComparison.Ordinal);
        var poc = await app.ClientFor("BRA", Roles.PointOfContact)
            .PutAsJsonAsync($"/api/v1/requests/{id}/assignment", new { assignee = foreign.Id }, HttpAssertions.Json);
        Assert.Equal(HttpStatusCode.Forbidden, poc.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await app.ClientFor("BRA", Roles.CentralAuthority).GetAsync("/api/v1/requests?assigned=everyone")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Notes_AreReadByTheWritingStateOnly(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var text = "Provider called, records expected Monday " + Guid.NewGuid().ToString("N")[..6];
        var bra = app.ClientFor("BRA", Roles.Investigator, Roles.CentralAuthority);
        await bra.PostJsonAsync($"/api/v1/requests/{id}/notes", new { body = text }).ExpectAsync(HttpStatusCode.Created);

        var own = await bra.GetAsync($"/api/v1/requests/{id}/notes").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(own.EnumerateArray(), n => n.GetProperty("body").GetString() == text);
        Assert.Contains(text, await bra.GetStringAsync($"/requests/{id}"), StringComparison.Ordinal);

        var fra = app.ClientFor("FRA", Roles.CentralAuthority);
        var theirs = await fra.GetAsync($"/api/v1/requests/{id}/notes").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(theirs.EnumerateArray());
        Assert.DoesNotContain(text, await fra.GetStringAsync($"/requests/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(text, await (await fra.GetAsync($"/api/v1/requests/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await bra.PostJsonAsync($"/api/v1/requests/{id}/notes", new { body = "  " }).ExpectAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task PreservationPeriod_RecordedByTheRequestedState_IsShownToBoth(Db db)
    {
        var app = fixture.App(db);
        var id = await PreservedAsync(app, "FRA", "JPN");
        var jpn = app.ClientFor("JPN", Roles.PointOfContact);
        var before = await jpn.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK);
        var executed = before.GetProperty("executedAt").GetDateTimeOffset();

        var view = await jpn.PutAsJsonAsync($"/api/v1/requests/{id}/preservation-period", new { days = 90 }, HttpAssertions.Json)
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(90, view.GetProperty("preservationDays").GetInt32());
        Assert.Equal(executed.AddDays(90), view.GetProperty("preservationExpiresAt").GetDateTimeOffset());

        var fra = app.ClientFor("FRA", Roles.PointOfContact);
        var seen = await fra.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(90, seen.GetProperty("preservationDays").GetInt32());
        var page = await PageAsync(await fra.GetAsync($"/requests/{id}"), HttpStatusCode.OK);
        Assert.Contains("90", page.QuerySelector("[data-testid=preservation-days]")!.TextContent, StringComparison.Ordinal);

        await jpn.PutAsJsonAsync($"/api/v1/requests/{id}/preservation-period", new { days = 30 }, HttpAssertions.Json)
            .ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var wrongSide = await fra.PutAsJsonAsync($"/api/v1/requests/{id}/preservation-period", new { days = 120 }, HttpAssertions.Json);
        Assert.Equal(HttpStatusCode.Forbidden, wrongSide.StatusCode);
        Assert.Equal(90, (await fra.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("preservationDays").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task PreservationPeriodForm_OutOfBounds_KeepsWhatWasTyped_BesideTheField(Db db)
    {
        var app = fixture.App(db);
        var id = await PreservedAsync(app, "FRA", "JPN");
        var jpn = app.ClientFor("JPN", Roles.PointOfContact);
        var doc = await PageAsync(await jpn.GetAsync($"/requests/{id}"), HttpStatusCode.OK);
        var form = (IHtmlFormElement)doc.QuerySelector("[data-testid=preservation-period-form]")!;
        var after = await PageAsync(await jpn.PostAsync($"/requests/{id}?handler=PreservationPeriod",
            Form(form, new() { ["preservationDays"] = "45" })), HttpStatusCode.UnprocessableEntity);
        Assert.NotNull(after.QuerySelector("[data-testid=error-preservationDays]"));
        Assert.Equal("45", ((IHtmlInputElement)after.QuerySelector("#preservationDays")!).Value);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AcceptStep_AsksToConfirm_SayingWhatTheOtherStateSees_ThenTakesIt(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        await bra.StepAsync(id, "start-assessment").ExpectAsync(HttpStatusCode.OK);
        var doc = await PageAsync(await bra.GetAsync($"/requests/{id}"), HttpStatusCode.OK);
        var form = (IHtmlFormElement)doc.QuerySelector("[data-testid=do-accept]")!.Closest("form")!;

        var confirm = await PageAsync(await bra.PostAsync($"/requests/{id}?handler=Step", Form(form, [])), HttpStatusCode.OK);
        var step = confirm.QuerySelector("[data-testid=confirm-step]");
        Assert.NotNull(step);
        Assert.Contains("FRA will see", step!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Under assessment", confirm.QuerySelector("[data-testid=status]")!.TextContent);
        var still = await bra.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("under-assessment", still.Status());

        var confirmForm = (IHtmlFormElement)step.QuerySelector("[data-testid=confirm]")!.Closest("form")!;
        var done = await bra.PostAsync($"/requests/{id}?handler=Step", Form(confirmForm, []));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("accepted", (await bra.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK)).Status());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RefusalForm_AfterARuleError_KeepsTheGroundAndReasons_AndTheConfirmationRepeatsThem(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        await bra.StepAsync(id, "start-assessment").ExpectAsync(HttpStatusCode.OK);
        var doc = await PageAsync(await bra.GetAsync($"/requests/{id}"), HttpStatusCode.OK);
        var form = (IHtmlFormElement)doc.QuerySelector("[data-testid=do-refuse]")!.Closest("form")!;

        var after = await PageAsync(await bra.PostAsync($"/requests/{id}?handler=Step",
            Form(form, new() { ["ground"] = "political-offence", ["reasons"] = "Too short" })), HttpStatusCode.UnprocessableEntity);
        var again = (IHtmlFormElement)after.QuerySelector("[data-testid=do-refuse]")!.Closest("form")!;
        Assert.Equal("political-offence", ((IHtmlSelectElement)again.QuerySelector("select[name=ground]")!).Value);
        Assert.Equal("Too short", ((IHtmlTextAreaElement)again.QuerySelector("textarea[name=reasons]")!).Value);

        var reasons = "The offence is of a political character under our law.";
        var confirm = await PageAsync(await bra.PostAsync($"/requests/{id}?handler=Step",
            Form(again, new() { ["ground"] = "political-offence", ["reasons"] = reasons })), HttpStatusCode.OK);
        Assert.Equal(reasons, confirm.QuerySelector("[data-testid=confirm-reasons]")!.TextContent);
        Assert.Equal("under-assessment", (await bra.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK)).Status());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task MessageForm_AfterAnError_KeepsTheKindChosen(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var fra = app.ClientFor("FRA", Roles.CentralAuthority);
        var doc = await PageAsync(await fra.GetAsync($"/requests/{id}"), HttpStatusCode.OK);
        var form = (IHtmlFormElement)doc.QuerySelector("form textarea[name=body]")!.Closest("form")!;
        var after = await PageAsync(await fra.PostAsync($"/requests/{id}?handler=Message",
            Form(form, new() { ["kind"] = "status-enquiry", ["body"] = "Where \u202E now?" })), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("status-enquiry", ((IHtmlSelectElement)after.QuerySelector("select[name=kind]")!).Value);
        Assert.Equal("Where \u202E now?", ((IHtmlTextAreaElement)after.QuerySelector("#body")!).Value);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Export_CsvAndXlsx_HoldTheInboxRows_WithItsFilters(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var reference = (await app.ClientFor("BRA", Roles.CentralAuthority).GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("reference").GetString()!;
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);

        var csv = await bra.GetAsync($"/api/v1/requests/export?format=csv&box=incoming&q={reference}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Reference,Type,", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(reference + ",", lines[1], StringComparison.Ordinal);

        var xlsx = await bra.GetAsync($"/api/v1/requests/export?format=xlsx&box=incoming&q={reference}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var cells = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Select(c => c.InnerText).ToList();
        Assert.Contains(reference, cells);
        Assert.Contains("Reference", cells);

        var outgoing = await (await bra.GetAsync($"/api/v1/requests/export?format=csv&box=outgoing&q={reference}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(reference, outgoing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await bra.GetAsync("/api/v1/requests/export?format=pdf")).StatusCode);
    }
}
