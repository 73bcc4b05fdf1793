using System.Net;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Trust;

[Collection(AppCollection.Name)]
public sealed class HostTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Health_LiveAndReady(Db db)
    {
        var client = fixture.App(db).Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StartUp_PlainReads_AgreeWithTheModel(Db db)
    {
        // Start-up reads the migrations history and the roles with plain queries, not through Entity Framework.
        var app = fixture.App(db);
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        await app.WithDbAsync(async ctx =>
        {
            Assert.Equal(RolesSeeder.Table, ctx.Model.FindEntityType(typeof(IdentityRole))!.GetTableName());
            Assert.Equal(RolesSeeder.AuditTable, ctx.Model.FindEntityType(typeof(AuditEntry))!.GetTableName());
            Assert.Equal(ctx.Database.GetMigrations().Order(StringComparer.Ordinal),
                DatabaseSetup.KnownMigrations(settings.Provider).Order(StringComparer.Ordinal));
            return 0;
        });
        Assert.True(await DatabaseSetup.IsUpToDateAsync(settings, CancellationToken.None));
        var state = app.Services.GetRequiredService<StartupState>();
        Assert.True(state.Prepared.IsCompletedSuccessfully);
        Assert.True(state.Seeded.IsCompletedSuccessfully);
        Assert.Equal("Healthy", ServerProcess.ReadyStatus(await app.Anonymous().GetStringAsync("/health/ready")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task StartUp_Roles_AreWrittenAsIdentityAndTheAuditWouldWriteThem(Db db)
    {
        // The first start inserts the roles with plain SQL: the rows must be the ones Identity's role
        // manager writes, and each must have the audit entry an Entity Framework save would add.
        var app = fixture.App(db);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var ctx = sp.GetRequiredService<EntraideDbContext>();
        var roles = await ctx.Set<IdentityRole>().AsNoTracking().ToListAsync();
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), roles.Select(r => r.Name!).Order(StringComparer.Ordinal));
        var entries = await ctx.Set<AuditEntry>().AsNoTracking().Where(e => e.EntityType == nameof(IdentityRole)).ToListAsync();
        var normalizer = sp.GetRequiredService<ILookupNormalizer>();
        var manager = sp.GetRequiredService<RoleManager<IdentityRole>>();
        var identity = new IdentityRole("probe");
        foreach (var role in roles)
        {
            Assert.Equal(normalizer.NormalizeName(role.Name), role.NormalizedName);
            Assert.True(Guid.TryParseExact(role.Id, "D", out _), role.Id);
            if (identity.ConcurrencyStamp is null) Assert.Null(role.ConcurrencyStamp);
            else Assert.True(Guid.TryParseExact(role.ConcurrencyStamp, "D", out _), role.ConcurrencyStamp);
            Assert.Equal(role.Id, (await manager.FindByNameAsync(role.Name!.ToLowerInvariant()))?.Id);

            // What a save of the same row through Entity Framework would record (not saved).
            await using var probeScope = app.Services.CreateAsyncScope();
            var probe = probeScope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            probe.Add(new IdentityRole
            {
                Id = role.Id,
                Name = role.Name,
                NormalizedName = role.NormalizedName,
                ConcurrencyStamp = role.ConcurrencyStamp,
            });
            probeScope.ServiceProvider.GetRequiredService<AuditRecorder>().Record(probe);
            var expected = probe.ChangeTracker.Entries<AuditEntry>().Single().Entity;
            var written = Assert.Single(entries, e => e.EntityId == role.Id);
            Assert.Equal(
                (expected.ActorId, expected.StateCode, expected.Action, expected.EntityType, expected.BeforeDigest, expected.AfterDigest),
                (written.ActorId, written.StateCode, written.Action, written.EntityType, written.BeforeDigest, written.AfterDigest));
            Assert.NotNull(written.AfterDigest);
        }
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await fixture.App(Db.Sqlite).Anonymous().GetAsync("/states");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var doc = await fixture.App(Db.Sqlite).Anonymous().GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/states", paths);
        Assert.Contains("/api/v1/tokens", paths);
        var reference = await fixture.App(Db.Sqlite).CreateClient().GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("zh", "ltr")]
    [InlineData("fr", "ltr")]
    [InlineData("ru", "ltr")]
    [InlineData("es", "ltr")]
    [InlineData("en", "ltr")]
    public async Task Pages_DeclareLanguageAndDirection(string lang, string dir)
    {
        var html = await fixture.App(Db.Sqlite).Anonymous().GetStringAsync($"/states?lang={lang}");
        Assert.Contains($"<html lang=\"{lang}\" dir=\"{dir}\">", html);
    }

    [Fact]
    public async Task ChosenLanguage_IsRemembered()
    {
        var client = fixture.App(Db.Sqlite).CreateClient();
        await client.GetAsync("/states?lang=ru");
        var html = await client.GetStringAsync("/states");
        Assert.Contains("<html lang=\"ru\"", html);
    }
}
