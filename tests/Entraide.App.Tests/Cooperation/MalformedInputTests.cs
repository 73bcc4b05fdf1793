using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// What a careless or hostile client sends to the requests API: control characters in texts and file
/// names, nulls in lists, values longer than their column, numbers no type holds, wrong JSON types.
/// Each answer is a clear client error (never a 5xx), and nothing stored changes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MalformedInputTests(AppFixture fixture)
{
    private const string Nul = "\u0000";
    private const string RightToLeftOverride = "\u202E";
    private const string Reasons = "Executing the measure would breach a constitutional protection of the person concerned.";

    [Theory, ClassData(typeof(Databases))]
    public async Task Draft_TextWithAControlCharacter_IsRefusedBesideItsField_AndNothingIsSaved(Db db)
    {
        var app = fixture.App(db);
        var client = app.ClientFor("FRA", Roles.CentralAuthority);
        var marker = "ctl" + Guid.NewGuid().ToString("N")[..10];
        foreach (var (field, body) in new (string, object)[]
        {
            ("facts", Body(marker, fields => fields["facts"] = "a" + Nul + "b")),
            ("requestingAuthority", Body(marker, fields => fields["requestingAuthority"] = "Parquet" + RightToLeftOverride + "sirap")),
            ("conductTerms", Body(marker, conductTerms: ["illegal" + Nul + "access"])),
            ("deadlineReasons", Body(marker, deadline: DateTimeOffset.UtcNow.AddDays(9), deadlineReasons: "Trial" + Nul)),
        })
        {
            var problem = await client.PostJsonAsync("/api/v1/requests", body).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity,
                "control-characters");
            Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
            using var submission = Submission(body, out var key);
            await (await client.SendAsync(submission)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
            Assert.False(await app.WithDbAsync(d => d.Set<SubmissionKey>().AnyAsync(k => k.Key == key)));
        }
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<CooperationRequest>().CountAsync(r => r.SearchText.Contains(marker))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task UpdateDraft_FieldWithANul_IsRefused_AndTheDraftIsUnchanged(Db db)
    {
        var app = fixture.App(db);
        var client = app.ClientFor("FRA", Roles.CentralAuthority);
        var draft = await client.PostJsonAsync("/api/v1/requests", CooperationTestData.Body("mla", "BRA")).ExpectAsync(HttpStatusCode.Created);
        var before = await StoredAsync(app, draft.Id());
        var fields = new Dictionary<string, string?>(CooperationTestData.CompleteFields("mla")) { ["purpose"] = Nul };
        var body = CooperationTestData.Body("mla", "BRA", fields);
        await client.PutAsync($"/api/v1/requests/{draft.Id()}", Json(body)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity,
            "control-characters");
        Assert.Equal(before, await StoredAsync(app, draft.Id()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Refuse_ReasonsWithAControlCharacterOrTooLong_IsRefused_AndTheRequestIsUnchanged(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        await bra.StepAsync(id, "start-assessment").ExpectAsync(HttpStatusCode.OK);
        var before = await StoredAsync(app, id);
        await bra.StepAsync(id, "refuse", "political-offence", Reasons + Nul).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity,
            "control-characters");
        await bra.StepAsync(id, "refuse", "political-offence", RightToLeftOverride + Reasons).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        await bra.StepAsync(id, "refuse", "political-offence", new string('r', 8001))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "too-long");
        Assert.Equal(before, await StoredAsync(app, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task PostMessage_BodyWithANul_IsRefused_AndTheThreadIsUnchanged(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var fra = app.ClientFor("FRA", Roles.CentralAuthority);
        var before = await StoredAsync(app, id);
        var problem = await fra.PostJsonAsync($"/api/v1/requests/{id}/messages", new { kind = "status-enquiry", body = "Where" + Nul + "?" })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
        Assert.Equal("body", Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        Assert.Equal(before, await StoredAsync(app, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Attach_FileNameWithABidiOverrideOrANul_IsRefused_AndNothingIsAttached(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        var before = await StoredAsync(app, id);
        foreach (var (name, limitation) in new[] { ("invoice" + RightToLeftOverride + "fdp.exe", null), ("order" + Nul + ".pdf", null),
            ("order.pdf", "Only" + Nul) })
        {
            using var form = Upload(name, limitation);
            var problem = await (await bra.PostAsync($"/api/v1/requests/{id}/attachments", form))
                .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
            Assert.Equal(limitation is null ? "file" : "useLimitation", Assert.Single(problem.GetProperty("errors").EnumerateArray())
                .GetProperty("field").GetString());
        }
        Assert.Equal(before, await StoredAsync(app, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Attach_ContentTypeLongerThanItsColumn_IsKeptAsPlainBytes(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("subscriber records"u8.ToArray());
        file.Headers.TryAddWithoutValidation("Content-Type", "text/csv; note=" + new string('x', 200));
        form.Add(file, "file", "records.csv");
        var a = await (await app.ClientFor("BRA", Roles.CentralAuthority).PostAsync($"/api/v1/requests/{id}/attachments", form))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("application/octet-stream", a.GetProperty("contentType").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task OnwardTransfer_ReasonsWithANulOrLongerThanTheirColumn_IsRefused_AndTheDocumentIsUnchanged(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        using var form = Upload("records.csv", null);
        var a = await (await app.ClientFor("BRA", Roles.CentralAuthority).PostAsync($"/api/v1/requests/{id}/attachments", form))
            .ExpectAsync(HttpStatusCode.Created);
        var fra = app.ClientFor("FRA", Roles.CentralAuthority);
        var url = $"/api/v1/requests/{id}/attachments/{a.Id()}/onward-transfer";
        var before = await StoredAsync(app, id);
        await fra.PostJsonAsync(url, new { toState = "DEU", reasons = "Joint" + Nul })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "control-characters");
        await fra.PostJsonAsync(url, new { toState = "DEU", reasons = new string('j', 2001) })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "too-long");
        await fra.PostJsonAsync(url, new { toState = "D" + Nul + "U", reasons = "Joint investigation." })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await StoredAsync(app, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Draft_NullsInTheListOfConductTerms_AreIgnored(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.CentralAuthority);
        var body = Body("nulls", conductTerms: [null, "illegal-access", null]);
        var draft = await client.PostJsonAsync("/api/v1/requests", body).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(["illegal-access"], draft.GetProperty("conductTerms").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Draft_ConductTermsLongerTogetherThanTheirColumn_AreRefused_AndNothingIsSaved(Db db)
    {
        var app = fixture.App(db);
        var marker = "terms" + Guid.NewGuid().ToString("N")[..10];
        var terms = Enumerable.Range(0, 20).Select(i => $"{i:00}-" + new string('t', 70)).ToArray();
        await app.ClientFor("FRA", Roles.CentralAuthority).PostJsonAsync("/api/v1/requests", Body(marker, conductTerms: terms))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "too-long");
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<CooperationRequest>().CountAsync(r => r.SearchText.Contains(marker))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task MalformedBodies_AreClientErrors_AndChangeNothing(Db db)
    {
        var app = fixture.App(db);
        var id = await CooperationTestData.ReceivedMlaAsync(app, "FRA", "BRA");
        var fra = app.ClientFor("FRA", Roles.CentralAuthority);
        var bra = app.ClientFor("BRA", Roles.CentralAuthority);
        using (var upload = Upload("order.pdf", "Only for this case."))
            await (await bra.PostAsync($"/api/v1/requests/{id}/attachments", upload)).ExpectAsync(HttpStatusCode.Created);
        var attachment = (await fra.GetAsync($"/api/v1/requests/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("attachments")[0].Id();
        var deep = new string('[', 200) + new string(']', 200);
        var cases = new (HttpClient Client, string Method, string Url, string Body)[]
        {
            (fra, "POST", "/api/v1/requests", "null"),
            (fra, "POST", "/api/v1/requests", "[]"),
            (fra, "POST", "/api/v1/requests", deep),
            (fra, "POST", "/api/v1/requests", """{"type":"mla","requestedState":"BRA","fields":{"facts":5}}"""),
            (fra, "POST", "/api/v1/requests", """{"type":"mla","requestedState":"BRA","fields":[1,2]}"""),
            (fra, "POST", "/api/v1/requests", """{"type":"mla","requestedState":"BRA","conductTerms":"illegal-access"}"""),
            (fra, "POST", "/api/v1/requests", """{"type":"mla","requestedState":"BRA","confidential":"yes"}"""),
            (fra, "POST", "/api/v1/requests", """{"type":"mla","requestedState":"BRA","deadline":"9999-12-31T23:59:59-14:00"}"""),
            (fra, "POST", "/api/v1/requests", """{"type":"mla","requestedState":"BRA","deadline":"0001-01-01T00:00:00Z"}"""),
            (fra, "POST", "/api/v1/requests", """{"type":"mla","requestedState":"BRA","version":1e308}"""),
            (fra, "PUT", $"/api/v1/requests/{id}", """{"type":"mla","requestedState":"BRA","version":99999999999}"""),
            (bra, "POST", $"/api/v1/requests/{id}/transitions", "null"),
            (bra, "POST", $"/api/v1/requests/{id}/transitions", """{"action":"start-assessment","version":1e308}"""),
            (bra, "POST", $"/api/v1/requests/{id}/transitions", """{"action":["accept"]}"""),
            (bra, "POST", $"/api/v1/requests/{id}/transitions", """{"action":"start-assessment","acceptConfidentiality":"maybe"}"""),
            (bra, "POST", $"/api/v1/requests/{id}/transitions", """{"action":"start-assessment","version":-2147483648}"""),
            (fra, "POST", $"/api/v1/requests/{id}/messages", """{"body":"x","inReplyTo":"not-a-guid"}"""),
            (fra, "POST", $"/api/v1/requests/{id}/messages", $$"""{"body":"x","inReplyTo":"{{Guid.NewGuid()}}"}"""),
            (fra, "POST", $"/api/v1/requests/{id}/messages", """{"body":["x"]}"""),
            (fra, "POST", $"/api/v1/requests/{id}/messages", """{"kind":"status-enquiry\u0000","body":"x"}"""),
            (fra, "POST", $"/api/v1/requests/{id}/attachments/{attachment}/onward-transfer", """{"toState":null,"reasons":null}"""),
            (bra, "POST", $"/api/v1/requests/{id}/attachments/{attachment}/onward-transfer/decision", """{"authorise":null}"""),
            (bra, "POST", $"/api/v1/requests/{id}/attachments/{attachment}/onward-transfer/decision", """{"authorise":1}"""),
        };
        var before = await StoredAsync(app, id);
        foreach (var (client, method, url, body) in cases)
        {
            using var message = new HttpRequestMessage(new HttpMethod(method), url);
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(message);
            Assert.True((int)response.StatusCode is >= 400 and < 500,
                $"{method} {url} {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        foreach (var form in new HttpContent[]
        {
            new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nunfinished", Encoding.UTF8),
            Upload("order.pdf", null, retentionDays: "99999999999"),
            Upload("order.pdf", null, retentionDays: "1e3"),
            new FormUrlEncodedContent([new("useLimitation", "x")]),
        })
        {
            if (form is StringContent) form.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
            using var response = await bra.PostAsync($"/api/v1/requests/{id}/attachments", form);
            Assert.True((int)response.StatusCode is >= 400 and < 500,
                $"upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            form.Dispose();
        }
        Assert.Equal(before, await StoredAsync(app, id));
    }

    private static object Body(string subject, Action<Dictionary<string, string?>>? change = null, string?[]? conductTerms = null,
        DateTimeOffset? deadline = null, string? deadlineReasons = null)
    {
        var fields = CooperationTestData.CompleteFields("mla");
        fields["subject"] = subject;
        change?.Invoke(fields);
        return new { type = "mla", requestedState = "BRA", language = "en", fields, conductTerms, deadline, deadlineReasons };
    }

    private static HttpRequestMessage Submission(object body, out string key)
    {
        key = "bad-" + Guid.NewGuid().ToString("N");
        var m = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests/submissions") { Content = Json(body) };
        m.Headers.Add("Idempotency-Key", key);
        return m;
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, HttpAssertions.Json), Encoding.UTF8, "application/json");

    // Written by hand: HttpClient refuses some of the characters under test in a file name. The name travels
    // as RFC 5987 UTF-8 (filename*), as browsers send names outside ASCII, so each character reaches the server.
    private static ByteArrayContent Upload(string fileName, string? useLimitation, string? retentionDays = null)
    {
        const string boundary = "entraide-test-boundary";
        var body = new StringBuilder();
        body.Append("--").Append(boundary).Append("\r\n")
            .Append("Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''").Append(Uri.EscapeDataString(fileName)).Append("\r\n")
            .Append("Content-Type: application/pdf\r\n\r\ncourt order\r\n");
        foreach (var (name, value) in new[] { ("useLimitation", useLimitation), ("retentionDays", retentionDays) })
        {
            if (value is null) continue;
            body.Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n")
                .Append(value).Append("\r\n");
        }
        body.Append("--").Append(boundary).Append("--\r\n");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    /// <summary>What is stored of a request: its row, the counts of its timeline, thread and documents, and its audit entries.</summary>
    private static Task<string> StoredAsync(TestApp app, string id) => app.WithDbAsync(async d =>
    {
        var rid = Guid.Parse(id);
        var r = await d.Set<CooperationRequest>().AsNoTracking().SingleAsync(x => x.Id == rid);
        var attachments = await d.Set<RequestAttachment>().AsNoTracking().Where(a => a.RequestId == rid).OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.FileName,
                a.ConditionsAcknowledgedAt,
                a.OnwardTransferRequestedTo,
                a.OnwardTransferReasons,
                a.OnwardTransferAuthorisedTo
            })
            .ToListAsync();
        return JsonSerializer.Serialize(new
        {
            r.Version,
            r.Status,
            r.UpdatedAt,
            r.FieldsJson,
            r.ConductTerms,
            r.DeadlineReasons,
            r.Ground,
            r.GroundReasons,
            Events = await d.Set<RequestEvent>().CountAsync(e => e.RequestId == rid),
            Messages = await d.Set<RequestMessage>().CountAsync(m => m.RequestId == rid),
            attachments,
            Audit = await d.Set<AuditEntry>().CountAsync(e => e.EntityId == id),
        });
    });
}
