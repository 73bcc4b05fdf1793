using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Browser.Tests.Infrastructure;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.Browser.Tests.Evidence;

/// <summary>
/// Interoperability with the reference tus client: <c>tus-js-client</c> (npm, run with node) uploads to the server on a
/// real port, pauses after its first chunk and resumes from the upload's URL in a new Upload, as after a restart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TusInteropTests(BrowserFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Folder([CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "tus-interop");

    private string Token(string state)
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var secret = ApiToken.NewSecret();
        db.Add(new ApiToken
        {
            Id = Guid.CreateVersion7(),
            Name = "tus interop " + state,
            StateCode = state,
            Roles = Roles.CentralAuthority,
            SecretDigest = ApiToken.DigestOf(secret),
            Prefix = secret[..10],
            CreatedBy = "tests",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        db.SaveChanges();
        return secret;
    }

    private HttpClient Client(string token)
    {
        var c = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string file, string args, string folder,
        IDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await output, await error);
    }

    [BrowserFact]
    public async Task TusJsClient_UploadsPausesAndResumes_AndTheItemIsSealedWithItsHash()
    {
        var folder = Folder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "tus-js-client")))
        {
            var install = await RunAsync("npm", "ci --no-audit --no-fund", folder);
            Assert.True(install.Code == 0, "npm ci failed: " + install.Err);
        }
        var fra = Client(Token("FRA"));
        var jpnToken = Token("JPN");
        var jpn = Client(jpnToken);
        var type = RequestCatalogue.TryParse("mla", out var spec) ? spec : throw new InvalidOperationException("no mla type");
        var fields = type.Fields.Where(f => f.Required).ToDictionary(f => f.Name, f =>
            (string?)(f.Kind == FieldKind.Affirmation ? "true" : $"{f.Name} of an interop request"));
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests/submissions")
        {
            Content = JsonContent.Create(new { type = "mla", requestedState = "JPN", language = "en", confidential = false, fields }, options: Json),
        };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var submitted = await fra.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var request = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await jpn.PostAsJsonAsync($"/api/v1/requests/{request}/transitions", new { action = "acknowledge" }, Json)).EnsureSuccessStatusCode();

        var content = RandomNumberGenerator.GetBytes(350_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var file = Path.Combine(Path.GetTempPath(), "entraide-interop-" + Guid.NewGuid().ToString("N")[..8] + ".bin");
        await File.WriteAllBytesAsync(file, content);
        try
        {
            var run = await RunAsync("node", "upload.mjs", folder, new Dictionary<string, string>
            {
                ["ENDPOINT"] = fixture.BaseUrl.TrimEnd('/') + "/api/v1/evidence/uploads",
                ["TOKEN"] = jpnToken,
                ["FILE"] = file,
                ["REQUEST_ID"] = request,
                ["SHA256"] = sha,
            });
            Assert.True(run.Code == 0, $"tus-js-client failed ({run.Code}): {run.Err} {run.Out}");
            var result = JsonDocument.Parse(run.Out.Trim()).RootElement;
            Assert.Equal(100_000, result.GetProperty("resumedFrom").GetInt64());
            var id = result.GetProperty("url").GetString()!.Split('/')[^1];
            var item = await fra.GetFromJsonAsync<JsonElement>($"/api/v1/evidence/{id}", Json);
            Assert.Equal("sealed", item.GetProperty("item").GetProperty("status").GetString());
            Assert.Equal(sha, item.GetProperty("item").GetProperty("sha256").GetString());
            Assert.Equal(content, await fra.GetByteArrayAsync($"/api/v1/evidence/{id}/content"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
