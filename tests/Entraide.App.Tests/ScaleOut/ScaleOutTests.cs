using System.Diagnostics;
using System.Net;
using Entraide.App.Tests.Cooperation;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Xunit.Abstractions;

namespace Entraide.App.Tests.ScaleOut;

/// <summary>
/// Two or three Entraide servers on one PostgreSQL behave as one: a session opened on one is honoured by the
/// others, the background work runs on one of them at a time and moves to another when that one dies.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    /// <summary>How long a killed lease holder may keep the background work without a runner (measured: about one retry interval).</summary>
    private static readonly TimeSpan TakeoverLimit = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task SessionCookie_IssuedByOneInstance_IsHonouredByTheOthers_EvenAfterItDies()
    {
        await using var cluster = await Cluster.StartAsync(2);
        var (a, b) = (cluster.Instances[0], cluster.Instances[1]);
        var email = $"s{Guid.NewGuid():N}@swe.test";
        await cluster.CliAsync("users", "add", email, "--state", "SWE", "--role", Roles.Delegate, "--password", DemoAccounts.Password);

        using var onA = a.Client();
        var (_, cookie) = await SessionCookies.SignInAsync(onA, email);
        Assert.Equal("SWE", (await MeAsync(b, cookie)).GetProperty("state").GetString());

        // The keys are in the database, not in the memory of the instance that made them.
        await a.KillAsync();
        Assert.Equal("SWE", (await MeAsync(b, cookie)).GetProperty("state").GetString());
        using var anonymous = b.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me")).StatusCode);
    }

    [PostgresFact]
    public async Task ClockSweep_OnTwoInstancesAtOnce_MarksOverdueAndNotifiesOnce()
    {
        await using var cluster = await Cluster.StartAsync(2, new Dictionary<string, string> { ["Cooperation:ClockIntervalSeconds"] = "1" });
        Assert.Single(await HoldersAsync(cluster));
        var token = (await cluster.CliAsync("tokens", "create", "sweep", "--state", "FRA", "--role", Roles.CentralAuthority)).Trim();
        using var fra = cluster.Instances[1].Client(token);
        var id = (await fra.SubmitAsync(CooperationTestData.Body("mla", "DEU", deadline: DateTimeOffset.UtcNow.AddDays(3),
            deadlineReasons: "A trial date is set."))).Id();

        // Past its deadline for both instances at the same moment: each sweeps every second.
        await cluster.ExecuteAsync("""UPDATE cooperation_requests SET "DeadlineAt" = now() - interval '1 hour' WHERE "Id" = $1""",
            Guid.Parse(id));
        await UntilAsync(async () => await cluster.ScalarAsync<long>(
            """SELECT count(*) FROM cooperation_requests WHERE "Id" = $1 AND "OverdueSince" IS NOT NULL""", Guid.Parse(id)) == 1,
            "the request marked overdue", cluster);
        // Several more ticks on both instances.
        await Task.Delay(TimeSpan.FromSeconds(4));

        var notices = await cluster.ScalarAsync<long>(
            """SELECT count(*) FROM notifications_messages WHERE "SubjectId" = $1 AND "Arguments" LIKE '%overdue%'""", Guid.Parse(id));
        Assert.Equal(2, notices); // one to each side
        var sweeps = await cluster.ScalarAsync<long>(
            """SELECT count(*) FROM trust_audit_entries WHERE "Action" = 'cooperation.clocks.sweep' AND "EntityId" = $1""", id);
        Assert.Equal(1, sweeps);
        var events = await cluster.ScalarAsync<long>(
            """SELECT count(*) FROM cooperation_events WHERE "RequestId" = $1 AND "Action" = 'overdue'""", Guid.Parse(id));
        Assert.Equal(1, events);
    }

    [PostgresFact]
    public async Task KillingTheLeaseHolder_MovesTheLeaseToAnother_AndAStopHandsItOver()
    {
        await using var cluster = await Cluster.StartAsync(3);
        var holder = Assert.Single(await HoldersAsync(cluster));

        var clock = Stopwatch.StartNew();
        await holder.KillAsync();
        var next = await NewHolderAsync(cluster, holder);
        var killed = clock.Elapsed;
        output.WriteLine($"lease taken over {killed.TotalMilliseconds:F0} ms after the holder was killed (SIGKILL)");
        Assert.True(killed < TakeoverLimit, $"The lease moved only after {killed}.");

        clock.Restart();
        await next.StopAsync();
        var last = await NewHolderAsync(cluster, next);
        output.WriteLine($"lease taken over {clock.Elapsed.TotalMilliseconds:F0} ms after the holder was asked to stop (SIGTERM)");
        Assert.True(clock.Elapsed < TakeoverLimit, $"The lease moved only after {clock.Elapsed}.");
        Assert.Equal([last], await HoldersAsync(cluster));
    }

    [PostgresFact]
    public async Task TokenRevokedOnOneInstance_IsRefusedByTheOther_WithinASecond()
    {
        await using var cluster = await Cluster.StartAsync(2);
        var (a, b) = (cluster.Instances[0], cluster.Instances[1]);
        foreach (var i in cluster.Instances)
            await UntilAsync(async () => (await i.ReadyAsync())?.Listening == true, $"{i} listening for other instances' changes", cluster);
        var admin = (await cluster.CliAsync("tokens", "create", "admin", "--state", "FRA", "--role", Roles.StateAdministrator)).Trim();
        using var adminOnA = a.Client(admin);
        var latencies = new List<TimeSpan>();
        for (var round = 0; round < 5; round++)
        {
            var created = await adminOnA.PostJsonAsync("/api/v1/tokens", new { name = $"revoked-{round}", roles = new[] { Roles.CentralAuthority } })
                .ExpectAsync(HttpStatusCode.Created);
            using var victimOnB = b.Client(created.GetProperty("secret").GetString());
            // B has read and cached the token.
            await victimOnB.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
            await victimOnB.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

            var clock = Stopwatch.StartNew();
            await adminOnA.DeleteAsync($"/api/v1/tokens/{created.GetProperty("token").GetProperty("id").GetString()}")
                .ExpectAsync(HttpStatusCode.OK);
            while ((await victimOnB.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.OK)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "B still accepts the revoked token after 5 s.");
                await Task.Delay(10);
            }
            latencies.Add(clock.Elapsed);
        }
        output.WriteLine($"revocation on A refused by B after {string.Join(", ", latencies.Select(l => $"{l.TotalMilliseconds:F0} ms"))}");
        Assert.All(latencies, l => Assert.True(l < TimeSpan.FromSeconds(1), $"B refused the revoked token only after {l}."));
    }

    [PostgresFact]
    public async Task TokenRevokedWithTheCli_IsRefusedByEveryInstance_WithinASecond()
    {
        await using var cluster = await Cluster.StartAsync(2);
        var secret = (await cluster.CliAsync("tokens", "create", "cli-revoked", "--state", "FRA", "--role", Roles.CentralAuthority)).Trim();
        var clients = cluster.Instances.Select(i => i.Client(secret)).ToList();
        foreach (var c in clients) await c.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
        var id = await cluster.ScalarAsync<Guid>("""SELECT "Id" FROM trust_api_tokens WHERE "Name" = 'cli-revoked'""");

        // The command builds its host, commits the revocation and links the audit chain before it returns: the
        // instances' delay is counted from its return.
        await cluster.CliAsync("tokens", "revoke", id.ToString());
        var clock = Stopwatch.StartNew();
        foreach (var c in clients)
        {
            while ((await c.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.OK)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "An instance still accepts the revoked token after 5 s.");
                await Task.Delay(10);
            }
            c.Dispose();
        }
        output.WriteLine($"revocation by the CLI refused by both instances {clock.Elapsed.TotalMilliseconds:F0} ms after the command returned");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Refused only after {clock.Elapsed}.");
    }

    [PostgresFact]
    public async Task AuthorityAddedOnOneInstance_IsInTheOthersRegister_WithinASecond()
    {
        await using var cluster = await Cluster.StartAsync(2);
        var (a, b) = (cluster.Instances[0], cluster.Instances[1]);
        var admin = (await cluster.CliAsync("tokens", "create", "register", "--state", "FIN", "--role", Roles.StateAdministrator)).Trim();
        using var adminOnA = a.Client(admin);
        using var readerOnB = b.Client();
        var name = "Desk " + Guid.NewGuid().ToString("N")[..8];
        // B has the register in memory.
        Assert.DoesNotContain(name, await readerOnB.GetStringAsync("/api/v1/states/FIN/authorities"));

        await adminOnA.PostJsonAsync("/api/v1/states/FIN/authorities", Network.NetworkSamples.Point(name)).ExpectAsync(HttpStatusCode.Created);
        var clock = Stopwatch.StartNew();
        while (!(await readerOnB.GetStringAsync("/api/v1/states/FIN/authorities")).Contains(name, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "B's register still lacks the authority after 5 s.");
            await Task.Delay(10);
        }
        output.WriteLine($"authority added on A listed by B {clock.Elapsed.TotalMilliseconds:F0} ms after A answered");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Listed only after {clock.Elapsed}.");
    }

    [PostgresFact]
    public async Task AfterItsListenerReconnects_AnInstanceReadsAgainWhatItMayHaveMissed()
    {
        await using var cluster = await Cluster.StartAsync(1);
        var instance = cluster.Instances[0];
        await UntilAsync(async () => (await instance.ReadyAsync())?.Listening == true, "the listener", cluster);
        var secret = (await cluster.CliAsync("tokens", "create", "missed", "--state", "FRA", "--role", Roles.CentralAuthority)).Trim();
        using var client = instance.Client(secret);
        await client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        // Revoked behind the instance's back: no announcement, and its cache keeps the token (for up to 10 s).
        await cluster.ExecuteAsync("""UPDATE trust_api_tokens SET "RevokedAt" = now() WHERE "Name" = 'missed'""");
        await client.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        // Its listening connection breaks: announcements may have been lost, so nothing cached is trusted any more.
        var clock = Stopwatch.StartNew();
        Assert.Equal(1, await cluster.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity s, pg_terminate_backend(s.pid) WHERE s.application_name = 'Entraide change listener' "
            + "AND s.datname = current_database()"));
        while ((await client.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "The instance still trusts its cache 5 s after its listener broke.");
            await Task.Delay(10);
        }
        Assert.True(clock.Elapsed < ApiTokenCacheLifetime, $"Refused only after {clock.Elapsed}, as the cache's own lifetime would.");
        await UntilAsync(async () => (await instance.ReadyAsync())?.Listening == true, "the listener back", cluster);
    }

    private static readonly TimeSpan ApiTokenCacheLifetime = Entraide.App.Trust.Tokens.ApiTokenCache.Lifetime;

    private static async Task<System.Text.Json.JsonElement> MeAsync(Instance instance, string cookie)
    {
        using var http = instance.Client();
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.TryAddWithoutValidation("Cookie", cookie);
        return await (await http.SendAsync(me)).ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task<List<Instance>> HoldersAsync(Cluster cluster)
    {
        // Right after the start the lease may still be on its way (each instance tries every second).
        var deadline = DateTime.UtcNow + TakeoverLimit;
        while (true)
        {
            var holders = new List<Instance>();
            foreach (var i in cluster.Instances.Where(i => i.Running))
                if ((await i.ReadyAsync())?.HoldsLease == true) holders.Add(i);
            if (holders.Count > 0 || DateTime.UtcNow > deadline) return holders;
            await Task.Delay(50);
        }
    }

    private static async Task<Instance> NewHolderAsync(Cluster cluster, Instance previous)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var i in cluster.Instances.Where(i => i != previous && i.Running))
                if ((await i.ReadyAsync())?.HoldsLease == true) return i;
            await Task.Delay(20);
        }
        Assert.Fail($"No other instance took the lease.\n{cluster.Output()}");
        return null!;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, Cluster cluster)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.\n{cluster.Output()}");
            await Task.Delay(100);
        }
    }
}
