using System.Net;
using System.Net.Http.Headers;
using Entraide.App.Tests.Evidence;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;
using static Entraide.App.Tests.Isolation.ProbeTable;

namespace Entraide.App.Tests.Isolation;

/// <summary>
/// The Evidence module's routes. Evidence is shared by the two States of its request: the requested State (the
/// foreign State here) uploads it, the requesting State (the owner) reads it once sealed, and a third State gets what it
/// gets for an item that does not exist, whatever the verb. The secretariat is no party to a request.
/// </summary>
internal static class EvidenceProbes
{
    private static readonly string[] Ca = [Roles.CentralAuthority];
    private static readonly string[] ThirdState = [Third];
    private const string Private = "evidence is private to the States of its request (Isolation.PartyOf)";

    private static readonly Dictionary<string, string> Tus = new() { ["Tus-Resumable"] = EvidenceTestData.Tus };

    private static Task<string> SharedAsync(TestApp app) => Cooperation.CooperationTestData.ReceivedMlaAsync(app, Owner, Foreign);

    /// <summary>An unfinished upload of 10 bytes by the foreign State to a request shared with the owner.</summary>
    private static async Task<string> UploadAsync(TestApp app) =>
        EvidenceTestData.IdOf(await EvidenceTestData.CreateAsync(app.ClientFor(Foreign, Ca), await SharedAsync(app), 10));

    /// <summary>A sealed item the foreign State sent in a request shared with the owner.</summary>
    private static async Task<(string Request, string Item)> SealedAsync(TestApp app)
    {
        var request = await SharedAsync(app);
        var client = app.ClientFor(Foreign, Ca);
        var url = await EvidenceTestData.CreateAsync(client, request, 10);
        (await EvidenceTestData.SendAsync(client, url, EvidenceTestData.Content(10))).EnsureSuccessStatusCode();
        return (request, EvidenceTestData.IdOf(url));
    }

    private static HttpContent Bytes()
    {
        var c = new ByteArrayContent(EvidenceTestData.Content(5));
        c.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return c;
    }

    public static readonly Probe[] Api =
    [
        new("POST api/v1/evidence/uploads", async app =>
        {
            var request = await SharedAsync(app);
            return new Call("POST", EvidenceTestData.Uploads, Foreign, Ca, HttpStatusCode.Created, Headers: new Dictionary<string, string>(Tus)
            {
                ["Upload-Length"] = "10",
                ["Upload-Metadata"] = EvidenceTestData.Metadata(("requestId", request), ("filename", "log.txt")),
            });
        }, ThirdState),
        new("HEAD api/v1/evidence/uploads/{uploadId:guid}", async app =>
        {
            var u = await UploadAsync(app);
            return new Call("HEAD", $"{EvidenceTestData.Uploads}/{u}", Foreign, Ca, Headers: Tus).NamingMissing(u);
        }, ThirdState, SecretariatCannotRead: Private),
        new("PATCH api/v1/evidence/uploads/{uploadId:guid}", async app =>
        {
            var u = await UploadAsync(app);
            return new Call("PATCH", $"{EvidenceTestData.Uploads}/{u}", Foreign, Ca, HttpStatusCode.NoContent, Bytes,
                Headers: new Dictionary<string, string>(Tus) { ["Upload-Offset"] = "0" }).NamingMissing(u);
        }, ThirdState),
        new("DELETE api/v1/evidence/uploads/{uploadId:guid}", async app =>
        {
            var u = await UploadAsync(app);
            return new Call("DELETE", $"{EvidenceTestData.Uploads}/{u}", Foreign, Ca, HttpStatusCode.NoContent, Headers: Tus).NamingMissing(u);
        }, ThirdState),
        new("GET api/v1/evidence", async app =>
        {
            var (request, _) = await SealedAsync(app);
            return new Call("GET", $"/api/v1/evidence?requestId={request}", Owner, Ca).NamingMissing(request);
        }, ThirdState, SecretariatCannotRead: Private),
        new("GET api/v1/evidence/{itemId:guid}", async app =>
        {
            var (_, item) = await SealedAsync(app);
            return new Call("GET", $"/api/v1/evidence/{item}", Owner, Ca).NamingMissing(item);
        }, ThirdState, SecretariatCannotRead: Private),
        new("GET api/v1/evidence/{itemId:guid}/content", async app =>
        {
            var (_, item) = await SealedAsync(app);
            return new Call("GET", $"/api/v1/evidence/{item}/content", Owner, Ca).NamingMissing(item);
        }, ThirdState, SecretariatCannotRead: Private),
        new("POST api/v1/evidence/{itemId:guid}/verify", async app =>
        {
            var (_, item) = await SealedAsync(app);
            return new Call("POST", $"/api/v1/evidence/{item}/verify", Owner, Ca).NamingMissing(item);
        }, ThirdState),
    ];

    public static readonly Probe[] Pages =
    [
        new("GET evidence/{id:guid}", async app =>
        {
            var (_, item) = await SealedAsync(app);
            return new Call("GET", $"/evidence/{item}", Owner, Ca).NamingMissing(item);
        }, ThirdState, SecretariatCannotRead: Private),
    ];
}
