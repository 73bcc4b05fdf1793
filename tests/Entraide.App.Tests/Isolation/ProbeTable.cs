using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entraide.App.Notifications;
using Entraide.App.Tests.Cooperation;
using Entraide.App.Tests.Deliberation;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Tests.Knowledge;
using Entraide.App.Tests.Network;
using Entraide.App.Tests.Notifications;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using static Entraide.App.Tests.Isolation.Call;

namespace Entraide.App.Tests.Isolation;

/// <summary>
/// For every endpoint and page that names or lists a State's records: a call that succeeds for its owner,
/// which the isolation tests make as another State (and the secretariat) first. A new endpoint or page
/// needs an entry here, or in <see cref="NoStateData"/> with the reason it holds none.
/// </summary>
internal static class ProbeTable
{
    public const string Owner = "FRA";
    public const string Foreign = "BRA";
    public const string Third = "DEU";

    private static readonly string[] Ca = [Roles.CentralAuthority];
    private static readonly string[] Poc = [Roles.PointOfContact];
    private static readonly string[] Admin = [Roles.StateAdministrator];
    private static readonly string[] Secretariat = [Roles.Secretariat];
    private static readonly string[] ThirdState = [Third];
    private static readonly string[] Delegate = [Roles.Delegate];

    // ---- set-ups -------------------------------------------------------------------------------------------

    /// <summary>A draft of the owner to a State that is none of the three.</summary>
    private static async Task<string> DraftAsync(TestApp app) =>
        (await app.ClientFor(Owner, Ca).PostJsonAsync("/api/v1/requests", CooperationTestData.Body("mla", "USA")).ExpectAsync(HttpStatusCode.Created))
        .Id();

    /// <summary>An MLA from the owner to the foreign State, submitted and acknowledged: shared by the two, not by the third.</summary>
    private static Task<string> SharedAsync(TestApp app) => CooperationTestData.ReceivedMlaAsync(app, Owner, Foreign);

    /// <summary>A shared request with a document from the requested State, whose conditions the requesting State acknowledged.</summary>
    private static async Task<(string Request, string Attachment)> SharedDocumentAsync(TestApp app, bool acknowledged)
    {
        var id = await SharedAsync(app);
        using var form = Upload();
        var a = (await (await app.ClientFor(Foreign, Ca).PostAsync($"/api/v1/requests/{id}/attachments", form))
            .ExpectAsync(HttpStatusCode.Created)).Id();
        if (acknowledged)
            await app.ClientFor(Owner, Ca).PostAsync($"/api/v1/requests/{id}/attachments/{a}/acknowledge", null).ExpectAsync(HttpStatusCode.OK);
        return (id, a);
    }

    private static MultipartFormDataContent Upload() => new()
    {
        { new ByteArrayContent("subscriber records"u8.ToArray()), "file", "records.csv" },
        { new StringContent("Only for the investigation named in the request."), "useLimitation" },
    };

    private static async Task<string> WebhookAsync(TestApp app) =>
        (await app.ClientFor(Owner, Admin).PostJsonAsync("/api/v1/webhooks", new { url = "https://cms.example/isolation", events = new[] { "*" } })
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("webhook").GetProperty("id").GetString()!;

    private static async Task<string> FlagAsync(TestApp app) =>
        (await app.ClientFor(null, Secretariat).PostJsonAsync($"/api/v1/states/{Owner}/flags", new { note = "Isolation flag" })
            .ExpectAsync(HttpStatusCode.Created)).Id();

    private static async Task<string> TokenAsync(TestApp app, string state) =>
        (await app.ClientFor(state, Admin).PostJsonAsync("/api/v1/tokens", new { name = "isolation", roles = Ca })
            .ExpectAsync(HttpStatusCode.Created))
        .GetProperty("token").GetProperty("id").GetString()!;

    private static Task<string> AuthorityAsync(TestApp app) => new AuthorityIdSample().CreateOwnedByAsync(app, Owner);

    private static Task<string> CheckAsync(TestApp app) => new CheckIdSample().CreateOwnedByAsync(app, Owner);

    private static Task<string> LawAsync(TestApp app) => new LawIdSample().CreateOwnedByAsync(app, Owner);


    // ---- Deliberation set-ups ------------------------------------------------------------------------------

    private static HttpClient Un(TestApp app) => app.ClientFor(null, Secretariat);

    private static async Task<string> ConsultationAsync(TestApp app, params string[] invited) =>
        (await DeliberationCalls.OpenConsultationAsync(Un(app), DateTimeOffset.UtcNow.AddDays(30), invited)).Id();

    private static object Comments() => new
    {
        language = "fr",
        text = "Commentaires de la France.",
        attachments = new[]
        {
            new { fileName = "annexe.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("annexe"u8.ToArray()) },
        },
    };

    /// <summary>
    /// The owner's submission, with one attachment, in a consultation to which the foreign State is invited too: the
    /// foreign State sees the consultation and its own comments, never the owner's.
    /// </summary>
    private static async Task<(string Consultation, string Submission, string Attachment)> SubmissionAsync(TestApp app)
    {
        var c = await ConsultationAsync(app, Owner, Foreign);
        var s = await app.ClientFor(Owner, Delegate).PostJsonAsync($"/api/v1/consultations/{c}/submissions", Comments())
            .ExpectAsync(HttpStatusCode.Created);
        return (c, s.Id(), s.GetProperty("attachments")[0].Id());
    }

    /// <summary>A draft the owner's delegates prepare (revision 0, version 0): only they and the secretariat know it exists.</summary>
    private static async Task<string> WorkingDraftAsync(TestApp app, string? title = null) =>
        (await DeliberationCalls.CreateDraftAsync(app.ClientFor(Owner, Delegate), title ?? "Working draft " + Guid.NewGuid().ToString("N")[..8]))
        .Id();

    /// <summary>
    /// A draft issued at revision 1 after a working revision 0: everyone reads revision 1 on, only the owner's delegates and
    /// the secretariat revision 0.
    /// </summary>
    private static async Task<string> IssuedDraftAsync(TestApp app)
    {
        var id = await WorkingDraftAsync(app);
        var revised = await app.ClientFor(Owner, Delegate).PostJsonAsync($"/api/v1/drafts/{id}/revisions", new
        {
            paragraphs = DeliberationCalls.Paragraphs(("preambular", "Recalling its resolution 65/230 of 21 December 2010,"),
                ("operative", "1. Requests the Office to continue to provide technical assistance;")),
            version = 0,
        }).ExpectAsync(HttpStatusCode.OK);
        await Un(app).PostJsonAsync($"/api/v1/drafts/{id}/issue",
            new { symbol = DeliberationCalls.NewSymbol(), version = revised.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    /// <summary>An open vote on an issued draft of the owner: the secretariat's working record until it is closed.</summary>
    private static async Task<(string Vote, string Draft)> OpenVoteAsync(TestApp app)
    {
        var d = await IssuedDraftAsync(app);
        var v = await Un(app).PostJsonAsync("/api/v1/votes", new { draftId = d }).ExpectAsync(HttpStatusCode.Created);
        return (v.Id(), d);
    }

    private static object Ballots(int version) => new { ballots = new Dictionary<string, string> { [Owner] = "yes", [Foreign] = "no" }, version };

    private static async Task<string> ClosedVoteAsync(TestApp app)
    {
        var (v, _) = await OpenVoteAsync(app);
        var client = Un(app);
        await client.PutAsJsonAsync($"/api/v1/votes/{v}/ballots", Ballots(0), HttpAssertions.Json).ExpectAsync(HttpStatusCode.OK);
        await client.PostJsonAsync($"/api/v1/votes/{v}/close", new { version = 1 }).ExpectAsync(HttpStatusCode.OK);
        return v;
    }

    /// <summary>The inbox item about <paramref name="subject"/>, as the signed-in <paramref name="client"/> sees it.</summary>
    private static async Task<JsonElement> ItemAsync(HttpClient client, Guid subject)
    {
        var page = await client.GetAsync("/api/v1/notifications").ExpectAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("subjectId").GetString() == subject.ToString());
    }

    private static Call Get(string url, string? state, string[] roles) => new("GET", url, state, roles);

    private static Call Send(string method, string url, string? state, string[] roles, object? body, HttpStatusCode success = HttpStatusCode.OK) =>
        new(method, url, state, roles, success, body is null ? null : Json(body));

    private static object Law(string title) => Laws.Law(Owner, title, "fr", Laws.Version("fr", "2012-01-01",
        Laws.Provision("art_1", "L'accès frauduleux à un système est puni.", [OffenceTerms.IllegalAccess], 24)));

    // ---- API endpoints that name a record ------------------------------------------------------------------

    public static readonly Probe[] Api =
    [
        // Cooperation: a draft belongs to its author's State alone …
        new("GET api/v1/requests/{requestId:guid}", async app => { var id = await DraftAsync(app); return Get($"/api/v1/requests/{id}", Owner, Ca)
            .NamingMissing(id); },
            SecretariatCannotRead: "a draft is its State's alone, and the secretariat holds no cooperation role"),
        new("PUT api/v1/requests/{requestId:guid}", async app =>
        {
            var id = await DraftAsync(app);
            return Send("PUT", $"/api/v1/requests/{id}", Owner, Ca, CooperationTestData.Body("mla", "USA")).NamingMissing(id);
        }),
        new("POST api/v1/requests/{requestId:guid}/submit", async app =>
        {
            var id = await DraftAsync(app);
            return new Call("POST", $"/api/v1/requests/{id}/submit", Owner, Ca, IdempotencyKey: true).NamingMissing(id);
        }),
        new("POST api/v1/requests/{requestId:guid}/attachments", async app =>
        {
            var id = await DraftAsync(app);
            return new Call("POST", $"/api/v1/requests/{id}/attachments", Owner, Ca, HttpStatusCode.Created, Upload).NamingMissing(id);
        }),
        // … and a submitted request to its two States, never a third, whatever the verb.
        new("GET api/v1/requests/{requestId:guid}", async app => { var id = await SharedAsync(app); return Get($"/api/v1/requests/{id}", Foreign,
            Ca).NamingMissing(id); },
            ThirdState, SecretariatCannotRead: "a request is private to the States that share it (Isolation.PartyOf)"),
        new("PUT api/v1/requests/{requestId:guid}", async app =>
        {
            // Only a draft can be edited: the third State must get what it gets for a missing request, the owner a conflict.
            var id = await SharedAsync(app);
            return Send("PUT", $"/api/v1/requests/{id}", Owner, Ca, CooperationTestData.Body("mla", Foreign), HttpStatusCode.Conflict)
                .NamingMissing(id);
        }, ThirdState),
        new("POST api/v1/requests/{requestId:guid}/transitions", async app =>
        {
            var id = await SharedAsync(app);
            return Send("POST", $"/api/v1/requests/{id}/transitions", Foreign, Ca, new { action = "start-assessment" }).NamingMissing(id);
        }, ThirdState),
        new("POST api/v1/requests/{requestId:guid}/messages", async app =>
        {
            var id = await SharedAsync(app);
            return Send("POST", $"/api/v1/requests/{id}/messages", Owner, Ca, new { kind = "status-enquiry", body = "Any news?" },
                HttpStatusCode.Created)
                .NamingMissing(id);
        }, ThirdState),
        new("GET api/v1/requests/{requestId:guid}/document", async app =>
        {
            var id = await SharedAsync(app);
            return Get($"/api/v1/requests/{id}/document", Foreign, Ca).NamingMissing(id);
        }, ThirdState, SecretariatCannotRead: "a request is private to the States that share it"),
        new("POST api/v1/requests/{requestId:guid}/submit", async app =>
        {
            // Submitting again is a replay for the owner; the third State must not learn that the request exists.
            var id = await SharedAsync(app);
            return new Call("POST", $"/api/v1/requests/{id}/submit", Owner, Ca, HttpStatusCode.Conflict, IdempotencyKey: true).NamingMissing(id);
        }, ThirdState),
        // A State's own work on a shared request: its assignment and notes, never the other party's, never a third's.
        new("GET api/v1/requests/{requestId:guid}/assignment", async app =>
        {
            var id = await SharedAsync(app);
            return Get($"/api/v1/requests/{id}/assignment", Owner, Ca).NamingMissing(id);
        }, ThirdState, SecretariatCannotRead: "a State's assignment is its own internal business"),
        new("PUT api/v1/requests/{requestId:guid}/assignment", async app =>
        {
            var id = await SharedAsync(app);
            var officer = await Notifications.Accounts.CreateAsync(app, Owner, "en", Roles.Investigator);
            return Send("PUT", $"/api/v1/requests/{id}/assignment", Owner, Ca, new { assignee = officer.Id }).NamingMissing(id);
        }, ThirdState),
        new("DELETE api/v1/requests/{requestId:guid}/assignment", async app =>
        {
            var id = await SharedAsync(app);
            var officer = await Notifications.Accounts.CreateAsync(app, Owner, "en", Roles.Investigator);
            await app.ClientFor(Owner, Ca).PutAsJsonAsync($"/api/v1/requests/{id}/assignment", new { assignee = officer.Id })
                .ExpectAsync(HttpStatusCode.OK);
            return new Call("DELETE", $"/api/v1/requests/{id}/assignment", Owner, Ca).NamingMissing(id);
        }, ThirdState),
        new("GET api/v1/requests/{requestId:guid}/notes", async app =>
        {
            var id = await SharedAsync(app);
            return Get($"/api/v1/requests/{id}/notes", Owner, Ca).NamingMissing(id);
        }, ThirdState, SecretariatCannotRead: "a State's internal notes are its own"),
        new("POST api/v1/requests/{requestId:guid}/notes", async app =>
        {
            var id = await SharedAsync(app);
            return Send("POST", $"/api/v1/requests/{id}/notes", Owner, Ca, new { body = "Called the provider." }, HttpStatusCode.Created)
                .NamingMissing(id);
        }, ThirdState),
        new("PUT api/v1/requests/{requestId:guid}/preservation-period", async app =>
        {
            var p = (await app.ClientFor(Owner, Poc).SubmitAsync(CooperationTestData.Body("preservation", Foreign))).Id();
            foreach (var step in new[] { "acknowledge", "start-assessment", "accept", "start-execution", "record-execution" })
                await app.ClientFor(Foreign, Poc).StepAsync(p, step).ExpectAsync(HttpStatusCode.OK);
            return Send("PUT", $"/api/v1/requests/{p}/preservation-period", Foreign, Poc, new { days = 90 }).NamingMissing(p);
        }, ThirdState),
        new("POST api/v1/requests/{requestId:guid}/follow-up", async app =>
        {
            var p = (await app.ClientFor(Owner, Poc).SubmitAsync(CooperationTestData.Body("preservation", Foreign))).Id();
            foreach (var step in new[] { "acknowledge", "start-assessment", "accept", "start-execution", "record-execution" })
                await app.ClientFor(Foreign, Poc).StepAsync(p, step).ExpectAsync(HttpStatusCode.OK);
            return new Call("POST", $"/api/v1/requests/{p}/follow-up", Owner, Poc, HttpStatusCode.Created).NamingMissing(p);
        }, ThirdState),
        new("POST api/v1/requests/{requestId:guid}/attachments", async app =>
        {
            var id = await SharedAsync(app);
            return new Call("POST", $"/api/v1/requests/{id}/attachments", Foreign, Ca, HttpStatusCode.Created, Upload).NamingMissing(id);
        }, ThirdState),
        new("GET api/v1/requests/{requestId:guid}/attachments/{attachmentId:guid}", async app =>
        {
            var (id, a) = await SharedDocumentAsync(app, acknowledged: true);
            return Get($"/api/v1/requests/{id}/attachments/{a}", Owner, Ca).NamingMissing(a);
        }, ThirdState, SecretariatCannotRead: "a request's documents are private to the States that share it"),
        new("POST api/v1/requests/{requestId:guid}/attachments/{attachmentId:guid}/acknowledge", async app =>
        {
            var (id, a) = await SharedDocumentAsync(app, acknowledged: false);
            return Send("POST", $"/api/v1/requests/{id}/attachments/{a}/acknowledge", Owner, Ca, null).NamingMissing(a);
        }, ThirdState),
        new("POST api/v1/requests/{requestId:guid}/attachments/{attachmentId:guid}/onward-transfer", async app =>
        {
            var (id, a) = await SharedDocumentAsync(app, acknowledged: true);
            return Send("POST", $"/api/v1/requests/{id}/attachments/{a}/onward-transfer", Owner, Ca,
                new { toState = "ITA", reasons = "Joint investigation with Italy." }).NamingMissing(a);
        }, ThirdState),
        new("POST api/v1/requests/{requestId:guid}/attachments/{attachmentId:guid}/onward-transfer/decision", async app =>
        {
            var (id, a) = await SharedDocumentAsync(app, acknowledged: true);
            await app.ClientFor(Owner, Ca).PostJsonAsync($"/api/v1/requests/{id}/attachments/{a}/onward-transfer",
                new { toState = "ITA", reasons = "Joint investigation with Italy." }).ExpectAsync(HttpStatusCode.OK);
            return Send("POST", $"/api/v1/requests/{id}/attachments/{a}/onward-transfer/decision", Foreign, Ca, new { authorise = true })
                .NamingMissing(a);
        }, ThirdState),

        // Deliberation: a consultation exists for the States it invites and the secretariat; a State's submission is its own.
        new("POST api/v1/consultations", _ => Task.FromResult(Send("POST", "/api/v1/consultations", null, Secretariat, new
        {
            title = "Isolation consultation", question = "What should the scope be?", invitation = "The Chair invites comments.", language = "en",
            deadline = DateTimeOffset.UtcNow.AddDays(30), invitedStates = new[] { Owner },
        }, HttpStatusCode.Created))),
        new("GET api/v1/consultations/{consultationId:guid}", async app =>
        {
            var c = await ConsultationAsync(app, Owner);
            return Get($"/api/v1/consultations/{c}", Owner, Delegate).NamingMissing(c);
        }),
        new("PUT api/v1/consultations/{consultationId:guid}", async app =>
        {
            var c = await ConsultationAsync(app, Owner);
            return Send("PUT", $"/api/v1/consultations/{c}", null, Secretariat,
                new { introduction = "Compiled.", symbol = "A/AC.291/9", version = 0 }).NamingMissing(c);
        }),
        new("POST api/v1/consultations/{consultationId:guid}/extensions", async app =>
        {
            var c = await ConsultationAsync(app, Owner);
            return Send("POST", $"/api/v1/consultations/{c}/extensions", null, Secretariat,
                new { deadline = DateTimeOffset.UtcNow.AddDays(40), reason = "Asked by several delegations.", version = 0 }).NamingMissing(c);
        }),
        new("POST api/v1/consultations/{consultationId:guid}/late-acceptances", async app =>
        {
            var c = await ConsultationAsync(app, Owner);
            return Send("POST", $"/api/v1/consultations/{c}/late-acceptances", null, Secretariat,
                new { state = Owner, until = DateTimeOffset.UtcNow.AddDays(40) }).NamingMissing(c);
        }),
        new("POST api/v1/consultations/{consultationId:guid}/submissions", async app =>
        {
            // The foreign State is not invited: submitting there must look exactly like submitting to no consultation.
            var c = await ConsultationAsync(app, Owner);
            return Send("POST", $"/api/v1/consultations/{c}/submissions", Owner, Delegate, Comments(), HttpStatusCode.Created).NamingMissing(c);
        }),
        new("GET api/v1/consultations/{consultationId:guid}/submissions/{submissionId:guid}", async app =>
        {
            var (c, sub, _) = await SubmissionAsync(app);
            return Get($"/api/v1/consultations/{c}/submissions/{sub}", Owner, Delegate).NamingMissing(sub);
        }),
        new("PUT api/v1/consultations/{consultationId:guid}/submissions/{submissionId:guid}/translations/{language}", async app =>
        {
            var (c, sub, _) = await SubmissionAsync(app);
            return Send("PUT", $"/api/v1/consultations/{c}/submissions/{sub}/translations/en", null, Secretariat,
                new { text = "Comments of France.", translatedBy = "Translation service" }).NamingMissing(sub);
        }),
        new("GET api/v1/consultations/{consultationId:guid}/attachments/{attachmentId:guid}", async app =>
        {
            var (c, _, a) = await SubmissionAsync(app);
            return Get($"/api/v1/consultations/{c}/attachments/{a}", Owner, Delegate).NamingMissing(a);
        }),
        new("GET api/v1/consultations/{consultationId:guid}/compilation", async app =>
        {
            var (c, _, _) = await SubmissionAsync(app);
            return Get($"/api/v1/consultations/{c}/compilation?lang=en", null, Secretariat).NamingMissing(c);
        }),

        // Deliberation: a draft in preparation exists for its main sponsors and the secretariat alone; an issued draft's
        // working revisions stay theirs (its issued revision on is public, read by every State: /resolutions).
        new("GET api/v1/drafts/{draftId:guid}", async app =>
        {
            var d = await WorkingDraftAsync(app);
            return Get($"/api/v1/drafts/{d}", Owner, Delegate).NamingMissing(d);
        }),
        new("GET api/v1/drafts/{draftId:guid}", async app =>
        {
            var d = await IssuedDraftAsync(app);
            return Get($"/api/v1/drafts/{d}?revision=0", Owner, Delegate).NamingMissing(d);
        }),
        new("GET api/v1/drafts/{draftId:guid}/diff", async app =>
        {
            var d = await WorkingDraftAsync(app);
            return Get($"/api/v1/drafts/{d}/diff?from=0&to=0", Owner, Delegate).NamingMissing(d);
        }),
        new("GET api/v1/drafts/{draftId:guid}/diff", async app =>
        {
            var d = await IssuedDraftAsync(app);
            return Get($"/api/v1/drafts/{d}/diff?from=0", Owner, Delegate).NamingMissing(d);
        }),
        new("GET api/v1/drafts/{draftId:guid}/akn", async app =>
        {
            var d = await WorkingDraftAsync(app);
            return Get($"/api/v1/drafts/{d}/akn", Owner, Delegate).NamingMissing(d);
        }),
        new("GET api/v1/drafts/{draftId:guid}/akn", async app =>
        {
            var d = await IssuedDraftAsync(app);
            return Get($"/api/v1/drafts/{d}/akn?revision=0", Owner, Delegate).NamingMissing(d);
        }),
        new("POST api/v1/drafts/{draftId:guid}/revisions", async app =>
        {
            var d = await WorkingDraftAsync(app);
            return Send("POST", $"/api/v1/drafts/{d}/revisions", Owner, Delegate, new { paragraphs = DeliberationCalls.L11, version = 0 })
                .NamingMissing(d);
        }, SecretariatMayChange: "the secretariat revises the drafts it enters for their main sponsors"),
        new("POST api/v1/drafts/{draftId:guid}/issue", async app =>
        {
            var d = await WorkingDraftAsync(app);
            return Send("POST", $"/api/v1/drafts/{d}/issue", null, Secretariat, new { symbol = DeliberationCalls.NewSymbol(), version = 0 })
                .NamingMissing(d);
        }),
        new("POST api/v1/drafts/{draftId:guid}/sponsors", async app =>
        {
            // Naming the caller's own State again is a conflict for a main sponsor; another State must not learn the draft exists.
            var d = await WorkingDraftAsync(app);
            return Send("POST", $"/api/v1/drafts/{d}/sponsors", Owner, Delegate, new { }, HttpStatusCode.Conflict).NamingMissing(d);
        }),
        new("POST api/v1/drafts/{draftId:guid}/sponsors", async app =>
        {
            // Before issue the secretariat records the main sponsors; a delegate of another State cannot make itself one.
            var d = await WorkingDraftAsync(app);
            return Send("POST", $"/api/v1/drafts/{d}/sponsors", null, Secretariat, new { state = Third }).NamingMissing(d);
        }),

        // Deliberation: an open vote is the secretariat's working record; the public (every State) sees it once closed.
        new("POST api/v1/votes", async app =>
        {
            // The body names the owner's issued draft; only the secretariat opens a vote on it.
            var d = await IssuedDraftAsync(app);
            return Send("POST", "/api/v1/votes", null, Secretariat, new { draftId = d }, HttpStatusCode.Created);
        }),
        new("GET api/v1/votes/{voteId:guid}", async app =>
        {
            var (v, _) = await OpenVoteAsync(app);
            return Get($"/api/v1/votes/{v}", null, Secretariat).NamingMissing(v);
        }),
        new("GET api/v1/votes/{voteId:guid}/report", async app =>
        {
            var (v, _) = await OpenVoteAsync(app);
            return Get($"/api/v1/votes/{v}/report?lang=en", null, Secretariat).NamingMissing(v);
        }),
        new("GET api/v1/votes/{voteId:guid}/csv", async app =>
        {
            var (v, _) = await OpenVoteAsync(app);
            return Get($"/api/v1/votes/{v}/csv", null, Secretariat).NamingMissing(v);
        }),
        new("GET api/v1/votes/{voteId:guid}/akn", async app =>
        {
            var (v, _) = await OpenVoteAsync(app);
            return Get($"/api/v1/votes/{v}/akn", null, Secretariat).NamingMissing(v);
        }),
        new("PUT api/v1/votes/{voteId:guid}/ballots", async app =>
        {
            var (v, _) = await OpenVoteAsync(app);
            return Send("PUT", $"/api/v1/votes/{v}/ballots", null, Secretariat, Ballots(0)).NamingMissing(v);
        }),
        new("POST api/v1/votes/{voteId:guid}/ballots/import", async app =>
        {
            var (v, _) = await OpenVoteAsync(app);
            return new Call("POST", $"/api/v1/votes/{v}/ballots/import?version=0", null, Secretariat, Body: () =>
                new StringContent($"{Owner},yes\n{Foreign},no\n", System.Text.Encoding.UTF8, "text/csv")).NamingMissing(v);
        }),
        new("POST api/v1/votes/{voteId:guid}/close", async app =>
        {
            var (v, _) = await OpenVoteAsync(app);
            await Un(app).PutAsJsonAsync($"/api/v1/votes/{v}/ballots", Ballots(0), HttpAssertions.Json).ExpectAsync(HttpStatusCode.OK);
            return Send("POST", $"/api/v1/votes/{v}/close", null, Secretariat, new { version = 1 }).NamingMissing(v);
        }),
        new("POST api/v1/votes/{voteId:guid}/footnotes", async app =>
        {
            var v = await ClosedVoteAsync(app);
            return Send("POST", $"/api/v1/votes/{v}/footnotes", null, Secretariat, new { state = Foreign, intended = "yes" }).NamingMissing(v);
        }),

        // Network: a State's profile, authorities, flags and checks.
        new("PUT api/v1/states/{state}/profile", _ => Task.FromResult(Send("PUT", $"/api/v1/states/{Owner}/profile", Owner, Admin,
            NetworkSamples.Profile()))),
        new("POST api/v1/states/{state}/profile/confirm", _ => Task.FromResult(Send("POST", $"/api/v1/states/{Owner}/profile/confirm", Owner,
            Admin, new { }))),
        new("GET api/v1/states/{state}/profile/versions", _ => Task.FromResult(Get($"/api/v1/states/{Owner}/profile/versions", Owner, Admin))),
        new("GET api/v1/states/{state}/profile/versions/{versionNumber:int}", async app =>
        {
            var n = await new VersionNumberSample().CreateOwnedByAsync(app, Owner);
            return Get($"/api/v1/states/{Owner}/profile/versions/{n}", Owner,
                Admin) with { Missing = $"/api/v1/states/{Owner}/profile/versions/987654" };
        }),
        new("GET api/v1/states/{state}/flags", _ => Task.FromResult(Get($"/api/v1/states/{Owner}/flags", Owner, Admin))),
        new("POST api/v1/states/{state}/flags", _ => Task.FromResult(Send("POST", $"/api/v1/states/{Owner}/flags", null, Secretariat,
            new { note = "Please check the e-mail address." }, HttpStatusCode.Created))),
        new("POST api/v1/states/{state}/flags/{flagId:guid}/resolve", async app =>
        {
            var f = await FlagAsync(app);
            return Send("POST", $"/api/v1/states/{Owner}/flags/{f}/resolve", Owner, Admin, new { resolution = "Corrected." }).NamingMissing(f);
        }, SecretariatMayChange: "the secretariat withdraws its own flag"),
        new("GET api/v1/states/{state}/verification", _ => Task.FromResult(Get($"/api/v1/states/{Owner}/verification", Owner, Admin))),
        new("POST api/v1/states/{state}/authorities", _ => Task.FromResult(Send("POST", $"/api/v1/states/{Owner}/authorities", Owner, Admin,
            NetworkSamples.Central("Isolation authority"), HttpStatusCode.Created))),
        new("PUT api/v1/states/{state}/authorities/{authorityId:guid}", async app =>
        {
            var a = await AuthorityAsync(app);
            return Send("PUT", $"/api/v1/states/{Owner}/authorities/{a}", Owner, Admin, NetworkSamples.Central("Renamed authority")).NamingMissing(a);
        }),
        new("DELETE api/v1/states/{state}/authorities/{authorityId:guid}", async app =>
        {
            var a = await AuthorityAsync(app);
            return new Call("DELETE", $"/api/v1/states/{Owner}/authorities/{a}", Owner, Admin, HttpStatusCode.NoContent).NamingMissing(a);
        }),
        new("GET api/v1/verification/checks/{checkId:guid}", async app =>
        {
            var c = await CheckAsync(app);
            return Get($"/api/v1/verification/checks/{c}", Owner, Poc).NamingMissing(c);
        }),
        new("POST api/v1/verification/checks/{checkId:guid}/acknowledge", async app =>
        {
            var c = await CheckAsync(app);
            return Send("POST", $"/api/v1/verification/checks/{c}/acknowledge", Owner, Poc, new { }).NamingMissing(c);
        }),
        new("GET api/v1/verification/rounds/{roundId:guid}", async app =>
        {
            var r = await new RoundIdSample().CreateOwnedByAsync(app, Owner);
            return Get($"/api/v1/verification/rounds/{r}", null, Secretariat).NamingMissing(r);
        }),
        new("POST api/v1/verification/rounds", _ => Task.FromResult(Send("POST", "/api/v1/verification/rounds", null, Secretariat,
            new { responseHours = 24, message = "Verification" }, HttpStatusCode.Created))),
        new("GET api/v1/verification/rounds", _ => Task.FromResult(Get("/api/v1/verification/rounds", null, Secretariat))),

        // Knowledge: laws and case notes are public, but only their State (or the secretariat) records them.
        new("POST api/v1/knowledge/laws", _ => Task.FromResult(Send("POST", "/api/v1/knowledge/laws", Owner, Admin, Law($"Loi {Guid.NewGuid():N}"),
            HttpStatusCode.Created)), SecretariatMayChange: "the secretariat keeps the repository of every State's laws"),
        new("POST api/v1/knowledge/laws/{lawId:guid}/versions", async app =>
        {
            var l = await LawAsync(app);
            return Send("POST", $"/api/v1/knowledge/laws/{l}/versions", Owner, Admin, Laws.Version("fr", "2015-01-01",
                Laws.Provision("s_1", "L'accès non autorisé est une infraction.", [OffenceTerms.IllegalAccess], 36))).NamingMissing(l);
        }, SecretariatMayChange: "the secretariat keeps the repository of every State's laws"),
        new("POST api/v1/knowledge/laws/{lawId:guid}/repeal", async app =>
        {
            var l = await LawAsync(app);
            return Send("POST", $"/api/v1/knowledge/laws/{l}/repeal", Owner, Admin, new { on = "2024-01-01" }).NamingMissing(l);
        }, SecretariatMayChange: "the secretariat keeps the repository of every State's laws"),
        new("POST api/v1/knowledge/imports", _ => Task.FromResult(new Call("POST", "/api/v1/knowledge/imports?format=csv", Owner, Admin, Body: () =>
            new StringContent(string.Join("\n",
                "state,law,type,original_language,adopted_on,language,date,version_title,eid,number,heading,text,terms,"
                    + "penalty_min_months,penalty_max_months",
                $"{Owner},Loi {Guid.NewGuid():N},statute,fr,2009-01-05,fr,2009-01-05,,art_1,Article 1,Accès,"
                    + "L'accès frauduleux est puni.,illegal-access,12,24"),
                System.Text.Encoding.UTF8, "text/csv"))), SecretariatMayChange: "the secretariat keeps the repository of every State's laws"),
        new("POST api/v1/knowledge/cases", _ => Task.FromResult(Send("POST", "/api/v1/knowledge/cases", Owner, Admin, new
        {
            state = Owner, kind = "lesson", title = "Isolation lesson", summary = "Preserve early.", language = "en", date = "2020-01-01",
            terms = new[] { ProceduralPowers.Preservation },
        }, HttpStatusCode.Created)), SecretariatMayChange: "the secretariat keeps the repository of every State's case notes"),

        // Notifications: a State's webhooks are its administrators' alone.
        new("GET api/v1/webhooks/{webhookId:guid}", async app => { var w = await WebhookAsync(app); return Get($"/api/v1/webhooks/{w}", Owner,
            Admin).NamingMissing(w); },
            SecretariatCannotRead: "a webhook holds a State's endpoint and secret; only its administrators see it"),
        new("PUT api/v1/webhooks/{webhookId:guid}", async app =>
        {
            var w = await WebhookAsync(app);
            return Send("PUT", $"/api/v1/webhooks/{w}", Owner, Admin, new { url = "https://cms.example/renamed", events = new[] { "*" },
                active = true })
                .NamingMissing(w);
        }),
        new("DELETE api/v1/webhooks/{webhookId:guid}", async app =>
        {
            var w = await WebhookAsync(app);
            return new Call("DELETE", $"/api/v1/webhooks/{w}", Owner, Admin, HttpStatusCode.NoContent).NamingMissing(w);
        }),
        new("POST api/v1/webhooks/{webhookId:guid}/secret", async app =>
        {
            var w = await WebhookAsync(app);
            return new Call("POST", $"/api/v1/webhooks/{w}/secret", Owner, Admin).NamingMissing(w);
        }),
        new("POST api/v1/webhooks/{webhookId:guid}/test", async app =>
        {
            var w = await WebhookAsync(app);
            return new Call("POST", $"/api/v1/webhooks/{w}/test", Owner, Admin, HttpStatusCode.Accepted).NamingMissing(w);
        }),
        new("GET api/v1/webhooks/{webhookId:guid}/deliveries", async app =>
        {
            var w = await WebhookAsync(app);
            return Get($"/api/v1/webhooks/{w}/deliveries", Owner, Admin).NamingMissing(w);
        }, SecretariatCannotRead: "a webhook holds a State's endpoint and secret; only its administrators see it"),

        // Notifications: an inbox item is its account's alone, even within the account's State.
        new("POST api/v1/notifications/{notificationId:guid}/read", async app =>
        {
            var state = Accounts.FreshState();
            var owner = await Accounts.SignInAsync(app, await Accounts.CreateAsync(app, state, "en", Roles.Delegate));
            var colleague = await Accounts.SignInAsync(app, await Accounts.CreateAsync(app, state, "en", Roles.Delegate));
            var foreigner = await Accounts.SignInAsync(app, await Accounts.CreateAsync(app, Foreign, "en", Roles.Delegate));
            var subject = Guid.CreateVersion7();
            await Accounts.EnqueueAsync(app, new Notification(state, [Roles.Delegate], NotificationKinds.RequestReceived, $"/requests/{subject}",
                subject, false, ["ISOLATION-1", "France", "MLA"]));
            var item = await ItemAsync(owner, subject);
            var id = item.Id();
            return new Call("POST", $"/api/v1/notifications/{id}/read", state, Delegate, As: owner,
                Strangers: [("a colleague of the same State", colleague), ($"an account of {Foreign}", foreigner)],
                Observe: async () => (await ItemAsync(owner, subject)).GetProperty("readAt").ToString()).NamingMissing(id);
        }),

        // Trust: a State's API tokens.
        new("DELETE api/v1/tokens/{tokenId:guid}", async app =>
        {
            var t = await TokenAsync(app, Owner);
            return new Call("DELETE", $"/api/v1/tokens/{t}", Owner, Admin).NamingMissing(t);
        }),
        .. EvidenceProbes.Api,
    ];

    // ---- lists: nothing of another State appears, and no count moves ------------------------------------------

    private static readonly (string, string[])[] ThirdObservers = [(Third, [.. StateRoles])];
    private static readonly (string, string[])[] ForeignObservers = [(Foreign, [.. StateRoles])];

    public static IEnumerable<string> StateRoles => Roles.All.Where(r => r != Roles.Secretariat);

    public static readonly ListProbe[] Lists =
    [
        new("GET api/v1/requests", ["/api/v1/requests?box=incoming", "/api/v1/requests?box=outgoing", "/api/v1/requests?box=incoming&bucket=new",
            "/api/v1/requests?box=outgoing&q=isolation"], ThirdObservers, async app =>
        {
            var fields = CooperationTestData.CompleteFields("mla");
            fields["subject"] = "isolation " + Guid.NewGuid().ToString("N")[..8];
            var id = (await app.ClientFor(Owner, Ca).SubmitAsync(CooperationTestData.Body("mla", Foreign, fields))).Id();
            return (id, Get("/api/v1/requests?box=incoming", Foreign, Ca));
        }),
        new("GET api/v1/requests/export", ["/api/v1/requests/export?format=csv&box=incoming", "/api/v1/requests/export?format=csv&box=outgoing"],
            ThirdObservers, async app =>
        {
            var r = await app.ClientFor(Owner, Ca).SubmitAsync(CooperationTestData.Body("mla", Foreign));
            return (r.GetProperty("reference").GetString()!, Get("/api/v1/requests/export?format=csv&box=incoming", Foreign, Ca));
        }, Stable: false),
        new("GET api/v1/webhooks", ["/api/v1/webhooks"], ForeignObservers, async app => (await WebhookAsync(app), Get("/api/v1/webhooks", Owner,
            Admin))),
        new("GET api/v1/tokens", ["/api/v1/tokens"], ForeignObservers, async app => (await TokenAsync(app, Owner), Get("/api/v1/tokens", Owner,
            Admin))),
        new("GET api/v1/verification/checks", ["/api/v1/verification/checks"], ForeignObservers, async app =>
            (await CheckAsync(app), Get("/api/v1/verification/checks", Owner, Poc)), Stable: false),
        new("GET api/v1/states/{state}/flags", [$"/api/v1/states/{Foreign}/flags"], ForeignObservers, async app =>
            (await FlagAsync(app), Get($"/api/v1/states/{Owner}/flags", Owner, Admin))),
        new("GET api/v1/audit", ["/api/v1/audit"], [(Foreign, Admin)], async app =>
            (await AuthorityAsync(app), Get("/api/v1/audit", Owner, Admin)), Stable: false),
        // Deliberation: another State's draft in preparation, a consultation it is not invited to, an open vote.
        new("GET api/v1/drafts", ["/api/v1/drafts", "/api/v1/drafts?status=working"], ForeignObservers, async app =>
            (await WorkingDraftAsync(app), Get("/api/v1/drafts?status=working", Owner, Delegate)), Stable: false),
        new("GET api/v1/consultations", ["/api/v1/consultations"], ForeignObservers, async app =>
            (await ConsultationAsync(app, Owner), Get("/api/v1/consultations", Owner, Delegate)), Stable: false),
        new("GET api/v1/votes", ["/api/v1/votes"], [(Owner, Delegate), (Foreign, [.. StateRoles])], async app =>
        {
            var (v, d) = await OpenVoteAsync(app);
            return (v, Get($"/api/v1/votes?draftId={d}", null, Secretariat));
        }, Stable: false, ObserversReadVisibleUrl: true),
        new("GET drafts", ["/drafts"], ForeignObservers, async app => (await WorkingDraftAsync(app), Get("/drafts", Owner, Delegate)), Stable: false),
        new("GET consultations", ["/consultations"], ForeignObservers, async app =>
            (await ConsultationAsync(app, Owner), Get("/consultations", Owner, Delegate)), Stable: false),
        new("GET votes", ["/votes"], [(Owner, Delegate), (Foreign, [.. StateRoles])], async app =>
            ((await OpenVoteAsync(app)).Vote, Get("/votes", null, Secretariat)), Stable: false),
        // Pages that list: the inbox and the webhooks of the caller's State.
        new("GET requests", ["/requests", "/requests?box=outgoing"], ThirdObservers, async app =>
        {
            var fields = CooperationTestData.CompleteFields("mla");
            var marker = "isolation " + Guid.NewGuid().ToString("N")[..8];
            fields["subject"] = marker;
            var r = await app.ClientFor(Owner, Ca).SubmitAsync(CooperationTestData.Body("mla", Foreign, fields));
            return (r.GetProperty("reference").GetString()!, Get("/requests", Foreign, Ca));
        }, Stable: false),
        new("GET account/webhooks", ["/account/webhooks"], ForeignObservers, async app => (await WebhookAsync(app), Get("/account/webhooks",
            Owner, Admin)),
            Stable: false),
    ];

    // ---- pages that name a record ---------------------------------------------------------------------------

    public static readonly Probe[] Pages =
    [
        new("GET requests/{id:guid}", async app => { var id = await DraftAsync(app); return Get($"/requests/{id}", Owner, Ca).NamingMissing(id); },
            SecretariatCannotRead: "a request is private to the States that share it"),
        new("GET requests/{id:guid}", async app => { var id = await SharedAsync(app); return Get($"/requests/{id}", Foreign, Ca).NamingMissing(id); },
            ThirdState, SecretariatCannotRead: "a request is private to the States that share it"),
        new("GET requests/{id:guid}/document", async app =>
        {
            var id = await SharedAsync(app);
            return Get($"/requests/{id}/document", Owner, Ca).NamingMissing(id);
        }, ThirdState, SecretariatCannotRead: "a request is private to the States that share it"),
        new("GET requests/draft/{id:guid?}", async app => { var id = await DraftAsync(app); return Get($"/requests/draft/{id}", Owner, Ca)
            .NamingMissing(id); },
            SecretariatCannotRead: "a draft is its State's alone"),
        new("GET states/{state}/authorities/edit/{authorityId:guid?}", async app =>
        {
            var a = await AuthorityAsync(app);
            return Get($"/states/{Owner}/authorities/edit/{a}", Owner, Admin).NamingMissing(a);
        }, SecretariatCannotRead: "the edit form is the State's administrators' (the secretariat reads the profile page)"),
        new("GET states/{state}/profile/edit", _ => Task.FromResult(Get($"/states/{Owner}/profile/edit", Owner, Admin)),
            SecretariatCannotRead: "the edit form is the State's administrators' (the secretariat reads the profile page)"),
        new("GET states/{state}/profile/versions/{versionNumber:int?}", async app =>
        {
            var n = await new VersionNumberSample().CreateOwnedByAsync(app, Owner);
            return Get($"/states/{Owner}/profile/versions/{n}", Owner, Admin) with { Missing = $"/states/{Owner}/profile/versions/987654" };
        }),
        new("GET verification/{checkId:guid?}", async app => { var c = await CheckAsync(app); return Get($"/verification/{c}", Owner, Poc)
            .NamingMissing(c); },
            SecretariatCannotRead: "the point's acknowledgement page; the secretariat reads every check on its round's page"),
        new("GET verification/rounds/{roundId:guid}", async app =>
        {
            var r = await new RoundIdSample().CreateOwnedByAsync(app, Owner);
            return Get($"/verification/rounds/{r}", null, Secretariat).NamingMissing(r);
        }),
        new("GET account/webhooks/{id:guid}", async app => { var w = await WebhookAsync(app); return Get($"/account/webhooks/{w}", Owner, Admin)
            .NamingMissing(w); },
            SecretariatCannotRead: "a webhook holds a State's endpoint and secret; only its administrators see it"),

        // Deliberation pages: the same reads as the API, with the same answer for another State's record as for none.
        new("GET consultations/{id:guid}", async app =>
        {
            var c = await ConsultationAsync(app, Owner);
            return Get($"/consultations/{c}", Owner, Delegate).NamingMissing(c);
        }),
        new("GET consultations/{id:guid}/compilation", async app =>
        {
            var (c, _, _) = await SubmissionAsync(app);
            return Get($"/consultations/{c}/compilation", null, Secretariat).NamingMissing(c);
        }),
        new("GET consultations/{id:guid}/submissions/{submissionId:guid}", async app =>
        {
            var (c, sub, _) = await SubmissionAsync(app);
            return Get($"/consultations/{c}/submissions/{sub}", Owner, Delegate).NamingMissing(sub);
        }),
        new("GET consultations/{id:guid}/submissions/{submissionId:guid}", async app =>
        {
            var (c, sub, a) = await SubmissionAsync(app);
            return Get($"/consultations/{c}/submissions/{sub}?handler=Attachment&attachmentId={a}", Owner, Delegate).NamingMissing(a);
        }),
        new("GET drafts/{id:guid}", async app =>
        {
            var d = await WorkingDraftAsync(app);
            return Get($"/drafts/{d}", Owner, Delegate).NamingMissing(d);
        }),
        new("GET drafts/{id:guid}", async app =>
        {
            var d = await IssuedDraftAsync(app);
            return Get($"/drafts/{d}?revision=0", Owner, Delegate).NamingMissing(d);
        }),
        new("GET drafts/{id:guid}", async app =>
        {
            var d = await IssuedDraftAsync(app);
            return Get($"/drafts/{d}?handler=Akn&revision=0", Owner, Delegate).NamingMissing(d);
        }),
        new("GET drafts/{id:guid}/diff", async app =>
        {
            var d = await IssuedDraftAsync(app);
            return Get($"/drafts/{d}/diff?from=0", Owner, Delegate).NamingMissing(d);
        }),
        new("GET votes/{id:guid}", async app =>
        {
            var (v, _) = await OpenVoteAsync(app);
            return Get($"/votes/{v}", null, Secretariat).NamingMissing(v);
        }),
        .. EvidenceProbes.Pages,
    ];

    // ---- what holds no State's private data, and why ------------------------------------------------------------

    public static readonly Dictionary<string, string> NoStateData = new(StringComparer.Ordinal)
    {
        ["GET api/v1/me"] = "the caller's own identity",
        ["GET api/v1/requests/types"] = "the catalogue of request types",
        ["GET api/v1/requests/live"] =
            "the caller's own inbox and its own State's emergencies (Cooperation/LiveEmergencyTests: a third State's open stream hears nothing)",
        ["POST api/v1/requests"] = "drafts for the caller's own State only (the body names no owner)",
        ["POST api/v1/requests/submissions"] = "submits for the caller's own State only; the requested State is a party by design",
        ["POST api/v1/tokens"] = "issues a token of the caller's own State",
        ["POST api/v1/webhooks"] = "subscribes the caller's own State",
        ["GET api/v1/notifications"] = "the caller's own inbox (Notifications/InboxTests: no other account's item appears)",
        ["GET api/v1/notifications/unread-count"] = "the caller's own inbox",
        ["GET api/v1/notifications/kinds"] = "the catalogue of notification kinds",
        ["POST api/v1/notifications/read-all"] = "the caller's own inbox",
        ["POST api/v1/audit/verify"] = "the secretariat's check of the whole chain; returns no entry",
        ["POST api/v1/drafts"] = "starts a draft for the caller's own State; a delegate naming other main sponsors is refused "
            + "(Deliberation/CreateDraftTests)",
        ["POST api/v1/knowledge/search/reindex"] = "the secretariat rebuilds the public index",
        ["GET notifications"] = "the caller's own inbox",
        ["GET account/tokens"] = "the caller's own State's tokens, from the same query as GET api/v1/tokens",
        ["GET verification/rounds"] = "the secretariat's rounds page (secretariat role)",
        ["GET network"] = "redirects to the caller's own State's page",
        ["GET account/two-factor"] = "the caller's own account",
        ["OPTIONS api/v1/evidence/uploads"] = "the tus server's capabilities (versions, extensions, maximum size)",
    };

    /// <summary>
    /// Endpoints and pages whose isolation is proved only by the route-table test
    /// (<c>Trust/EndpointAuthorisationTests</c>: foreign State, every role, empty body) for now.
    /// </summary>
    public static readonly Dictionary<string, string> RouteTableOnly = new(StringComparer.Ordinal);
}
