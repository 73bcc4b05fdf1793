using System.Net;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Tests.Infrastructure;
using Entraide.Cli;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Trust;

/// <summary>
/// Tampering with the audit trail directly in the database is caught by <c>entraide audit verify</c>,
/// which exits non-zero naming the first bad entry. Each test has a database of its own.
/// </summary>
public sealed class AuditChainTests
{
    private static async Task<TestApp> AppWithHistoryAsync(Db db)
    {
        var app = new TestApp(db);
        _ = app.Server;
        var admin = app.ClientFor("FRA", Roles.StateAdministrator);
        for (var i = 0; i < 4; i++)
        {
            await admin.PostJsonAsync("/api/v1/tokens", new { name = $"case system {i}", roles = new[] { Roles.CentralAuthority } })
                .ExpectAsync(HttpStatusCode.Created);
        }
        await app.WithDbAsync(d => AuditChainer.ChainPendingAsync(d));
        return app;
    }

    private static async Task<(int Code, string Out, string Err)> VerifyAsync(TestApp app)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EntraideCli.RunAsync(
            ["audit", "verify", "--connection", app.ConnectionString, "--provider", app.Db == Db.Postgres ? "postgres" : "sqlite"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static Task<int> SqlAsync(TestApp app, string sql) => app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(sql));

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_UntouchedChain_ExitsZero(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        var (code, output, error) = await VerifyAsync(app);
        Assert.True(code == 0, output + error);
        Assert.Contains("intact", output);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_AlteredEntry_ExitsNonZeroNamingIt(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        await SqlAsync(app, "UPDATE trust_audit_entries SET \"ActorId\" = 'someone-else' WHERE \"Sequence\" = 5");
        var (code, _, error) = await VerifyAsync(app);
        Assert.Equal(1, code);
        Assert.Contains("sequence 5)", error);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_RemovedEntry_ExitsNonZero(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        await SqlAsync(app, "DELETE FROM trust_audit_entries WHERE \"Sequence\" = 3");
        var (code, _, error) = await VerifyAsync(app);
        Assert.Equal(1, code);
        Assert.Contains("missing", error);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_ReorderedEntries_ExitsNonZero(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        await SqlAsync(app, "UPDATE trust_audit_entries SET \"Sequence\" = -1 WHERE \"Sequence\" = 4");
        await SqlAsync(app, "UPDATE trust_audit_entries SET \"Sequence\" = 4 WHERE \"Sequence\" = 5");
        await SqlAsync(app, "UPDATE trust_audit_entries SET \"Sequence\" = 5 WHERE \"Sequence\" = -1");
        var (code, _, error) = await VerifyAsync(app);
        Assert.Equal(1, code);
        Assert.Contains("sequence 4)", error);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_TruncatedTail_ExitsNonZero(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        var last = await app.WithDbAsync(d => d.Set<AuditEntry>().MaxAsync(e => e.Sequence));
        await SqlAsync(app, $"DELETE FROM trust_audit_entries WHERE \"Sequence\" = {last}");
        var (code, _, error) = await VerifyAsync(app);
        Assert.Equal(1, code);
        Assert.Contains("chain head", error);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task EveryWrite_AppendsAnEntry_WithActorStateAndDigests(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        var entries = await app.WithDbAsync(d => d.Set<AuditEntry>().Where(e => e.Action == "trust.token.create").ToListAsync());
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("FRA", e.StateCode);
            Assert.StartsWith("token:", e.ActorId);
            Assert.Null(e.BeforeDigest);
            Assert.Equal(64, e.AfterDigest!.Length);
            Assert.NotNull(e.Sequence);
        });
    }
}
