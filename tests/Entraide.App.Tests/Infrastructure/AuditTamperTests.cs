using System.Net;
using System.Security.Cryptography;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Trust;
using Entraide.Cli;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// Tampering that the chain alone does not show, each done straight in the database and caught through
/// the CLI: a forged pending entry, a business row changed behind the audit, a chain rewritten
/// consistently below a published checkpoint; and damage that once made <c>audit verify</c> crash.
/// Each test has a database of its own.
/// </summary>
public sealed class AuditTamperTests
{
    private static async Task<TestApp> AppWithHistoryAsync(Db db, Dictionary<string, string?>? settings = null)
    {
        var app = new TestApp(db);
        foreach (var (k, v) in settings ?? []) app.Settings[k] = v;
        _ = app.Server;
        var admin = app.ClientFor("FRA", Roles.StateAdministrator);
        for (var i = 0; i < 4; i++)
        {
            await admin.PostJsonAsync("/api/v1/tokens", new { name = $"tamper case {i}", roles = new[] { Roles.CentralAuthority } })
                .ExpectAsync(HttpStatusCode.Created);
        }
        await app.WithDbAsync(d => AuditChainer.ChainPendingAsync(d));
        return app;
    }

    private static async Task<(int Code, string Out, string Err)> CliAsync(TestApp app, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EntraideCli.RunAsync(
            [.. args, "--connection", app.ConnectionString, "--provider", app.Db == Db.Postgres ? "postgres" : "sqlite"], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static Task<int> SqlAsync(TestApp app, string sql) => app.WithFreshDbAsync(d => d.Database.ExecuteSqlRawAsync(sql));

    private static Task<int> SqlWithParametersAsync(TestApp app, FormattableString sql) => app.WithFreshDbAsync(d => d.Database.ExecuteSqlAsync(sql));

    private static void NoStackTrace(string output) => Assert.DoesNotContain("   at ", output);

    // ---- 1. Pending entries are sealed ----

    [Theory, ClassData(typeof(Databases))]
    public async Task ForgedPendingEntries_AreReportedByVerify_RefusedByChain_AndAGenuineOneIsStillLinked(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        await app.DisposeAsyncKeepingDatabase(); // no server chains behind the test's back
        var keys = AuditEncodingPinTests.TestKeys();
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        AuditEntry Entry(string action) => new()
        {
            OccurredAtMs = at,
            ActorId = "cli",
            StateCode = "FRA",
            Action = action,
            EntityType = "ApiToken",
            EntityId = Guid.CreateVersion7().ToString(),
            AfterDigest = new string('c', 64),
        };
        var genuine = Entry("trust.token.create");
        genuine.Seal = keys.Seal(genuine);
        var altered = Entry("trust.token.create");
        altered.Seal = keys.Seal(altered);
        var unsealed = Entry("trust.token.revoke");
        var wrongKey = Entry("trust.token.revoke");
        wrongKey.Seal = AuditChain.Seal(RandomNumberGenerator.GetBytes(32), AuditChainer.Fields(wrongKey), RandomNumberGenerator.GetBytes(16));
        var garbage = Entry("trust.token.revoke");
        garbage.Seal = "not-a-seal";
        await app.WithFreshDbAsync(async d =>
        {
            d.AddRange(genuine, altered, unsealed, wrongKey, garbage);
            return await d.SaveChangesAsync();
        });
        // A genuine pending entry altered before it is chained (its state, as an insider would).
        await SqlAsync(app, $"UPDATE trust_audit_entries SET \"StateCode\" = 'DEU' WHERE \"Id\" = {altered.Id}");
        var forged = new[] { altered.Id, unsealed.Id, wrongKey.Id, garbage.Id };

        var (code, output, error) = await CliAsync(app, "audit", "verify");
        Assert.True(code == 1, output + error);
        foreach (var id in forged) Assert.Contains($"#{id}", error);
        Assert.DoesNotContain($"#{genuine.Id}", error);
        Assert.Contains("not sealed", error);

        (code, output, error) = await CliAsync(app, "audit", "chain");
        Assert.True(code == 1, output + error);
        Assert.Contains("1 entries linked", output);
        foreach (var id in forged) Assert.Contains($"#{id}", error);

        var after = await app.WithFreshDbAsync(d => d.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Id >= genuine.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.NotNull(after.Single(e => e.Id == genuine.Id).Sequence);
        Assert.All(after.Where(e => forged.Contains(e.Id)), e =>
        {
            Assert.Null(e.Sequence);
            Assert.Equal(AuditEntry.RefusedMark, e.Hash);
        });

        // Kept out for good: the next pass links nothing and verify keeps naming them.
        (code, output, _) = await CliAsync(app, "audit", "chain");
        Assert.Equal(0, code);
        Assert.Contains("0 entries linked", output);
        (code, _, error) = await CliAsync(app, "audit", "verify");
        Assert.Equal(1, code);
        foreach (var id in forged) Assert.Contains($"#{id}", error);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task APendingEntryWithACopiedSeal_IsRefusedByTheDatabase(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        var seal = await app.WithDbAsync(d => d.Set<AuditEntry>().OrderByDescending(e => e.Id).Select(e => e.Seal).FirstAsync());
        Assert.NotNull(seal);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => SqlAsync(app,
            "INSERT INTO trust_audit_entries (\"OccurredAtMs\", \"ActorId\", \"StateCode\", \"Action\", \"EntityType\", \"EntityId\", \"Seal\") " +
            $"VALUES (1, 'x', 'FRA', 'trust.token.create', 'ApiToken', 'copy', '{seal}')"));
    }

    [Fact]
    public async Task SealKey_ProductionRefusesToStartWithoutOne_DevelopmentGeneratesOneInTheDataFolder_BadKeysAreRefused()
    {
        var dir = Path.Combine(Path.GetTempPath(), "entraide-audit-keys-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var production = Keys([], dir, production: true);
            var refused = await Assert.ThrowsAsync<AuditKeyException>(() => new AuditKeyCheck(production).StartAsync(CancellationToken.None));
            Assert.Contains("Audit:MacKeyFile", refused.Message);
            Assert.False(Directory.Exists(Path.Combine(dir, "keys")));

            var development = Keys([], dir, production: false);
            var generated = development.SealKey.ToArray();
            Assert.Equal(AuditKeys.MinSealKeyLength, generated.Length);
            Assert.True(File.Exists(Path.Combine(dir, "keys", "audit-seal.key")));
            Assert.Equal(generated, Keys([], dir, production: false).SealKey.ToArray()); // the same key on the next start

            var file = Path.Combine(dir, "outside.key");
            await File.WriteAllTextAsync(file, Convert.ToBase64String(new byte[40]));
            Assert.Equal(new byte[40], Keys(new() { ["Audit:MacKeyFile"] = file }, dir, production: true).SealKey.ToArray());
            Assert.Throws<AuditKeyException>(() => Keys(new() { ["Audit:MacKey"] = Convert.ToBase64String(new byte[16]) }, dir, true).SealKey.Length);
            Assert.Throws<AuditKeyException>(() => Keys(new() { ["Audit:MacKey"] = "not base64!" }, dir, true).SealKey.Length);
            Assert.Throws<AuditKeyException>(() => Keys(new() { ["Audit:MacKeyFile"] = file + ".absent" }, dir, true).SealKey.Length);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static AuditKeys Keys(Dictionary<string, string?> settings, string dir, bool production) => new(
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), dir, production,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditKeys>.Instance);

    // ---- 2. Rows changed behind the audit ----

    [Theory, ClassData(typeof(Databases))]
    public async Task VerifyRows_UntouchedDatabase_ExitsZero(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        var (code, output, error) = await CliAsync(app, "audit", "verify", "--rows");
        Assert.True(code == 0, output + error);
        Assert.Contains("Audited rows intact", output);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task VerifyRows_ARowChangedDeletedOrAddedWithoutAnEntry_IsNamedWithWhatDiffers(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        var tokens = await app.WithDbAsync(d => d.Set<ApiToken>().AsNoTracking().Where(t => t.Name.StartsWith("tamper case"))
            .OrderBy(t => t.Name).ToListAsync());
        var request = await app.WithDbAsync(d => d.Set<CooperationRequest>().AsNoTracking()
            .Where(r => r.Status != RequestStatus.Refused).Select(r => (Guid?)r.Id).FirstOrDefaultAsync());

        // A token's roles widened, another token deleted, a request's status changed, a row added: no entry for any.
        await SqlWithParametersAsync(app, $"UPDATE trust_api_tokens SET \"Roles\" = 'secretariat' WHERE \"Id\" = {tokens[0].Id}");
        await SqlWithParametersAsync(app, $"DELETE FROM trust_api_tokens WHERE \"Id\" = {tokens[1].Id}");
        if (request is { } r) await SqlWithParametersAsync(app, $"UPDATE cooperation_requests SET \"Status\" = 'Refused' WHERE \"Id\" = {r}");
        var (code, output, error) = await CliAsync(app, "audit", "verify", "--rows");
        Assert.True(code == 1, output + error);
        Assert.Contains("Audit chain intact", output); // the chain itself was not touched
        Assert.Contains($"Row trust_api_tokens {tokens[0].Id}: changed", error);
        Assert.Contains($"Row trust_api_tokens {tokens[1].Id}: missing", error);
        Assert.DoesNotContain(tokens[2].Id.ToString(), error);
        if (request is { } changed) Assert.Contains($"Row cooperation_requests {changed}: changed", error);
        Assert.Contains("Audited rows BROKEN", error);

        // Without --rows, only the chain is checked.
        (code, _, _) = await CliAsync(app, "audit", "verify");
        Assert.Equal(0, code);
    }

    // ---- 3. Every fault is a diagnosis ----

    [Theory, ClassData(typeof(Databases))]
    public async Task Verify_DamagedChain_IsADiagnosisNeverAStackTrace(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        var (last, lastHash) = await app.WithDbAsync(async d =>
        {
            var e = await d.Set<AuditEntry>().Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence).FirstAsync();
            return (e.Sequence!.Value, e.Hash!);
        });
        await app.DisposeAsyncKeepingDatabase();

        async Task<string> BrokenAsync(string expected)
        {
            var (code, output, error) = await CliAsync(app, "audit", "verify");
            Assert.True(code != 0, output + error);
            NoStackTrace(output + error);
            Assert.Contains(expected, error);
            return error;
        }

        // The last entry's hash set to NULL.
        await SqlAsync(app, $"UPDATE trust_audit_entries SET \"Hash\" = NULL WHERE \"Sequence\" = {last}");
        await BrokenAsync($"sequence {last})");
        await SqlAsync(app, $"UPDATE trust_audit_entries SET \"Hash\" = '{lastHash}' WHERE \"Sequence\" = {last}");
        Assert.Equal(0, (await CliAsync(app, "audit", "verify")).Code);

        // The head row deleted: verify, head and chain say so.
        await SqlAsync(app, "DELETE FROM trust_audit_head");
        await BrokenAsync("chain head row (trust_audit_head) is missing");
        var head = await CliAsync(app, "audit", "head");
        Assert.Equal(1, head.Code);
        Assert.Contains("missing", head.Err);
        var chain = await CliAsync(app, "audit", "chain");
        Assert.NotEqual(0, chain.Code);
        NoStackTrace(chain.Out + chain.Err);
        Assert.Contains("trust_audit_head", chain.Err);
        await SqlAsync(app, $"INSERT INTO trust_audit_head (\"Id\", \"Sequence\", \"Hash\") VALUES (1, {last}, '{lastHash}')");
        Assert.Equal(0, (await CliAsync(app, "audit", "verify")).Code);

        // A garbled head hash.
        await SqlAsync(app, "UPDATE trust_audit_head SET \"Hash\" = 'x'");
        await BrokenAsync("chain head");
        await SqlAsync(app, $"UPDATE trust_audit_head SET \"Hash\" = '{lastHash}'");

        // A gap, then the first entry gone too, then a negative sequence.
        await SqlAsync(app, "DELETE FROM trust_audit_entries WHERE \"Sequence\" = 3");
        await BrokenAsync("entries 3..3 are missing");
        await SqlAsync(app, "DELETE FROM trust_audit_entries WHERE \"Sequence\" = 1");
        await BrokenAsync("entries 1..1 are missing");
        await SqlAsync(app, "UPDATE trust_audit_entries SET \"Sequence\" = -5 WHERE \"Sequence\" = 2");
        await BrokenAsync("sequence -5");

        // The table emptied, then dropped.
        await SqlAsync(app, "DELETE FROM trust_audit_entries");
        await BrokenAsync("but the chain ends at 0");
        await SqlAsync(app, "DROP TABLE trust_audit_entries");
        var (dropped, output, error) = await CliAsync(app, "audit", "verify");
        Assert.Equal(2, dropped);
        NoStackTrace(output + error);
        Assert.Contains("audit verify failed", error);
        Assert.Contains("trust_audit_entries", error);
    }

    // ---- 4. Checkpoints kept outside the database ----

    private static (string Folder, string[] Settings) CheckpointSettings(TestApp app)
    {
        var folder = Path.Combine(app.DataDirectory, "anchors");
        var key = Path.Combine(app.DataDirectory, "checkpoint-key.pem");
        if (!File.Exists(key))
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            File.WriteAllText(key, ec.ExportPkcs8PrivateKeyPem());
        }
        return (folder, ["--set", $"Audit:Checkpoints:Folder={folder}", "--set", $"Audit:Checkpoints:KeyFile={key}"]);
    }

    /// <summary>What an insider with write access to the database can do: change an entry and recompute every later hash and the head.</summary>
    private static Task RewriteChainAsync(TestApp app, long from, Action<AuditEntry> change, long? keepUpTo = null) => app.WithFreshDbAsync(async d =>
    {
        var entries = await d.Set<AuditEntry>().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).ToListAsync();
        if (keepUpTo is { } k)
        {
            d.RemoveRange(entries.Where(e => e.Sequence > k));
            entries = [.. entries.Where(e => e.Sequence <= k)];
        }
        var previous = AuditChain.Genesis;
        foreach (var e in entries)
        {
            if (e.Sequence == from) change(e);
            if (e.Sequence >= from) e.Hash = Convert.ToHexStringLower(AuditChain.Link(previous, AuditChainer.Fields(e)));
            previous = Convert.FromHexString(e.Hash!);
        }
        await d.SaveChangesAsync();
        var last = entries[^1];
        return await d.Set<AuditChainHead>()
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, last.Sequence!.Value).SetProperty(h => h.Hash, last.Hash!));
    });

    [Theory, ClassData(typeof(Databases))]
    public async Task Checkpoint_PublishedOnDemand_CatchesAChainRewrittenBelowIt_ThatVerifyAloneCannotSee(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        await app.DisposeAsyncKeepingDatabase();
        var (folder, settings) = CheckpointSettings(app);

        var (code, output, error) = await CliAsync(app, ["audit", "head", "--publish", .. settings]);
        Assert.True(code == 0, output + error);
        var file = Assert.Single(Directory.GetFiles(folder, "audit-checkpoint-*.json"));
        var head = await app.WithFreshDbAsync(d => d.Set<AuditChainHead>().AsNoTracking().SingleAsync());
        Assert.Contains($"{head.Sequence} {head.Hash}", output);
        Assert.Contains(head.Hash, await File.ReadAllTextAsync(file));

        (code, output, error) = await CliAsync(app, ["audit", "verify", .. settings]);
        Assert.True(code == 0, output + error);
        Assert.Contains($"holds the checkpoint", output);

        // The entry at sequence 2 rewritten with every later hash and the head: consistent in itself.
        await RewriteChainAsync(app, 2, e => e.ActorId = "someone-else");
        (code, output, error) = await CliAsync(app, "audit", "verify");
        Assert.True(code == 0, "without the checkpoint the rewrite is invisible: " + output + error);
        (code, output, error) = await CliAsync(app, ["audit", "verify", .. settings]);
        Assert.True(code == 1, output + error);
        Assert.Contains("rewritten below the checkpoint", error);

        // Cut back below the checkpoint and rewritten.
        await RewriteChainAsync(app, 1, e => e.ActorId = "someone-else", keepUpTo: head.Sequence - 2);
        (code, _, error) = await CliAsync(app, ["audit", "verify", .. settings]);
        Assert.Equal(1, code);
        Assert.Contains("entries were removed", error);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Checkpoint_AlteredOrSignedWithAnotherKey_IsReported(Db db)
    {
        await using var app = await AppWithHistoryAsync(db);
        var (folder, settings) = CheckpointSettings(app);
        Assert.Equal(0, (await CliAsync(app, ["audit", "head", "--publish", .. settings])).Code);
        var file = Assert.Single(Directory.GetFiles(folder));
        var text = await File.ReadAllTextAsync(file);
        var head = await app.WithDbAsync(d => d.Set<AuditChainHead>().AsNoTracking().SingleAsync());

        await File.WriteAllTextAsync(file, text.Replace(head.Hash, new string('e', 64), StringComparison.Ordinal));
        var (code, _, error) = await CliAsync(app, ["audit", "verify", .. settings]);
        Assert.Equal(1, code);
        Assert.Contains("not signed with this installation's checkpoint key", error);

        // A checkpoint signed with another key (the development key of another data folder) is not this installation's.
        await File.WriteAllTextAsync(file, text);
        var other = Path.Combine(app.DataDirectory, "other-key.pem");
        using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256)) await File.WriteAllTextAsync(other, ec.ExportPkcs8PrivateKeyPem());
        (code, _, error) = await CliAsync(app,
            ["audit", "verify", "--set", $"Audit:Checkpoints:Folder={folder}", "--set", $"Audit:Checkpoints:KeyFile={other}"]);
        Assert.Equal(1, code);
        Assert.Contains("not signed", error);

        // In production no checkpoint is published or checked without the checkpoint key.
        (code, _, error) = await CliAsync(app, ["audit", "head", "--publish", "--set", $"Audit:Checkpoints:Folder={folder}"]);
        Assert.Equal(2, code);
        Assert.Contains("Audit:Checkpoints:KeyFile", error);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Checkpoint_IsPublishedOnASchedule_ByTheServer(Db db)
    {
        var folder = Path.Combine(Path.GetTempPath(), "entraide-anchors-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using var app = await AppWithHistoryAsync(db,
                new() { ["Audit:Checkpoints:Folder"] = folder, ["Audit:Checkpoints:Interval"] = "00:00:00.2" });
            var head = await app.WithDbAsync(d => d.Set<AuditChainHead>().AsNoTracking().SingleAsync());
            var clock = System.Diagnostics.Stopwatch.StartNew();
            bool Published() => Directory.Exists(folder)
                && Directory.GetFiles(folder, "audit-checkpoint-*.json").Any(f => File.ReadAllText(f).Contains(head.Hash, StringComparison.Ordinal));
            while (clock.Elapsed < TimeSpan.FromSeconds(30) && !Published()) await Task.Delay(100);
            Assert.True(Published());
            var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
            var (latest, problem) = checkpoints.ReadLatest();
            Assert.Null(problem);
            Assert.True(latest!.Sequence >= head.Sequence);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
