using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Tests.Notifications;
using Entraide.Cli;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// <c>audit head --publish</c> to the secretariat's receiver (<c>Audit:Checkpoints:Url</c>): the signed checkpoint is
/// POSTed under the webhooks' outbound address rules. The receiver listens on 127.0.0.1, allowed explicitly for
/// the secretariat (<c>Notifications:WebhookAllowList:UN</c>); without that entry, and for private or reserved
/// addresses, nothing is sent and no connection is opened. Each test has a database of its own.
/// </summary>
public sealed class AuditCheckpointReceiverTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Publish_PostsTheSignedCheckpoint_ToAReceiverAllowedForTheSecretariat(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        await using var receiver = new WebhookReceiver();
        var (folder, key, settings) = Settings(app);

        var (code, output, error) = await CliAsync(app, [.. settings, "--set", $"Audit:Checkpoints:Url={receiver.UrlFor("/anchors")}",
            "--set", "Notifications:AllowHttpWebhooks=true", "--set", $"Notifications:WebhookAllowList:UN:0=127.0.0.1:{receiver.Port}"]);
        Assert.True(code == 0, output + error);
        Assert.Contains($"Checkpoint sent to {receiver.UrlFor("/anchors")}.", output, StringComparison.Ordinal);

        var call = Assert.Single(receiver.Calls);
        Assert.Equal("/anchors", call.Path);
        Assert.StartsWith("application/json", call.Headers["Content-Type"], StringComparison.Ordinal);
        var head = await app.WithFreshDbAsync(d => d.Set<AuditChainHead>().AsNoTracking().SingleAsync());
        using var sent = JsonDocument.Parse(call.Body);
        var root = sent.RootElement;
        Assert.Equal(head.Sequence, root.GetProperty("sequence").GetInt64());
        Assert.Equal(head.Hash, root.GetProperty("hash").GetString());
        Assert.Equal(AuditCheckpoint.Algorithm, root.GetProperty("algorithm").GetString());
        using var ec = ECDsa.Create();
        ec.ImportFromPem(await File.ReadAllTextAsync(key));
        Assert.True(ec.VerifyData(AuditCheckpoint.Payload(head.Sequence, head.Hash, root.GetProperty("at").GetDateTimeOffset()),
            Convert.FromBase64String(root.GetProperty("signature").GetString()!), HashAlgorithmName.SHA256));
        // The same checkpoint is in the folder, which verify reads.
        Assert.Contains(head.Hash, await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder))), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Publish_ToALoopbackReceiverNotAllowedForTheSecretariat_SendsNothing(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        await using var receiver = new WebhookReceiver();
        var (_, _, settings) = Settings(app);
        // Allowed for one State's webhooks only, and for the secretariat on another port: neither lets the checkpoint through.
        foreach (var allow in new[] { $"Notifications:WebhookAllowList:FRA:0=127.0.0.1:{receiver.Port}",
                     $"Notifications:WebhookAllowList:UN:0=127.0.0.1:{receiver.Port + 1}" })
        {
            var (code, output, error) = await CliAsync(app, [.. settings, "--set", $"Audit:Checkpoints:Url={receiver.UrlFor("/anchors")}",
                "--set", "Notifications:AllowHttpWebhooks=true", "--set", allow]);
            Assert.True(code == 1, output + error);
            Assert.Contains("webhook-address-refused", error, StringComparison.Ordinal);
            Assert.Contains("nothing was sent", error, StringComparison.Ordinal);
        }
        Assert.Empty(receiver.Calls);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Publish_ToAPrivateOrReservedAddress_IsRefusedBeforeAnyConnection(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        var (folder, _, settings) = Settings(app);
        foreach (var url in new[] { "https://10.1.2.3/anchors", "https://192.168.0.10/anchors", "https://[::1]/anchors", "https://2130706433/",
                     "https://0x7f.1/", "https://169.254.169.254/latest", "https://anchors.internal/", "http://anchors.example/" })
        {
            var (code, output, error) = await CliAsync(app, [.. settings, "--set", $"Audit:Checkpoints:Url={url}"]);
            Assert.True(code == 1, url + ": " + output + error);
            Assert.Contains("is refused by the outbound address rules", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Checkpoint written", output, StringComparison.Ordinal);
        }
        // Refused before the head was even signed: no checkpoint was written either.
        Assert.False(Directory.Exists(folder) && Directory.GetFiles(folder).Length > 0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Publish_ReceiverRefusingTheCheckpoint_IsAProblem_ButTheFileIsKept(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        await using var receiver = new WebhookReceiver();
        receiver.AnswerNext(503);
        var (folder, _, settings) = Settings(app);
        var (code, output, error) = await CliAsync(app, [.. settings, "--set", $"Audit:Checkpoints:Url={receiver.UrlFor("/anchors")}",
            "--set", "Notifications:AllowHttpWebhooks=true", "--set", $"Notifications:WebhookAllowList:UN:0=127.0.0.1:{receiver.Port}"]);
        Assert.True(code == 1, output + error);
        Assert.Contains("answered 503", error, StringComparison.Ordinal);
        Assert.Single(receiver.Calls);
        Assert.Single(Directory.GetFiles(folder));
    }

    private static async Task<TestApp> AppWithHistoryAsync(Db db)
    {
        var app = new TestApp(db);
        _ = app.Server;
        var admin = app.ClientFor("FRA", Roles.StateAdministrator);
        await admin.PostJsonAsync("/api/v1/tokens", new { name = "checkpoint receiver", roles = new[] { Roles.CentralAuthority } })
            .ExpectAsync(HttpStatusCode.Created);
        await app.WithDbAsync(d => AuditChainer.ChainPendingAsync(d));
        return app;
    }

    /// <summary><c>audit head --publish</c> with a folder and a checkpoint key of the test's own.</summary>
    private static (string Folder, string Key, string[] Args) Settings(TestApp app)
    {
        var folder = Path.Combine(app.DataDirectory, "anchors");
        var key = Path.Combine(app.DataDirectory, "checkpoint-key.pem");
        if (!File.Exists(key))
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            File.WriteAllText(key, ec.ExportPkcs8PrivateKeyPem());
        }
        return (folder, key,
            ["audit", "head", "--publish", "--set", $"Audit:Checkpoints:Folder={folder}", "--set", $"Audit:Checkpoints:KeyFile={key}"]);
    }

    private static async Task<(int Code, string Out, string Err)> CliAsync(TestApp app, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EntraideCli.RunAsync(
            [.. args, "--connection", app.ConnectionString, "--provider", app.Db == Db.Postgres ? "postgres" : "sqlite"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
