using System.Net;
using System.Net.Http.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Tests.Notifications;

/// <summary>
/// Registering a webhook that would make Entraide call this machine, a private network or a cloud's
/// metadata service is refused, whatever the spelling. The shared application has no allow-list, so
/// nothing here is ever called: the refusals happen before anything is stored.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WebhookAddressTests(AppFixture fixture)
{
    private static readonly string[] Refused =
    [
        "https://127.0.0.1/hook", "https://127.0.0.1:55432/", "https://2130706433/", "https://0x7f.1/", "https://0177.0.0.1/",
        "https://127.1/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[0:0:0:0:0:ffff:7f00:1]/", "https://0/",
        "https://[::]/", "https://localhost/", "https://LOCALHOST./", "https://api.localhost/", "https://１２７.０.０.１/",
        "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/", "https://100.64.0.1/", "https://169.254.169.254/latest/",
        "https://[fe80::1%25eth0]/", "https://[fd00:ec2::254]/", "https://224.0.0.1/", "https://intranet/", "https://db.internal/",
    ];

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_AddressOfThisMachineOrAPrivateNetwork_IsRefusedAndStoresNothing(Db db)
    {
        var app = fixture.App(db);
        var state = Accounts.FreshState();
        var admin = app.ClientFor(state, Roles.StateAdministrator);
        foreach (var url in Refused)
        {
            var problem = await admin.PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { "*" } })
                .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook-address-refused");
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal("url", error.GetProperty("field").GetString());
        }
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.Set<WebhookSubscription>().CountAsync(w => w.StateCode == state)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_RefusedAddress_IsExplainedInTheReadersLanguage(Db db)
    {
        var admin = fixture.App(db).ClientFor(Accounts.FreshState(), Roles.StateAdministrator);
        var problem = await admin.PostJsonAsync("/api/v1/webhooks?lang=fr", new { url = "https://169.254.169.254/", events = new[] { "*" } })
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook-address-refused");
        Assert.Contains("L'URL mène à ce serveur, à un réseau privé ou à une adresse réservée", problem.GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Update_ToARefusedAddress_IsRefusedAndKeepsTheOldOne(Db db)
    {
        var admin = fixture.App(db).ClientFor(Accounts.FreshState(), Roles.StateAdministrator);
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://cms.example/hook", events = new[] { "*" } })
            .ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("webhook").GetProperty("id").GetString();
        foreach (var url in new[] { "https://[::ffff:a9fe:a9fe]/", "https://0x0a000001/", "https://printer.local/" })
        {
            await admin.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { url }, HttpAssertions.Json)
                .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook-address-refused");
        }
        var now = await admin.GetAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("https://cms.example/hook", now.GetProperty("url").GetString());
        Assert.Equal(1, now.GetProperty("version").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Create_PublicAddress_IsAccepted(Db db)
    {
        var admin = fixture.App(db).ClientFor(Accounts.FreshState(), Roles.StateAdministrator);
        foreach (var url in new[] { "https://cms.justice.example/entraide", "https://[2001:4860:4860::8888]/hook", "https://localhost.example.org/" })
        {
            await admin.PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { NotificationKinds.WebhookTest } })
                .ExpectAsync(HttpStatusCode.Created);
        }
    }
}
