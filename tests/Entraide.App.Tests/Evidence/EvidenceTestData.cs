using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Entraide.App.Tests.Cooperation;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Evidence;

/// <summary>A tus client in a few lines, as a State's system would drive Entraide's upload server.</summary>
internal static class EvidenceTestData
{
    public const string Uploads = "/api/v1/evidence/uploads";
    public const string Tus = "1.0.0";

    /// <summary>Bytes that are recognisable in a file (to prove they are not stored in the clear), <paramref name="length"/> long.</summary>
    public static byte[] Content(int length, string marker = "ENTRAIDE-PLAINTEXT-MARKER ")
    {
        var m = Encoding.ASCII.GetBytes(marker);
        var b = new byte[length];
        for (var i = 0; i < length; i++) b[i] = m[i % m.Length];
        // A counter in every 4 KiB block: no two chunks are identical.
        for (var i = 0; i + 8 <= length; i += 4096) BitConverter.TryWriteBytes(b.AsSpan(i, 8), (long)i);
        return b;
    }

    public static string Sha256(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));

    public static string Metadata(params (string Key, string? Value)[] pairs) => string.Join(",", pairs.Select(p =>
        p.Value is null ? p.Key : p.Key + " " + Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Value))));

    public static HttpRequestMessage Create(long length, string metadata, string version = Tus)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, Uploads);
        m.Headers.Add("Tus-Resumable", version);
        m.Headers.Add("Upload-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        m.Headers.Add("Upload-Metadata", metadata);
        return m;
    }

    /// <summary>Creates an upload of <paramref name="length"/> bytes for the request; returns its URL.</summary>
    public static async Task<string> CreateAsync(HttpClient client, string requestId, long length, string fileName = "mailbox.pst",
        string? sha256 = null, params (string, string?)[] extra)
    {
        var pairs = new List<(string, string?)> { ("requestId", requestId), ("filename", fileName) };
        if (sha256 is not null) pairs.Add(("sha256", sha256));
        pairs.AddRange(extra);
        var response = await client.SendAsync(Create(length, Metadata([.. pairs])));
        await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(Tus, response.Headers.GetValues("Tus-Resumable").Single());
        return response.Headers.Location!.ToString();
    }

    public static HttpRequestMessage Patch(string url, long offset, ReadOnlyMemory<byte> bytes, string? checksum = null)
    {
        var m = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new ReadOnlyMemoryContent(bytes) };
        m.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        m.Headers.Add("Tus-Resumable", Tus);
        m.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (checksum is not null) m.Headers.Add("Upload-Checksum", checksum);
        return m;
    }

    public static HttpRequestMessage Head(string url)
    {
        var m = new HttpRequestMessage(HttpMethod.Head, url);
        m.Headers.Add("Tus-Resumable", Tus);
        return m;
    }

    public static HttpRequestMessage Delete(string url)
    {
        var m = new HttpRequestMessage(HttpMethod.Delete, url);
        m.Headers.Add("Tus-Resumable", Tus);
        return m;
    }

    public static long Offset(HttpResponseMessage r) => long.Parse(r.Headers.GetValues("Upload-Offset").Single(),
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sends <paramref name="content"/> from <paramref name="offset"/> in PATCHes of <paramref name="chunk"/> bytes.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, byte[] content, long offset = 0, int chunk = 100_000)
    {
        HttpResponseMessage? last = null;
        while (offset < content.Length || last is null)
        {
            var n = (int)Math.Min(chunk, content.Length - offset);
            last = await client.SendAsync(Patch(url, offset, content.AsMemory((int)offset, n)));
            if (last.StatusCode != HttpStatusCode.NoContent) return last;
            offset = Offset(last);
        }
        return last;
    }

    /// <summary>The id in an upload URL (the item's id).</summary>
    public static string IdOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    /// <summary>An MLA from <paramref name="from"/> to <paramref name="to"/>, received: shared by the two.</summary>
    public static Task<string> SharedRequestAsync(TestApp app, string from = "FRA", string to = "JPN") =>
        CooperationTestData.ReceivedMlaAsync(app, from, to);

    /// <summary>A sealed item that the requested State <paramref name="to"/> sent in a request from <paramref name="from"/>.</summary>
    public static async Task<(string Request, string Item, byte[] Content)> SealedAsync(TestApp app, string from = "FRA", string to = "JPN",
        int length = 150_000)
    {
        var request = await SharedRequestAsync(app, from, to);
        var client = app.ClientFor(to, Roles.CentralAuthority);
        var content = Content(length);
        var url = await CreateAsync(client, request, content.Length, sha256: Sha256(content));
        (await SendAsync(client, url, content)).EnsureSuccessStatusCode();
        return (request, IdOf(url), content);
    }
}

/// <summary>An unfinished upload of a State, to a draft request of its own (shared with no other State).</summary>
internal sealed class UploadIdSample : IRouteSample
{
    public string Parameter => "uploadId";
    public string? RoutePrefix => "api/v1/evidence/uploads";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var request = await new RequestIdSample().CreateOwnedByAsync(app, state);
        return EvidenceTestData.IdOf(await EvidenceTestData.CreateAsync(app.ClientFor(state, Roles.CentralAuthority), request, 10));
    }

    public string? Missing => Guid.NewGuid().ToString();
}

/// <summary>A sealed item of a State, in a draft request of its own.</summary>
internal sealed class EvidenceItemIdSample : IRouteSample
{
    public string Parameter => "itemId";
    public string? RoutePrefix => "api/v1/evidence";

    public async Task<string> CreateOwnedByAsync(TestApp app, string state)
    {
        var request = await new RequestIdSample().CreateOwnedByAsync(app, state);
        var client = app.ClientFor(state, Roles.CentralAuthority);
        var content = EvidenceTestData.Content(10);
        var url = await EvidenceTestData.CreateAsync(client, request, content.Length);
        (await EvidenceTestData.SendAsync(client, url, content)).EnsureSuccessStatusCode();
        return EvidenceTestData.IdOf(url);
    }

    public string? Missing => Guid.NewGuid().ToString();
}
