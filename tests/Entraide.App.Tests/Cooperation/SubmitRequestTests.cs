using System.Net;
using System.Net.Http.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Cooperation;

[Collection(AppCollection.Name)]
public sealed class SubmitRequestTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task SubmitDraft_IncompleteMla_ListsEveryMissingFieldWithItsArticle_AndKeepsTheDraft(Db db)
    {
        var app = fixture.App(db);
        var client = app.ClientFor("FRA", Roles.CentralAuthority);
        var draft = await client.PostJsonAsync("/api/v1/requests", new
        {
            type = "mla",
            requestedState = "BRA",
            language = "fr",
            fields = new Dictionary<string, string> { ["facts"] = "Intrusion dans un serveur." }
        })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("draft", draft.Status());

        var problem = await client.SubmitDraftAsync(draft.Id(), Guid.NewGuid().ToString())
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "required");
        var missing = problem.GetProperty("errors").EnumerateArray().Select(e =>
            (e.GetProperty("field").GetString(), e.GetProperty("article").GetString())).ToList();
        // Brazil does not accept requests in French (its profile lists pt, en, es): the language is refused too.
        Assert.Equal([("requestingAuthority", "40"), ("subject", "40"), ("conductingAuthority", "40"), ("assistanceSought", "40"),
            ("purpose", "40"), ("language", "40")], missing);

        var kept = await client.GetAsync($"/api/v1/requests/{draft.Id()}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", kept.Status());
        Assert.Equal("Intrusion dans un serveur.", kept.GetProperty("fields").GetProperty("facts").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SubmitDraft_MissingField_IsNamedInTheCallersLanguage(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.CentralAuthority);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var fields = CooperationTestData.CompleteFields("mla");
        fields.Remove("purpose");
        var draft = await client.PostJsonAsync("/api/v1/requests", CooperationTestData.Body("mla", "BRA", fields))
            .ExpectAsync(HttpStatusCode.Created);
        var problem = await client.SubmitDraftAsync(draft.Id(), "k-" + Guid.NewGuid())
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "required");
        Assert.Equal("Remplissez « La finalité de la demande » : ce champ est obligatoire (article 40).", problem.GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Draft_FieldTooLong_SaysTheLimit_InAPhraseThatHoldsForEveryField(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.CentralAuthority);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var fields = CooperationTestData.CompleteFields("mla");
        fields["requestingAuthority"] = new string('a', 501);
        var problem = await client.PostJsonAsync("/api/v1/requests", CooperationTestData.Body("mla", "BRA", fields))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "too-long");
        var message = problem.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "requestingAuthority")
            .GetProperty("message").GetString();
        Assert.StartsWith("« ", message, StringComparison.Ordinal);
        Assert.Contains(" » : ce champ dépasse 500 caractères", message, StringComparison.Ordinal);
        Assert.DoesNotContain("trop long", message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SubmitNew_SameKeyTwice_ReturnsTheFirstRequestAndCreatesOne(Db db)
    {
        var app = fixture.App(db);
        var client = app.ClientFor("USA", Roles.PointOfContact);
        var key = Guid.NewGuid().ToString();
        var subject = "idempotent-" + Guid.NewGuid().ToString("N");
        var fields = CooperationTestData.CompleteFields("preservation");
        fields["offence"] = subject;
        var body = CooperationTestData.Body("preservation", "MEX", fields);
        var first = await client.SubmitAsync(body, key);

        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests/submissions");

        retry.Content = JsonContent.Create(body, options: HttpAssertions.Json);
        retry.Headers.Add("Idempotency-Key", key);
        var second = await (await client.SendAsync(retry)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(first.Id(), second.Id());

        var count = await app.WithDbAsync(d => d.Set<CooperationRequest>().CountAsync(r => r.SearchText.Contains(subject)));
        Assert.Equal(1, count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SubmitNew_RetriedOnceItsDeadlineHasPassed_StillReturnsTheFirstRequest(Db db)
    {
        var app = fixture.App(db);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var later = app.Derive(s => s.AddSingleton<TimeProvider>(clock));
        var client = later.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            app.IssueToken("AUS", Roles.CentralAuthority));
        var key = Guid.NewGuid().ToString();
        var body = CooperationTestData.Body("mla", "NGA", deadline: clock.GetUtcNow().AddHours(1),
            deadlineReasons: "The suspect's detention ends then.");
        var first = await client.SubmitAsync(body, key);

        clock.Advance(TimeSpan.FromHours(2));
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests/submissions");
        retry.Content = JsonContent.Create(body, options: HttpAssertions.Json);
        retry.Headers.Add("Idempotency-Key", key);
        var second = await (await client.SendAsync(retry)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(first.Id(), second.Id());
        // A new key with the same body is a new submission, refused now that its deadline is past.
        using var fresh = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests/submissions");
        fresh.Content = JsonContent.Create(body, options: HttpAssertions.Json);
        fresh.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await client.SendAsync(fresh)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "deadline-in-past");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SubmitNew_SameKeyDifferentBody_IsRefused(Db db)
    {
        var client = fixture.App(db).ClientFor("USA", Roles.CentralAuthority);
        var key = Guid.NewGuid().ToString();
        await client.SubmitAsync(CooperationTestData.Body("mla", "MEX"), key);
        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests/submissions");
        other.Content = JsonContent.Create(CooperationTestData.Body("mla", "JPN"), options: HttpAssertions.Json);
        other.Headers.Add("Idempotency-Key", key);
        await (await client.SendAsync(other)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task SubmitNew_ConcurrentRetriesWithOneKey_CreateOneRequest(Db db)
    {
        var app = fixture.App(db);
        var client = app.ClientFor("JPN", Roles.CentralAuthority);
        var key = Guid.NewGuid().ToString();
        var body = CooperationTestData.Body("mla", "AUS");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
        {
            var m = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests/submissions");
            m.Content = JsonContent.Create(body, options: HttpAssertions.Json);
            m.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(m);
        }));
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var ids = new HashSet<string>();
        foreach (var r in responses) ids.Add((await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Id());
        Assert.Single(ids);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Submit_WithoutIdempotencyKey_IsRefused(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.CentralAuthority);
        var draft = await client.PostJsonAsync("/api/v1/requests", CooperationTestData.Body("mla", "BRA")).ExpectAsync(HttpStatusCode.Created);
        await client.SubmitDraftAsync(draft.Id()).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-required");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Submit_ByInvestigator_IsForbidden_ButDraftingIsOpen(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.Investigator);
        var draft = await client.PostJsonAsync("/api/v1/requests", CooperationTestData.Body("mla", "BRA")).ExpectAsync(HttpStatusCode.Created);
        await client.SubmitDraftAsync(draft.Id(), Guid.NewGuid().ToString()).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Submit_LanguageTheRequestedStateDoesNotAccept_IsRefused(Db db)
    {
        var client = fixture.App(db).ClientFor("FRA", Roles.CentralAuthority);
        var draft = await client.PostJsonAsync("/api/v1/requests", CooperationTestData.Body("mla", "BRA", language: "ru"))
            .ExpectAsync(HttpStatusCode.Created);
        await client.SubmitDraftAsync(draft.Id(), Guid.NewGuid().ToString()).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity,
            "language-not-accepted");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Submit_UrgentRequest_NotifiesThePointOfContactAndIsInItsInbox(Db db)
    {
        var app = fixture.App(db);
        var sent = await app.ClientFor("GBR", Roles.PointOfContact).SubmitAsync(CooperationTestData.Body("emergency", "ZAF"));
        Assert.Equal("point-of-contact", sent.GetProperty("channel").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, sent.GetProperty("acknowledgeBy").ValueKind);
        var notes = await app.NotificationsAboutAsync(Guid.Parse(sent.Id()));
        Assert.Contains(notes, n => n.RecipientState == "ZAF" && n.Urgent && n.RecipientRoles.Contains(Roles.PointOfContact)
            && n.Kind == Entraide.Domain.Notifications.NotificationKinds.RequestReceived);
        var inbox = await app.ClientFor("ZAF", Roles.PointOfContact).GetAsync("/api/v1/requests?box=incoming&bucket=new")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.Id() == sent.Id());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Submit_IsAudited(Db db)
    {
        var app = fixture.App(db);
        var sent = await app.ClientFor("IND", Roles.CentralAuthority).SubmitAsync(CooperationTestData.Body("mla", "NGA"));
        var actions = await app.WithDbAsync(d => d.Set<Entraide.App.Infrastructure.Audit.AuditEntry>().Where(e => e.EntityId == sent.Id())
            .Select(e => e.Action).ToListAsync());
        Assert.Contains("cooperation.request.submit", actions);
    }
}
