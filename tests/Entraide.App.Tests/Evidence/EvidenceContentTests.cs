using System.Net;
using System.Text;
using Entraide.App.Evidence.Encryption;
using Entraide.App.Evidence.Storage;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Evidence;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Entraide.App.Tests.Evidence.EvidenceTestData;

namespace Entraide.App.Tests.Evidence;

/// <summary>Encryption at rest, verified downloads, re-verification, key rotation, and who may read and change evidence.</summary>
[Collection(AppCollection.Name)]
public sealed class EvidenceContentTests(AppFixture fixture)
{
    private static readonly string[] Ca = [Roles.CentralAuthority];

    private static async Task<string> StoredPathAsync(TestApp app, string itemId)
    {
        var id = Guid.Parse(itemId);
        var key = await app.WithDbAsync(d => d.Set<EvidenceItem>().Where(i => i.Id == id).Select(i => i.StorageKey).SingleAsync());
        return ((FileEvidenceStore)app.Services.GetRequiredService<IEvidenceStore>()).PathOf(key!);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StoredContent_HoldsNoneOfThePlaintext_AndIsNamedByItsOwnHash(Db db)
    {
        var app = fixture.App(db);
        var (_, item, content) = await SealedAsync(app, length: 200_000);
        var path = await StoredPathAsync(app, item);
        var stored = await File.ReadAllBytesAsync(path);
        Assert.Equal(EvidenceCipher.StoredLength(content.Length), stored.Length);
        var marker = Encoding.ASCII.GetBytes("ENTRAIDE-PLAINTEXT");
        Assert.Equal(-1, stored.AsSpan().IndexOf(marker));
        Assert.Equal(Path.GetFileName(path), Sha256(stored));
        // Nothing in the clear in the staging folder or anywhere else under the evidence folder either.
        foreach (var f in TusUploadTests.StoredFiles(app)) Assert.Equal(-1, (await File.ReadAllBytesAsync(f)).AsSpan().IndexOf(marker));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Download_OfAlteredContent_Fails_AndIsRecorded(Db db)
    {
        var app = fixture.App(db);
        var (_, item, _) = await SealedAsync(app, length: 200_000);
        var path = await StoredPathAsync(app, item);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[EvidenceCipher.StoredChunkSize + 100] ^= 0x01; // in the second chunk: the answer has started
        await File.WriteAllBytesAsync(path, bytes);
        var fra = app.ClientFor("FRA", Ca);
        byte[]? body = null;
        try
        {
            body = await (await fra.GetAsync($"/api/v1/evidence/{item}/content")).Content.ReadAsByteArrayAsync();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            // The server cut the stream: what a client of an altered item must see.
        }
        Assert.True(body is null || body.Length < 200_000, "an altered item was downloaded whole");
        var detail = await fra.GetAsync($"/api/v1/evidence/{item}").ExpectAsync(HttpStatusCode.OK);
        var last = detail.GetProperty("custody").EnumerateArray().Last();
        Assert.Equal("download-failed", last.GetProperty("kind").GetString());
        Assert.Equal("FRA", last.GetProperty("state").GetString());

        // Altered in its first chunk: refused before any byte is sent.
        bytes[10] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);
        await fra.GetAsync($"/api/v1/evidence/{item}/content").ExpectProblemAsync(HttpStatusCode.Conflict, "evidence-integrity-failed");
        var verify = await fra.PostAsync($"/api/v1/evidence/{item}/verify", null).ExpectAsync(HttpStatusCode.OK);
        Assert.False(verify.GetProperty("intact").GetBoolean());
        detail = await fra.GetAsync($"/api/v1/evidence/{item}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["download-failed", "download-failed", "verification-failed"], detail.GetProperty("custody").EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString()).TakeLast(3));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_ByTheRecipient_RecordsTheResult_InTheCustodyChainAndTheAudit(Db db)
    {
        var app = fixture.App(db);
        var (_, item, content) = await SealedAsync(app);
        var verify = await app.ClientFor("FRA", Ca).PostAsync($"/api/v1/evidence/{item}/verify", null).ExpectAsync(HttpStatusCode.OK);
        Assert.True(verify.GetProperty("intact").GetBoolean());
        Assert.Equal(Sha256(content), verify.GetProperty("sha256").GetString());
        var id = Guid.Parse(item);
        var events = await app.WithDbAsync(d => d.Set<CustodyEvent>().AsNoTracking().Where(e => e.ItemId == id).ToListAsync());
        var verified = Assert.Single(events, e => e.Kind == CustodyKind.Verified);
        Assert.Equal("FRA", verified.ActorState);
        var audited = await app.WithDbAsync(d => d.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(CustodyEvent)).Select(a => a.EntityId).ToListAsync());
        Assert.All(events, e => Assert.Contains(e.Id.ToString(), audited));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ThirdState_SeesNothing_AndTheOtherParty_ReadsButDoesNotChange(Db db)
    {
        var app = fixture.App(db);
        var (request, item, content) = await SealedAsync(app);
        var deu = app.ClientFor("DEU", Ca);
        await deu.GetAsync($"/api/v1/evidence?requestId={request}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await deu.GetAsync($"/api/v1/evidence/{item}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await deu.GetAsync($"/api/v1/evidence/{item}/content").ExpectProblemAsync(HttpStatusCode.NotFound);
        await deu.PostAsync($"/api/v1/evidence/{item}/verify", null).ExpectProblemAsync(HttpStatusCode.NotFound);
        await deu.SendAsync(Head($"{Uploads}/{item}")).ExpectAsync(HttpStatusCode.NotFound);
        await deu.SendAsync(Create(10, Metadata(("requestId", request), ("filename", "x.txt")))).ExpectProblemAsync(HttpStatusCode.NotFound);
        // A colleague of the requesting State reads the requested State's evidence, but cannot terminate or append to it.
        var fra = app.ClientFor("FRA", Roles.Investigator, Roles.CentralAuthority);
        Assert.Equal(content, await (await fra.GetAsync($"/api/v1/evidence/{item}/content")).Content.ReadAsByteArrayAsync());
        await fra.SendAsync(Delete($"{Uploads}/{item}")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await fra.SendAsync(Patch($"{Uploads}/{item}", 0, Content(1))).ExpectProblemAsync(HttpStatusCode.Forbidden);
        // Its own sender cannot terminate a sealed item either: it is in custody.
        await app.ClientFor("JPN", Ca).SendAsync(Delete($"{Uploads}/{item}")).ExpectProblemAsync(HttpStatusCode.Conflict, "evidence-not-uploading");
        // The secretariat is no party to a request.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(null, Roles.Secretariat).GetAsync($"/api/v1/evidence/{item}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RewrapDataKeys_AfterARotation_LeavesTheContentReadableWithTheNewKeyAlone(Db db)
    {
        var app = fixture.App(db);
        var (_, item, content) = await SealedAsync(app);
        var id = Guid.Parse(item);
        var oldKeyPath = Path.Combine(app.DataDirectory, "keys", "evidence-kek.key");
        var newKeyPath = Path.Combine(app.DataDirectory, "keys", "evidence-kek-" + Guid.NewGuid().ToString("N")[..8] + ".key");
        await File.WriteAllTextAsync(newKeyPath, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var newId = EvidenceKeys.IdOf(Convert.FromBase64String(await File.ReadAllTextAsync(newKeyPath)));
        var storedBefore = await File.ReadAllBytesAsync(await StoredPathAsync(app, item));

        await using (var rotating = TusUploadTests.SameStorage(app, [new("Evidence:KeyEncryptionKey:Path", newKeyPath),
            new("Evidence:KeyEncryptionKey:PreviousPaths:0", oldKeyPath)]))
        {
            await using var scope = rotating.Services.CreateAsyncScope();
            var rewrapped = await scope.ServiceProvider.GetRequiredService<RewrapDataKeysHandler>().HandleAsync(new RewrapDataKeys(2),
                CancellationToken.None);
            Assert.True(rewrapped >= 1);
        }
        Assert.Equal(newId, await app.WithDbAsync(d => d.Set<EvidenceItem>().Where(i => i.Id == id).Select(i => i.KeyId).SingleAsync()));
        Assert.Equal(storedBefore, await File.ReadAllBytesAsync(await StoredPathAsync(app, item)));

        await using var rotated = TusUploadTests.SameStorage(app, [new("Evidence:KeyEncryptionKey:Path", newKeyPath)]);
        var client = rotated.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.IssueToken("FRA", Ca));
        Assert.Equal(content, await (await client.GetAsync($"/api/v1/evidence/{item}/content")).Content.ReadAsByteArrayAsync());
    }
}
