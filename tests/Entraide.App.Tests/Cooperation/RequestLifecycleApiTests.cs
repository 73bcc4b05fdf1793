using System.Net;
using Entraide.App.Cooperation.Requests;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Cooperation;

[Collection(AppCollection.Name)]
public sealed class RequestLifecycleApiTests(AppFixture fixture)
{
    private const string Reasons = "Executing the measure would breach a constitutional protection of the person concerned.";

    [Theory, ClassData(typeof(Databases))]
    public async Task Transition_FullLife_IsVisibleToBothSidesOnOneTimeline(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        foreach (var step in new[] { "start-assessment", "accept", "start-execution", "record-execution" })
            await bra.StepAsync(id, step).ExpectAsync(HttpStatusCode.OK);
        var seenByFra = await app.ClientFor("FRA", Roles.Investigator).GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("executed", seenByFra.Status());
        var timeline = seenByFra.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["submit", "acknowledge", "start-assessment", "accept", "start-execution", "record-execution"], timeline);
        var seenByBra = await bra.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("requested", seenByBra.GetProperty("side").GetString());
        Assert.Equal(6, seenByBra.GetProperty("timeline").GetArrayLength());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Refuse_WithoutReasons_IsRefusedAndTheRequestStaysAsItWas(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        await bra.StepAsync(id, "start-assessment").ExpectAsync(HttpStatusCode.OK);
        var problem = await bra.StepAsync(id, "refuse", "political-offence", "").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "required");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "reasons");
        Assert.Equal("under-assessment", (await bra.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK)).Status());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Refuse_OnBankSecrecy_IsNotAGround(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        await bra.StepAsync(id, "start-assessment").ExpectAsync(HttpStatusCode.OK);
        await bra.StepAsync(id, "refuse", "bank-secrecy", Reasons).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "ground-not-admissible");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Refuse_OnCurableGround_NeedsConsultationFirst(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        await bra.StepAsync(id, "start-assessment").ExpectAsync(HttpStatusCode.OK);
        await bra.StepAsync(id, "refuse", "domestic-law-bar", Reasons).ExpectProblemAsync(HttpStatusCode.Conflict, "consultation-required");
        await bra.StepAsync(id, "open-consultation").ExpectAsync(HttpStatusCode.OK);
        var refused = await bra.StepAsync(id, "refuse", "domestic-law-bar", Reasons).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("refused", refused.Status());
        var fra = await app.ClientFor("FRA", Roles.CentralAuthority).GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("domestic-law-bar", fra.GetProperty("ground").GetString());
        Assert.Equal(Reasons, fra.GetProperty("groundReasons").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Transition_RequestingSideTriesToAccept_IsForbidden(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        await app.ClientFor("FRA", Roles.CentralAuthority).StepAsync(id, "accept").ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Transition_OutOfOrder_IsAConflict(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        await app.ClientFor("BRA", Roles.CentralAuthority).StepAsync(id, "record-execution")
            .ExpectProblemAsync(HttpStatusCode.Conflict, "transition-not-allowed");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ThirdState_SeesNothing_OfARequestBetweenTwoOthers(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var chn = app.ClientFor("CHN", Roles.CentralAuthority, Roles.PointOfContact, Roles.Investigator);
        var missing = await chn.GetAsync($"/api/v1/requests/{Guid.NewGuid()}");
        var foreign = await chn.GetAsync($"/api/v1/requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(missing.StatusCode, foreign.StatusCode);
        await chn.StepAsync(id, "accept").ExpectProblemAsync(HttpStatusCode.NotFound);
        await chn.PostJsonAsync($"/api/v1/requests/{id}/messages", new { body = "hello" }).ExpectProblemAsync(HttpStatusCode.NotFound);
        foreach (var box in new[] { "incoming", "outgoing" })
        {
            var inbox = await chn.GetAsync($"/api/v1/requests?box={box}&pageSize=200").ExpectAsync(HttpStatusCode.OK);
            Assert.DoesNotContain(inbox.GetProperty("items").EnumerateArray(), i => i.Id() == id);
        }
        await app.ClientFor(null, Roles.Secretariat).GetAsync($"/api/v1/requests/{id}").ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Draft_IsInvisibleToTheRequestedState(Db db)
    {
        var app = fixture.App(db);
        var draft = await app.ClientFor("FRA", Roles.CentralAuthority).PostJsonAsync("/api/v1/requests", CooperationTestData.Body("mla", "BRA"))
            .ExpectAsync(HttpStatusCode.Created);
        await app.ClientFor("BRA", Roles.CentralAuthority).GetAsync($"/api/v1/requests/{draft.Id()}").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Confidential_ContentIsWithheldUntilTheRequestedSideAcceptsConfidentiality(Db db)
    {
        var app = fixture.App(db);
        var sent = await app.ClientFor("EGY", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("preservation", "NGA", confidential: true));
        var nga = app.ClientFor("NGA", Roles.PointOfContact);
        var before = await nga.GetAsync($"/api/v1/requests/{sent.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.True(before.GetProperty("contentWithheld").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.GetProperty("fields").ValueKind);
        await nga.StepAsync(sent.Id(), "acknowledge").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "confidentiality-must-be-accepted");
        await nga.StepAsync(sent.Id(), "acknowledge", acceptConfidentiality: true).ExpectAsync(HttpStatusCode.OK);
        var after = await nga.GetAsync($"/api/v1/requests/{sent.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.False(after.GetProperty("contentWithheld").GetBoolean());
        Assert.Equal("dataToPreserve of a test request", after.GetProperty("fields").GetProperty("dataToPreserve").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Preservation_ExecutedThenFollowedUp_CarriesReferenceAndShowsTheReverseLink(Db db)
    {
        var app = fixture.App(db);
        var fra = app.ClientFor("FRA", Roles.PointOfContact);
        var bra = app.ClientFor("BRA", Roles.PointOfContact);
        var p = await fra.SubmitAsync(CooperationTestData.Body("preservation", "BRA"));
        foreach (var step in new[] { "acknowledge", "start-assessment", "accept", "start-execution", "record-execution" })
            await bra.StepAsync(p.Id(), step).ExpectAsync(HttpStatusCode.OK);
        var executed = await fra.GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK);
        var expires = executed.GetProperty("preservationExpiresAt").GetDateTimeOffset();
        Assert.Equal(60, Math.Round((expires - executed.GetProperty("executedAt").GetDateTimeOffset()).TotalDays));

        var followUp = await fra.PostAsync($"/api/v1/requests/{p.Id()}/follow-up", null).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("stored-data", followUp.GetProperty("type").GetString());
        Assert.Equal(p.GetProperty("reference").GetString(), followUp.GetProperty("fields").GetProperty("preservationReference").GetString());
        Assert.Equal("facts of a test request", followUp.GetProperty("fields").GetProperty("facts").GetString());
        Assert.Equal(p.Id(), followUp.GetProperty("preceding").Id());
        var reverse = await fra.GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(followUp.Id(), reverse.GetProperty("followUp").Id());
        // The requested State learns of the follow-up only once it is sent.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await bra.GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("followUp").ValueKind);
        await fra.PostAsync($"/api/v1/requests/{p.Id()}/follow-up", null).ExpectProblemAsync(HttpStatusCode.Conflict, "follow-up-exists");

        await fra.StepAsync(p.Id(), "extend-preservation").ExpectAsync(HttpStatusCode.OK);
        var extended = await fra.GetAsync($"/api/v1/requests/{p.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(expires.AddDays(60), extended.GetProperty("preservationExpiresAt").GetDateTimeOffset());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StatusEnquiry_AnsweredByTheRequestedSide_BothSeeTheThread(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var fra = app.ClientFor("FRA", Roles.CentralAuthority);
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        var q = await fra.PostJsonAsync($"/api/v1/requests/{id}/messages", new
        {
            kind = "status-enquiry",
            body = "Where does our request stand?"
        }).ExpectAsync(HttpStatusCode.Created);
        await bra.PostJsonAsync($"/api/v1/requests/{id}/messages", new { kind = "status-enquiry", body = "Wrong side" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "enquiry-by-requesting-side");
        await bra.PostJsonAsync($"/api/v1/requests/{id}/messages", new
        {
            kind = "status-reply",
            body = "Assessment ends next week.",
            inReplyTo = q.Id()
        }).ExpectAsync(HttpStatusCode.Created);
        var thread = (await fra.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["status-enquiry", "status-reply"], thread.Select(m => m.GetProperty("kind").GetString()));
        Assert.Equal(q.Id(), thread[1].GetProperty("inReplyTo").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Attachment_WithUseConditions_OpensOnlyAfterTheReceiverAcknowledges_AndOnwardTransferNeedsTheSender(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var fra = app.ClientFor("FRA", Roles.CentralAuthority);
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("subscriber records"u8.ToArray()), "file", "records.csv" },
            { new StringContent("Only for the investigation named in the request."), "useLimitation" },
            { new StringContent("180"), "retentionDays" },
        };
        var a = await (await bra.PostAsync($"/api/v1/requests/{id}/attachments", form)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(64, a.GetProperty("sha256").GetString()!.Length);
        await fra.GetAsync($"/api/v1/requests/{id}/attachments/{a.Id()}").ExpectProblemAsync(HttpStatusCode.Conflict, "conditions-not-acknowledged");
        await fra.PostAsync($"/api/v1/requests/{id}/attachments/{a.Id()}/acknowledge", null).ExpectAsync(HttpStatusCode.OK);
        var file = await fra.GetAsync($"/api/v1/requests/{id}/attachments/{a.Id()}");
        Assert.Equal("subscriber records", await file.Content.ReadAsStringAsync());

        await fra.PostJsonAsync($"/api/v1/requests/{id}/attachments/{a.Id()}/onward-transfer", new { toState = "BRA", reasons = "x" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "not-a-third-state");
        await fra.PostJsonAsync($"/api/v1/requests/{id}/attachments/{a.Id()}/onward-transfer",
            new { toState = "DEU", reasons = "Joint investigation with Germany." }).ExpectAsync(HttpStatusCode.OK);
        await fra.PostJsonAsync($"/api/v1/requests/{id}/attachments/{a.Id()}/onward-transfer/decision", new { authorise = true })
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
        var decided = await bra.PostJsonAsync($"/api/v1/requests/{id}/attachments/{a.Id()}/onward-transfer/decision", new { authorise = true })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["DEU"], decided.GetProperty("onwardTransferAuthorisedTo").EnumerateArray().Select(x => x.GetString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Inbox_FiltersAndSearch_FindTheRequest(Db db)
    {
        var app = fixture.App(db);
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var fields = CooperationTestData.CompleteFields("mla");
        fields["subject"] = "Ransomware " + marker;
        var sent = await app.ClientFor("AUS", Roles.CentralAuthority).SubmitAsync(CooperationTestData.Body("mla", "IND", fields,
            deadline: DateTimeOffset.UtcNow.AddDays(3), deadlineReasons: "Trial opens on that date."));
        var ind = app.ClientFor("IND", Roles.CentralAuthority);
        var found = await ind.GetAsync($"/api/v1/requests?box=incoming&q={marker.ToUpperInvariant()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(sent.Id(), Assert.Single(found.GetProperty("items").EnumerateArray()).Id());
        var dueSoon = await ind.GetAsync($"/api/v1/requests?box=incoming&bucket=due-soon&type=mla&q={marker}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("due-soon", Assert.Single(dueSoon.GetProperty("items").EnumerateArray()).GetProperty("deadlineState").GetString());
        var wrongType = await ind.GetAsync($"/api/v1/requests?box=incoming&type=emergency&q={marker}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(wrongType.GetProperty("items").EnumerateArray());
        var outgoing = await app.ClientFor("AUS", Roles.Investigator).GetAsync($"/api/v1/requests?box=outgoing&q={marker}")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Single(outgoing.GetProperty("items").EnumerateArray());
        // The 24/7 point does not receive a non-urgent request sent to the central authority.
        var poc = await app.ClientFor("IND", Roles.PointOfContact).GetAsync($"/api/v1/requests?box=incoming&q={marker}")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(poc.GetProperty("items").EnumerateArray());
        await ind.GetAsync("/api/v1/requests?bucket=later").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-value");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Inbox_BucketCounts_AreTheBoxsWhateverThePageAndFilters(Db db)
    {
        // Liechtenstein receives requests in no other test: its counts are this test's alone.
        var app = fixture.App(db);
        var aus = app.ClientFor("AUS", Roles.CentralAuthority);
        await aus.SubmitAsync(CooperationTestData.Body("mla", "LIE", deadline: DateTimeOffset.UtcNow.AddDays(3),
            deadlineReasons: "Trial opens on that date."));
        await aus.SubmitAsync(CooperationTestData.Body("mla", "LIE"));
        await CooperationTestData.ReceivedMlaAsync(app, "FRA", "LIE");
        var lie = app.ClientFor("LIE", Roles.CentralAuthority);

        static (int New, int DueSoon, int Overdue) Counts(System.Text.Json.JsonElement page)
        {
            var c = page.GetProperty("counts");
            return (c.GetProperty("new").GetInt32(), c.GetProperty("dueSoon").GetInt32(), c.GetProperty("overdue").GetInt32());
        }
        var all = await lie.GetAsync("/api/v1/requests?box=incoming").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, all.GetProperty("items").GetArrayLength());
        Assert.Equal((2, 1, 0), Counts(all));
        // A page past the end, a filter that matches nothing, a bucket: the same counts.
        foreach (var url in new[] { "/api/v1/requests?box=incoming&page=9", "/api/v1/requests?box=incoming&type=emergency",
            "/api/v1/requests?box=incoming&bucket=new" })
            Assert.Equal((2, 1, 0), Counts(await lie.GetAsync(url).ExpectAsync(HttpStatusCode.OK)));
        // A box with nothing in it counts nothing; the sender's outgoing box counts its own.
        Assert.Equal((0, 0, 0), Counts(await lie.GetAsync("/api/v1/requests?box=outgoing").ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal((0, 0, 0), Counts(await app.ClientFor("LIE", Roles.PointOfContact).GetAsync("/api/v1/requests?box=incoming")
            .ExpectAsync(HttpStatusCode.OK)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Inbox_BucketCounts_StopAtTheirLimit_AndThePageSaysSo(Db db)
    {
        // Monaco receives requests in no other test. One more "new" request than the limit, one due soon.
        var app = fixture.App(db);
        var now = DateTimeOffset.UtcNow;
        var fra = new Actor("test-fra-mco", "Test", "FRA", new HashSet<string> { Roles.CentralAuthority });
        var monaco = new RequestedStateTerms([], null);
        await app.WithDbAsync(async d =>
        {
            for (var i = 0; i <= InboxCounts.CountLimit; i++)
            {
                var content = new DraftContent("mla", "MCO", "en", null, false, CooperationTestData.CompleteFields("mla"), null,
                    i == 0 ? now.AddDays(2) : null, i == 0 ? "Hearing." : null);
                var r = CooperationRequest.Draft(content, fra, now.AddSeconds(-i), StateDirectory.Default);
                r.Submit(Side.Requesting, fra, now.AddSeconds(-i), monaco);
                d.Add(r);
            }
            return await d.SaveChangesAsync();
        });
        var mco = app.ClientFor("MCO", Roles.CentralAuthority);
        var page = await mco.GetAsync("/api/v1/requests?box=incoming&bucket=due-soon").ExpectAsync(HttpStatusCode.OK);
        var counts = page.GetProperty("counts");
        Assert.Equal(InboxCounts.CountLimit, counts.GetProperty("new").GetInt32());
        Assert.Equal(1, counts.GetProperty("dueSoon").GetInt32());
        Assert.Equal(InboxCounts.CountLimit, counts.GetProperty("limit").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());

        var html = WebUtility.HtmlDecode(await mco.GetStringAsync("/requests?lang=fr"));
        var thousands = new System.Globalization.CultureInfo("fr").NumberFormat.NumberGroupSeparator;
        Assert.Contains($"data-testid=\"count-new\">1{thousands}000+</span>", html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Document_RendersTheFormalRequestInTheAskedLanguage_AndAsPdf(Db db)
    {
        var app = fixture.App(db);
        var fra = app.ClientFor("FRA", Roles.CentralAuthority);
        var sent = await fra.SubmitAsync(CooperationTestData.Body("mla", "BRA"));
        var html = await (await fra.GetAsync($"/api/v1/requests/{sent.Id()}/document?lang=fr")).Content.ReadAsStringAsync();
        Assert.Contains("entraide judiciaire</h1>", html);
        Assert.Contains("République fédérative du Brésil", html);
        Assert.Contains("lang=\"fr\"", html);
        var pdf = await fra.GetAsync($"/api/v1/requests/{sent.Id()}/document?format=pdf");
        if (File.Exists("/usr/bin/chromium"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4));
        }
        else
        {
            await pdf.ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, "pdf-unavailable");
        }
    }
}
