using System.Net;
using System.Text;
using System.Text.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Tests.Network;

namespace Entraide.App.Tests.Deliberation;

/// <summary>
/// What a careless or hostile client sends to the Deliberation API: nulls in lists, control characters,
/// strings longer than their column, numbers no type holds. Each answer is a client error with problem
/// details (never a 5xx), and nothing stored changes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeliberationInputTests(AppFixture fixture)
{
    private static readonly string[] Tables =
    [
        "deliberation_consultations", "deliberation_deadline_changes", "deliberation_submissions", "deliberation_submission_texts",
        "deliberation_submission_attachments", "deliberation_drafts", "deliberation_draft_revisions", "deliberation_draft_sponsors",
        "deliberation_votes", "deliberation_ballots", "deliberation_vote_footnotes",
    ];

    [Theory, ClassData(typeof(Databases))]
    public async Task HostileBodies_AreRefusedWithAClientError_AndChangeNothing(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var secretariat = app.Secretariat();
        var fra = app.Delegate("FRA");
        var draft = await DeliberationCalls.CreateDraftAsync(fra);
        var draftId = draft.GetProperty("id").GetString();
        var c = await DeliberationCalls.OpenConsultationAsync(secretariat, app.Clock.GetUtcNow().AddDays(10), "FRA");
        var consultationId = c.GetProperty("id").GetString();
        var submission = await fra.PostJsonAsync($"/api/v1/consultations/{consultationId}/submissions", new { language = "fr", text = "Texte." })
            .ExpectAsync(HttpStatusCode.Created);
        var submissionId = submission.GetProperty("id").GetString();
        var vote = await secretariat.PostJsonAsync("/api/v1/votes", new { draftSymbol = DeliberationCalls.NewSymbol() })
            .ExpectAsync(HttpStatusCode.Created);
        var voteId = vote.GetProperty("id").GetString();
        var before = await StoredRows.SnapshotAsync(fixture.App(db), Tables);

        var huge = new string('x', 30_000);
        var longContentType = new string('c', 300);
        var sends = new (HttpClient Client, HttpMethod Method, string Url, string Body, string? Field)[]
        {
            (fra, HttpMethod.Post, "/api/v1/drafts", """{"title":"T","language":"en","paragraphs":[null]}""", "paragraphs"),
            (fra, HttpMethod.Post, "/api/v1/drafts", """{"paragraphs":[null]}""", "paragraphs"),
            (fra, HttpMethod.Post, "/api/v1/drafts", """{"title":"T","language":"en","paragraphs":[{"kind":"operative","text":"1. A\u0000"}]}""",
                "paragraphs"),
            (fra, HttpMethod.Post, "/api/v1/drafts", """{"title":"T\u202Efdp","language":"en","paragraphs":[{"kind":"operative","text":"1. A"}]}""",
                "title"),
            (fra, HttpMethod.Post, "/api/v1/drafts",
                $$"""{"title":"{{new string('t', 1001)}}","language":"en","paragraphs":[{"kind":"operative","text":"1. A"}]}""",
                "title"),
            (fra, HttpMethod.Post, "/api/v1/drafts", $$"""{"title":"T","language":"en","paragraphs":[{"kind":"operative","text":"{{huge}}"}]}""",
                "paragraphs"),
            (fra, HttpMethod.Post, "/api/v1/drafts",
                """{"title":"T","agendaItem":"1\u0007","language":"en","paragraphs":[{"kind":"operative","text":"1. A"}]}""",
                "agendaItem"),
            (fra, HttpMethod.Post, "/api/v1/drafts",
                """{"title":"T","language":"en","paragraphs":[{"kind":"operative","text":"1. A"}],"mainSponsors":[null]}""",
                "mainSponsors"),
            (fra, HttpMethod.Post, "/api/v1/drafts",
                """{"title":"T","language":"en","paragraphs":[{"kind":"operative","text":"1. A"}],"budgetImplications":"\u0000"}""",
                "budgetImplications"),
            (fra, HttpMethod.Post, "/api/v1/drafts", """{"title":"T","language":"en","paragraphs":[[]]}""", null),
            (fra, HttpMethod.Post, $"/api/v1/drafts/{draftId}/revisions", """{"paragraphs":[null],"version":0}""", "paragraphs"),
            (fra, HttpMethod.Post, $"/api/v1/drafts/{draftId}/revisions",
                """{"paragraphs":[{"kind":"operative","text":"1. A"}],"version":1e308}""", null),
            (secretariat, HttpMethod.Post, $"/api/v1/drafts/{draftId}/issue", """{"symbol":"A/C.3/74/L.1\u0000","version":0}""", "symbol"),
            (secretariat, HttpMethod.Post, $"/api/v1/drafts/{draftId}/sponsors", """{"state":"BRA\u0000"}""", "state"),
            (secretariat, HttpMethod.Post, $"/api/v1/drafts/{draftId}/sponsors", """{"state":"BRA","joinedOn":"99999-01-01"}""", null),
            (fra, HttpMethod.Post, $"/api/v1/consultations/{consultationId}/submissions",
                """{"language":"fr","text":"x","attachments":[null]}""", "attachments"),
            (fra, HttpMethod.Post, $"/api/v1/consultations/{consultationId}/submissions", """{"language":"fr","text":"x\u0000"}""", "text"),
            (fra, HttpMethod.Post, $"/api/v1/consultations/{consultationId}/submissions",
                """{"language":"fr","text":"x","attachments":[{"fileName":"note\u202Etxt.exe","contentBase64":"aGk="}]}""", "attachments"),
            (fra, HttpMethod.Post, $"/api/v1/consultations/{consultationId}/submissions",
                $$"""{"language":"fr","text":"x","attachments":[{"fileName":"a.txt","contentType":"{{longContentType}}","contentBase64":"aGk="}]}""",
                "attachments"),
            (fra, HttpMethod.Post, $"/api/v1/consultations/{consultationId}/submissions", """{"language":"fr","text":"x","attachments":[1]}""", null),
            (secretariat, HttpMethod.Post, "/api/v1/consultations",
                """{"title":"T\u0000","question":"Q","invitation":"I","language":"en","deadline":"2999-01-01T00:00:00Z"}""", "title"),
            (secretariat, HttpMethod.Post, "/api/v1/consultations",
                """{"title":"T","question":"Q","invitation":"I","language":"en","deadline":"2999-01-01T00:00:00Z","invitedStates":[null]}""",
                "invitedStates"),
            (secretariat, HttpMethod.Post, "/api/v1/consultations", """{"title":"T","deadline":1e308}""", null),
            (secretariat, HttpMethod.Put, $"/api/v1/consultations/{consultationId}", """{"introduction":"\u202E","version":0}""", "introduction"),
            (secretariat, HttpMethod.Post, $"/api/v1/consultations/{consultationId}/extensions",
                """{"deadline":"2999-01-01T00:00:00Z","reason":"\u0000","version":0}""", "reason"),
            (secretariat, HttpMethod.Put, $"/api/v1/consultations/{consultationId}/submissions/{submissionId}/translations/en",
                """{"text":"Text\u0000"}""", "text"),
            (secretariat, HttpMethod.Post, "/api/v1/votes",
                """{"draftSymbol":"A/C.3/74/L.1","paragraphKind":"operative","paragraphNumber":1e308}""", null),
            (secretariat, HttpMethod.Post, "/api/v1/votes",
                """{"draftSymbol":"A/C.3/74/L.1","amendmentSymbol":"A/C.3/74/L.2\u0000"}""", "amendmentSymbol"),
            (secretariat, HttpMethod.Post, "/api/v1/votes", $$"""{"draftSymbol":"{{huge}}"}""", "draftSymbol"),
            (secretariat, HttpMethod.Put, $"/api/v1/votes/{voteId}/ballots", """{"ballots":{"FRA":null},"version":0}""", "ballots"),
            (secretariat, HttpMethod.Put, $"/api/v1/votes/{voteId}/ballots", """{"ballots":{"FRA\u0000":"yes"},"version":0}""", "ballots"),
            (secretariat, HttpMethod.Post, $"/api/v1/votes/{voteId}/close", """{"version":2147483648}""", null),
        };
        foreach (var (client, method, url, body, field) in sends)
        {
            var response = await client.SendAsync(
                new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
            var text = await response.Content.ReadAsStringAsync();
            var shown = body.Length > 200 ? body[..200] : body;
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {url} {shown}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (field is null) continue;
            using var problem = JsonDocument.Parse(text);
            Assert.True(problem.RootElement.TryGetProperty("errors", out var errors)
                && errors.EnumerateArray().Any(e => e.TryGetProperty("field", out var f) && f.GetString() == field), $"{url} {shown}: {text}");
        }
        Assert.Equal(before, await StoredRows.SnapshotAsync(fixture.App(db), Tables));
    }
}
