using System.Net;
using System.Text.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Infrastructure.ScaleOut;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Entraide.App.Tests.ScaleOut;

/// <summary>
/// The announcements behind cross-instance cache invalidation: which types are announced, what an announcement
/// heard moves, that it is sent inside the saving transaction, and what <c>/health/ready</c> says of it all.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SharedChangesTests(AppFixture fixture)
{
    [Fact]
    public void SharedNames_NameOnlyTheSharedTypesASaveChanged()
    {
        var changes = new EntityChanges([new SharedChanges(typeof(ApiToken)), new SharedChanges(typeof(EntraideUser), typeof(ApiToken))]);
        Assert.True(changes.AnyShared);
        Assert.Null(changes.SharedNames(null));
        Assert.Null(changes.SharedNames([typeof(WebhookSubscription)]));
        var names = changes.SharedNames([typeof(WebhookSubscription), typeof(ApiToken), typeof(EntraideUser)])!.Split(',');
        Assert.Equal(new[] { SharedChanges.NameOf(typeof(ApiToken)), SharedChanges.NameOf(typeof(EntraideUser)) }.Order(StringComparer.Ordinal),
            names.Order(StringComparer.Ordinal));
        Assert.False(new EntityChanges().AnyShared);
    }

    [Fact]
    public void ChangedElsewhere_MovesTheNamedSharedTypes_AndChangedAnywhereMovesAll()
    {
        var changes = new EntityChanges([new SharedChanges(typeof(ApiToken), typeof(IdentityRole))]);
        var tokens = changes.Stamp(typeof(ApiToken));
        var roles = changes.Stamp(typeof(IdentityRole));
        var hooks = changes.Stamp(typeof(WebhookSubscription));

        // A type this process does not share, and a name it does not know, move nothing.
        changes.ChangedElsewhere([SharedChanges.NameOf(typeof(WebhookSubscription)), "Some.Unknown.Type"]);
        Assert.Equal(hooks, changes.Stamp(typeof(WebhookSubscription)));
        Assert.Equal(tokens, changes.Stamp(typeof(ApiToken)));

        changes.ChangedElsewhere([SharedChanges.NameOf(typeof(ApiToken))]);
        Assert.NotEqual(tokens, changes.Stamp(typeof(ApiToken)));
        Assert.Equal(roles, changes.Stamp(typeof(IdentityRole)));

        tokens = changes.Stamp(typeof(ApiToken));
        changes.ChangedAnywhere();
        Assert.NotEqual(tokens, changes.Stamp(typeof(ApiToken)));
        Assert.NotEqual(roles, changes.Stamp(typeof(IdentityRole)));
        Assert.NotEqual(hooks, changes.Stamp(typeof(WebhookSubscription)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-bar")]
    [InlineData("|Entraide.Domain.Trust.ApiToken")]
    public void Parse_AMalformedAnnouncement_IsIgnored(string payload) => Assert.Null(SharedChanges.Parse(payload));

    [Fact]
    public void Parse_ReadsWhatPayloadWrites()
    {
        var (origin, names) = SharedChanges.Parse(SharedChanges.Payload("abc", "A.B,C.D"))!.Value;
        Assert.Equal("abc", origin);
        Assert.Equal(["A.B", "C.D"], names);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Ready_SaysWhetherThisInstanceHoldsTheLease_AndHearsOtherInstances(Db db)
    {
        var app = fixture.App(db);
        using var response = await app.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("Healthy", root.GetProperty("status").GetString());
        Assert.Equal("Healthy", root.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        // The in-process tests turn the lease's lock off (their hosts share a database): held, by this process alone.
        Assert.True(root.GetProperty("backgroundLease").GetProperty("held").GetBoolean());
        Assert.False(root.GetProperty("backgroundLease").GetProperty("shared").GetBoolean());
        Assert.Equal(db == Db.Postgres, root.TryGetProperty("sharedChanges", out _));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ASharedChange_IsAnnouncedWhenItCommits_AndNeverWhenItRollsBack(Db db)
    {
        if (db != Db.Postgres) return; // one process serves a SQLite file: nothing to announce
        var app = fixture.App(db);
        await using var listener = new NpgsqlConnection(app.ConnectionString);
        await listener.OpenAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN " + SharedChanges.Channel, listener)) await listen.ExecuteNonQueryAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var ctx = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        await using (var rolledBack = await ctx.Database.BeginTransactionAsync())
        {
            ctx.Add(Token("rolled back"));
            await ctx.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }
        ctx.ChangeTracker.Clear();
        Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(300)));

        await using (var tx = await ctx.Database.BeginTransactionAsync())
        {
            ctx.Add(Token("committed"));
            await ctx.SaveChangesAsync();
            // Saved, not committed: nothing is delivered yet.
            Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(300)));
            await tx.CommitAsync();
        }
        Assert.True(await listener.WaitAsync(TimeSpan.FromSeconds(5)));
        var (origin, names) = SharedChanges.Parse(Assert.Single(heard))!.Value;
        Assert.Equal(app.Services.GetRequiredService<EntityChanges>().Origin, origin);
        Assert.Contains(SharedChanges.NameOf(typeof(ApiToken)), names);

        // A save without a transaction of its own gets one, and the announcement with it.
        ctx.Add(Token("alone"));
        await ctx.SaveChangesAsync();
        Assert.True(await listener.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(2, heard.Count);
    }

    private static ApiToken Token(string name)
    {
        var secret = ApiToken.NewSecret();
        return new ApiToken
        {
            Id = Guid.CreateVersion7(),
            Name = "shared changes " + name,
            StateCode = "FRA",
            Roles = Roles.CentralAuthority,
            SecretDigest = ApiToken.DigestOf(secret),
            Prefix = secret[..10],
            CreatedBy = "tests",
            CreatedAt = DateTimeOffset.UtcNow,
        };
    }
}
