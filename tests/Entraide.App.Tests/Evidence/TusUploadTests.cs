using System.Net;
using System.Security.Cryptography;
using Entraide.App.Evidence.Uploads;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Evidence;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Entraide.App.Tests.Evidence.EvidenceTestData;

namespace Entraide.App.Tests.Evidence;

/// <summary>The tus 1.0 server: core, creation, checksum, termination and expiration, with every status the protocol names.</summary>
[Collection(AppCollection.Name)]
public sealed class TusUploadTests(AppFixture fixture)
{
    private static readonly string[] Ca = [Roles.CentralAuthority];

    [Theory, ClassData(typeof(Databases))]
    public async Task Options_SaysWhatTheServerOffers(Db db)
    {
        var r = await fixture.App(db).ClientFor("JPN", Ca).SendAsync(new HttpRequestMessage(HttpMethod.Options, Uploads));
        Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);
        Assert.Equal("1.0.0", r.Headers.GetValues("Tus-Version").Single());
        Assert.Equal("1.0.0", r.Headers.GetValues("Tus-Resumable").Single());
        Assert.Equal(["creation", "checksum", "termination", "expiration"], r.Headers.GetValues("Tus-Extension").Single().Split(','));
        Assert.Contains("sha256", r.Headers.GetValues("Tus-Checksum-Algorithm").Single().Split(','));
        Assert.True(long.Parse(r.Headers.GetValues("Tus-Max-Size").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_InSeveralPatches_IsSealed_AndListedWithItsSha256InLowercaseHex(Db db)
    {
        var app = fixture.App(db);
        var request = await SharedRequestAsync(app);
        var jpn = app.ClientFor("JPN", Ca);
        var content = Content(300_001);
        var url = await CreateAsync(jpn, request, content.Length, "disk.E01", Sha256(content).ToUpperInvariant(),
            ("custodian", "Provider KK"), ("acquisitionMethod", "logical image"), ("tool", "FTK Imager 4.7"),
            ("acquiredAt", "2026-01-05T08:30:00Z"), ("acquiredBy", "Insp. Sato"), ("description", "Image of the mail server"),
            ("filetype", "application/octet-stream"));
        var head = await jpn.SendAsync(Head(url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(0, Offset(head));
        Assert.Equal("300001", head.Headers.GetValues("Upload-Length").Single());
        Assert.True(head.Headers.Contains("Upload-Expires"));
        Assert.Equal("no-store", head.Headers.CacheControl?.ToString());
        var last = await SendAsync(jpn, url, content, chunk: 70_000);
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        Assert.Equal(content.Length, Offset(last));

        var list = await app.ClientFor("FRA", Ca).GetAsync($"/api/v1/evidence?requestId={request}").ExpectAsync(HttpStatusCode.OK);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(Sha256(content), item.GetProperty("sha256").GetString());
        Assert.Equal("sealed", item.GetProperty("status").GetString());
        Assert.Equal("disk.E01", item.GetProperty("fileName").GetString());
        Assert.Equal("Provider KK", item.GetProperty("source").GetProperty("custodian").GetString());
        Assert.Equal("JPN", item.GetProperty("ownerState").GetString());

        var download = await app.ClientFor("FRA", Ca).GetAsync(item.GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        var detail = await app.ClientFor("FRA", Ca).GetAsync($"/api/v1/evidence/{IdOf(url)}").ExpectAsync(HttpStatusCode.OK);
        var kinds = detail.GetProperty("custody").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["acquired", "upload-started", "uploaded", "sealed", "downloaded"], kinds);
        Assert.All(detail.GetProperty("custody").EnumerateArray().Skip(2), e => Assert.Equal(Sha256(content), e.GetProperty("sha256").GetString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_OfAnEmptyFile_IsSealedAtCreation(Db db)
    {
        var app = fixture.App(db);
        var request = await SharedRequestAsync(app);
        var url = await CreateAsync(app.ClientFor("JPN", Ca), request, 0, "empty.log");
        var detail = await app.ClientFor("FRA", Ca).GetAsync($"/api/v1/evidence/{IdOf(url)}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Sha256([]), detail.GetProperty("item").GetProperty("sha256").GetString());
        var download = await app.ClientFor("FRA", Ca).GetAsync($"/api/v1/evidence/{IdOf(url)}/content");
        Assert.Empty(await download.Content.ReadAsByteArrayAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Patch_AtAWrongOffset_IsAConflict_AndChangesNothing(Db db)
    {
        var app = fixture.App(db);
        var jpn = app.ClientFor("JPN", Ca);
        var url = await CreateAsync(jpn, await SharedRequestAsync(app), 1000);
        await jpn.SendAsync(Patch(url, 0, Content(100))).ExpectAsync(HttpStatusCode.NoContent);
        await jpn.SendAsync(Patch(url, 50, Content(100))).ExpectProblemAsync(HttpStatusCode.Conflict, "evidence-offset-mismatch");
        await jpn.SendAsync(Patch(url, 900, Content(100))).ExpectProblemAsync(HttpStatusCode.Conflict, "evidence-offset-mismatch");
        Assert.Equal(100, Offset(await jpn.SendAsync(Head(url))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Requests_InAnotherVersion_OrWithoutOne_AreRefusedWith412(Db db)
    {
        var app = fixture.App(db);
        var jpn = app.ClientFor("JPN", Ca);
        var request = await SharedRequestAsync(app);
        var r = await jpn.SendAsync(Create(10, Metadata(("requestId", request), ("filename", "a.txt")), version: "0.2.2"));
        await r.ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "evidence-tus-version");
        Assert.Equal("1.0.0", r.Headers.GetValues("Tus-Version").Single());
        Assert.Equal("1.0.0", r.Headers.GetValues("Tus-Resumable").Single());
        var url = await CreateAsync(jpn, request, 10);
        var patch = Patch(url, 0, Content(10));
        patch.Headers.Remove("Tus-Resumable");
        await jpn.SendAsync(patch).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "evidence-tus-version");
        Assert.Equal(0, Offset(await jpn.SendAsync(Head(url))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Patch_PastTheDeclaredLength_Is413_AndKeepsNothingOfIt(Db db)
    {
        var app = fixture.App(db);
        var jpn = app.ClientFor("JPN", Ca);
        var url = await CreateAsync(jpn, await SharedRequestAsync(app), 100_000);
        await jpn.SendAsync(Patch(url, 0, Content(70_000))).ExpectAsync(HttpStatusCode.NoContent);
        await jpn.SendAsync(Patch(url, 70_000, Content(30_001))).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "evidence-exceeds-length");
        // Without a Content-Length (chunked), the server finds out while reading: nothing of the chunk is kept either.
        var chunked = Patch(url, 70_000, Content(30_001));
        chunked.Content = new StreamContent(new MemoryStream(Content(30_001)));
        chunked.Content.Headers.ContentType = new("application/offset+octet-stream");
        chunked.Headers.TransferEncodingChunked = true;
        await jpn.SendAsync(chunked).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "evidence-exceeds-length");
        Assert.Equal(70_000, Offset(await jpn.SendAsync(Head(url))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Creation_LargerThanTheServerAccepts_OrWithBadMetadata_IsRefused(Db db)
    {
        var app = fixture.App(db);
        var jpn = app.ClientFor("JPN", Ca);
        var request = await SharedRequestAsync(app);
        await jpn.SendAsync(Create(long.MaxValue, Metadata(("requestId", request), ("filename", "a.txt"))))
            .ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "evidence-too-large");
        await jpn.SendAsync(Create(10, "requestId !!!notbase64")).ExpectProblemAsync(HttpStatusCode.BadRequest, "evidence-metadata");
        await jpn.SendAsync(Create(10, Metadata(("requestId", request), ("requestId", request)))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await jpn.SendAsync(Create(10, Metadata(("filename", "a.txt")))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "required");
        var bad = await jpn.SendAsync(Create(10, Metadata(("requestId", request), ("filename", "../a.txt"), ("sha256", "abc"))))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var codes = bad.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(["evidence-file-name", "evidence-hash-format"], codes);
        var noLength = new HttpRequestMessage(HttpMethod.Post, Uploads);
        noLength.Headers.Add("Tus-Resumable", Tus);
        noLength.Headers.Add("Upload-Metadata", Metadata(("requestId", request), ("filename", "a.txt")));
        await jpn.SendAsync(noLength).ExpectProblemAsync(HttpStatusCode.BadRequest, "evidence-header");
        var list = await jpn.GetAsync($"/api/v1/evidence?requestId={request}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Patch_WithAWrongChecksum_Answers460_AndTheChunkIsDiscarded(Db db)
    {
        var app = fixture.App(db);
        var jpn = app.ClientFor("JPN", Ca);
        var content = Content(200_000);
        var url = await CreateAsync(jpn, await SharedRequestAsync(app), content.Length, sha256: Sha256(content));
        var first = content.AsMemory(0, 150_000);
        string Sum(ReadOnlyMemory<byte> b) => "sha256 " + Convert.ToBase64String(SHA256.HashData(b.Span));
        var wrong = "sha256 " + Convert.ToBase64String(SHA256.HashData(content.AsSpan(0, 10)));
        var r = await jpn.SendAsync(Patch(url, 0, first, wrong));
        Assert.Equal(460, (int)r.StatusCode);
        await r.ExpectProblemAsync((HttpStatusCode)460, "evidence-checksum-mismatch");
        Assert.Equal(0, Offset(await jpn.SendAsync(Head(url))));
        await jpn.SendAsync(Patch(url, 0, first, "md5 AAAA")).ExpectProblemAsync(HttpStatusCode.BadRequest, "evidence-checksum-algorithm");
        await jpn.SendAsync(Patch(url, 0, first, Sum(first))).ExpectAsync(HttpStatusCode.NoContent);
        // A wrong checksum after committed chunks discards only its own bytes.
        Assert.Equal(460, (int)(await jpn.SendAsync(Patch(url, 150_000, content.AsMemory(150_000), wrong))).StatusCode);
        Assert.Equal(150_000, Offset(await jpn.SendAsync(Head(url))));
        var sha1 = "sha1 " + Convert.ToBase64String(SHA1.HashData(content.AsSpan(150_000)));
        await jpn.SendAsync(Patch(url, 150_000, content.AsMemory(150_000), sha1)).ExpectAsync(HttpStatusCode.NoContent);
        var item = await app.ClientFor("FRA", Ca).GetAsync($"/api/v1/evidence/{IdOf(url)}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("sealed", item.GetProperty("item").GetProperty("status").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_NotMatchingItsDeclaredHash_IsRejected_ItsContentDeleted_AndNeverListedAsValid(Db db)
    {
        var app = fixture.App(db);
        var request = await SharedRequestAsync(app);
        var jpn = app.ClientFor("JPN", Ca);
        var content = Content(100_000);
        var stored = StoredFiles(app).Count();
        var url = await CreateAsync(jpn, request, content.Length, sha256: Sha256(Content(100_000, "something else ")));
        await jpn.SendAsync(Patch(url, 0, content.AsMemory(0, 70_000))).ExpectAsync(HttpStatusCode.NoContent);
        var last = await jpn.SendAsync(Patch(url, 70_000, content.AsMemory(70_000)));
        await last.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "evidence-hash-mismatch");
        var id = Guid.Parse(IdOf(url));
        var item = await app.WithDbAsync(d => d.Set<EvidenceItem>().AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(EvidenceStatus.Rejected, item.Status);
        Assert.Null(item.StorageKey);
        Assert.False(File.Exists(app.Services.GetRequiredService<UploadStaging>().ChunksPath(id)));
        Assert.Equal(stored, StoredFiles(app).Count());
        var own = await jpn.GetAsync($"/api/v1/evidence?requestId={request}").ExpectAsync(HttpStatusCode.OK);
        var listed = Assert.Single(own.GetProperty("items").EnumerateArray());
        Assert.Equal("rejected", listed.GetProperty("status").GetString());
        Assert.Equal(JsonNull, listed.GetProperty("content").ValueKind);
        var other = await app.ClientFor("FRA", Ca).GetAsync($"/api/v1/evidence?requestId={request}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(other.GetProperty("items").EnumerateArray());
        await app.ClientFor("FRA", Ca).GetAsync($"/api/v1/evidence/{id}/content").ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Gone, (await jpn.SendAsync(Head(url))).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Termination_DeletesThePartialContent_AndTheUploadIsGone(Db db)
    {
        var app = fixture.App(db);
        var jpn = app.ClientFor("JPN", Ca);
        var url = await CreateAsync(jpn, await SharedRequestAsync(app), 200_000);
        await jpn.SendAsync(Patch(url, 0, Content(100_000))).ExpectAsync(HttpStatusCode.NoContent);
        var id = Guid.Parse(IdOf(url));
        var staging = app.Services.GetRequiredService<UploadStaging>();
        Assert.True(File.Exists(staging.ChunksPath(id)));
        // The other State of the request does not even know of the unfinished upload.
        await app.ClientFor("FRA", Ca).SendAsync(Delete(url)).ExpectProblemAsync(HttpStatusCode.NotFound);
        var deleted = await jpn.SendAsync(Delete(url));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("1.0.0", deleted.Headers.GetValues("Tus-Resumable").Single());
        Assert.False(File.Exists(staging.ChunksPath(id)));
        Assert.False(File.Exists(staging.TailPath(id)));
        Assert.Equal(HttpStatusCode.Gone, (await jpn.SendAsync(Head(url))).StatusCode);
        await jpn.SendAsync(Patch(url, 100_000, Content(10))).ExpectProblemAsync(HttpStatusCode.Gone, "evidence-upload-gone");
        await jpn.SendAsync(Delete(url)).ExpectProblemAsync(HttpStatusCode.Gone);
        var detail = await jpn.GetAsync($"/api/v1/evidence/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("terminated", detail.GetProperty("custody").EnumerateArray().Last().GetProperty("kind").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Expiration_TheSweepDeletesExpiredPartialContent_AndTheUploadIsGone(Db db)
    {
        var app = fixture.App(db);
        var jpn = app.ClientFor("JPN", Ca);
        var url = await CreateAsync(jpn, await SharedRequestAsync(app), 200_000);
        var patched = await jpn.SendAsync(Patch(url, 0, Content(100_000)));
        var expires = DateTimeOffset.Parse(patched.Headers.GetValues("Upload-Expires").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expires > DateTimeOffset.UtcNow.AddHours(23));
        var id = Guid.Parse(IdOf(url));
        var staging = app.Services.GetRequiredService<UploadStaging>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sweep = scope.ServiceProvider.GetRequiredService<UploadSweep>();
            await sweep.RunAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.True(File.Exists(staging.ChunksPath(id)), "an upload that has not expired keeps its content");
            var result = await sweep.RunAsync(expires.AddSeconds(1), CancellationToken.None);
            Assert.True(result.Expired >= 1);
        }
        Assert.False(File.Exists(staging.ChunksPath(id)));
        Assert.False(File.Exists(staging.TailPath(id)));
        Assert.Equal(HttpStatusCode.Gone, (await jpn.SendAsync(Head(url))).StatusCode);
        var detail = await jpn.GetAsync($"/api/v1/evidence/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("deleted", detail.GetProperty("item").GetProperty("status").GetString());
        Assert.Equal("expired", detail.GetProperty("custody").EnumerateArray().Last().GetProperty("kind").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_PastItsExpiry_IsGone_EvenBeforeTheSweep(Db db)
    {
        var app = fixture.App(db);
        var url = await CreateAsync(app.ClientFor("JPN", Ca), await SharedRequestAsync(app), 200_000);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2));
        await using var host = app.Derive(s => s.AddSingleton<TimeProvider>(later));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.IssueToken("JPN", Ca));
        Assert.Equal(HttpStatusCode.Gone, (await client.SendAsync(Head(url))).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Upload_ResumesOnANewHost_FromTheCommittedOffset_WithTheRightHash(Db db)
    {
        var app = fixture.App(db);
        var request = await SharedRequestAsync(app);
        var jpn = app.ClientFor("JPN", Ca);
        var content = Content(400_123);
        var url = await CreateAsync(jpn, request, content.Length, sha256: Sha256(content));
        await jpn.SendAsync(Patch(url, 0, content.AsMemory(0, 200_000))).ExpectAsync(HttpStatusCode.NoContent);

        // Another process on the same database and evidence folder: no upload session survives, only what is on disk.
        await using var restarted = SameStorage(app);
        var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.IssueToken("JPN", Ca));
        var offset = Offset(await client.SendAsync(Head(url)));
        Assert.Equal(200_000, offset);
        (await SendAsync(client, url, content, offset, chunk: 90_000)).EnsureSuccessStatusCode();
        var item = await app.ClientFor("FRA", Ca).GetAsync($"/api/v1/evidence/{IdOf(url)}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Sha256(content), item.GetProperty("item").GetProperty("sha256").GetString());
        var download = await app.ClientFor("FRA", Ca).GetAsync($"/api/v1/evidence/{IdOf(url)}/content");
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task EveryAnswer_CarriesTusResumable_RefusalsIncluded(Db db)
    {
        var app = fixture.App(db);
        var anonymous = await app.Anonymous().SendAsync(Head($"{Uploads}/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("1.0.0", anonymous.Headers.GetValues("Tus-Resumable").Single());
        var missing = await app.ClientFor("JPN", Ca).SendAsync(Head($"{Uploads}/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("1.0.0", missing.Headers.GetValues("Tus-Resumable").Single());
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    internal static IEnumerable<string> StoredFiles(TestApp app)
    {
        var root = Path.Combine(app.DataDirectory, "evidence");
        return Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>A second host on the same database, evidence folder and key, with its own data folder otherwise.</summary>
    internal static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> SameStorage(TestApp app,
        IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        app.WithWebHostBuilder(b =>
        {
            var dir = Path.Combine(app.DataDirectory, "host-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            b.UseSetting("Entraide:DataDirectory", dir);
            b.UseSetting("Evidence:Storage:Path", Path.Combine(app.DataDirectory, "evidence"));
            b.UseSetting("Evidence:KeyEncryptionKey:Path", Path.Combine(app.DataDirectory, "keys", "evidence-kek.key"));
            foreach (var (k, v) in settings ?? []) b.UseSetting(k, v);
        });
}
