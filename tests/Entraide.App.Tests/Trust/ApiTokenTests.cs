using System.Net;
using System.Net.Http.Headers;
using Entraide.App.Tests.Infrastructure;
using Entraide.App.Trust;
using Entraide.App.Trust.Tokens;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Entraide.App.Tests.Trust;

[Collection(AppCollection.Name)]
public sealed class ApiTokenTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task CreateToken_ByStateAdministrator_WorksForItsStateOnly(Db db)
    {
        var app = fixture.App(db);
        var admin = app.ClientFor("NGA", Roles.StateAdministrator);
        var created = await admin.PostJsonAsync("/api/v1/tokens", new { name = "case system", roles = new[] { Roles.CentralAuthority } })
            .ExpectAsync(HttpStatusCode.Created);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("ent_", secret);

        var system = app.Anonymous();
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await system.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("NGA", me.GetProperty("state").GetString());
        Assert.Equal([Roles.CentralAuthority], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.True(me.GetProperty("machine").GetBoolean());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RevokeToken_StopsItWorking(Db db)
    {
        var app = fixture.App(db);
        var admin = app.ClientFor("IND", Roles.StateAdministrator);
        var created = await admin.PostJsonAsync("/api/v1/tokens", new { name = "to revoke", roles = new[] { Roles.PointOfContact } })
            .ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("token").GetProperty("id").GetString();
        var system = app.Anonymous();
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.GetProperty("secret").GetString());
        await system.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        await admin.DeleteAsync($"/api/v1/tokens/{id}").ExpectAsync(HttpStatusCode.OK);
        await system.GetAsync("/api/v1/me").ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await admin.DeleteAsync($"/api/v1/tokens/{id}").ExpectProblemAsync(HttpStatusCode.Conflict, "token-revoked");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Token_RevokedByAnotherProcess_OrExpired_StopsWorkingAlthoughItWasJustUsed(Db db)
    {
        var app = fixture.App(db);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var later = app.Derive(s => s.AddSingleton<TimeProvider>(clock));
        HttpClient With(string secret)
        {
            var c = later.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            return c;
        }
        var admin = With(app.IssueToken("KOR", Roles.StateAdministrator));
        var revoked = await admin.PostJsonAsync("/api/v1/tokens", new { name = "revoked by the CLI", roles = new[] { Roles.PointOfContact } })
            .ExpectAsync(HttpStatusCode.Created);
        var expiring = await admin.PostJsonAsync("/api/v1/tokens",
            new { name = "expiring", roles = new[] { Roles.PointOfContact }, expiresAt = clock.GetUtcNow().AddSeconds(5) })
            .ExpectAsync(HttpStatusCode.Created);
        var byCli = With(revoked.GetProperty("secret").GetString()!);
        var shortLived = With(expiring.GetProperty("secret").GetString()!);
        await byCli.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);
        await shortLived.GetAsync("/api/v1/me").ExpectAsync(HttpStatusCode.OK);

        // `entraide tokens revoke` writes from another process: this server learns it when its copy runs out.
        var id = Guid.Parse(revoked.GetProperty("token").GetProperty("id").GetString()!);
        await app.WithDbAsync(d => d.Set<ApiToken>().Where(t => t.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, clock.GetUtcNow())));
        clock.Advance(ApiTokenCache.Lifetime + TimeSpan.FromSeconds(1));
        await byCli.GetAsync("/api/v1/me").ExpectProblemAsync(HttpStatusCode.Unauthorized);
        // Expiry is checked on every call, cached or not.
        await shortLived.GetAsync("/api/v1/me").ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task RevokeToken_OfAnotherState_IsNotFound(Db db)
    {
        var app = fixture.App(db);
        var created = await app.ClientFor("JPN", Roles.StateAdministrator)
            .PostJsonAsync("/api/v1/tokens", new { name = "japan system", roles = new[] { Roles.CentralAuthority } })
            .ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("token").GetProperty("id").GetString();
        await app.ClientFor("AUS", Roles.StateAdministrator).DeleteAsync($"/api/v1/tokens/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        var list = await app.ClientFor("AUS", Roles.StateAdministrator).GetAsync("/api/v1/tokens").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.EnumerateArray(), t => t.GetProperty("id").GetString() == id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateToken_WithBadInput_ListsEveryProblem(Db db)
    {
        var app = fixture.App(db);
        var body = await app.ClientFor("MEX", Roles.StateAdministrator)
            .PostJsonAsync("/api/v1/tokens", new { name = "", roles = new[] { "emperor", Roles.Secretariat } })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var codes = body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains(("required", "name"), codes);
        Assert.Contains(("unknown-role", "roles"), codes);
        Assert.Contains(("invalid-value", "roles"), codes);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task CreateToken_WithoutAdministratorRole_IsForbidden(Db db)
    {
        var app = fixture.App(db);
        await app.ClientFor("MEX", Roles.Investigator)
            .PostJsonAsync("/api/v1/tokens", new { name = "x", roles = new[] { Roles.Investigator } })
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AuditTrail_ShowsOnlyTheCallersState(Db db)
    {
        var app = fixture.App(db);
        await app.ClientFor("EGY", Roles.StateAdministrator).PostJsonAsync("/api/v1/tokens", new { name = "egypt", roles = new[] { Roles.Delegate } })
            .ExpectAsync(HttpStatusCode.Created);
        await app.ClientFor("CHN", Roles.StateAdministrator).PostJsonAsync("/api/v1/tokens", new { name = "china", roles = new[] { Roles.Delegate } })
            .ExpectAsync(HttpStatusCode.Created);
        var trail = await app.ClientFor("EGY", Roles.StateAdministrator).GetAsync("/api/v1/audit?take=500").ExpectAsync(HttpStatusCode.OK);
        Assert.NotEmpty(trail.EnumerateArray());
        Assert.All(trail.EnumerateArray(), e => Assert.Equal("EGY", e.GetProperty("state").GetString()));
        var all = await app.ClientFor(null, Roles.Secretariat).GetAsync("/api/v1/audit?take=500").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(all.EnumerateArray(), e => e.GetProperty("state").GetString() == "CHN");
    }
}
