using System.Net;
using Entraide.App.Deliberation;
using Entraide.App.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Deliberation;

/// <summary>What other modules read of Deliberation: the public record of a resolution, found by its symbol.</summary>
[Collection(AppCollection.Name)]
public sealed class AdoptedResolutionsTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task FindBySymbol_AnIssuedDraft_GivesItsPublicRecord_AndAnUnknownSymbolNothing(Db db)
    {
        var app = ClockedApp.For(fixture, db);
        var d = await DeliberationCalls.CreateDraftAsync(app.Delegate("FRA"));
        var id = d.GetProperty("id").GetString()!;
        var symbol = DeliberationCalls.NewSymbol();
        var issued = await app.Secretariat().PostJsonAsync($"/api/v1/drafts/{id}/issue", new { symbol, version = 0 }).ExpectAsync(HttpStatusCode.OK);
        await app.Delegate("FRA").PostJsonAsync($"/api/v1/drafts/{id}/revisions",
            new { paragraphs = DeliberationCalls.L11, version = issued.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.OK);

        using var scope = fixture.App(db).Services.CreateScope();
        var resolutions = scope.ServiceProvider.GetRequiredService<IAdoptedResolutions>();
        var record = await resolutions.FindBySymbolAsync(" " + symbol + " ", CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal((Guid.Parse(id), symbol, symbol + "/Rev.1", "issued"), (record.Id, record.Symbol, record.CurrentSymbol, record.Status));
        Assert.Null(await resolutions.FindBySymbolAsync(DeliberationCalls.NewSymbol(), CancellationToken.None));
        Assert.Null(await resolutions.FindBySymbolAsync(symbol + "/Rev.1", CancellationToken.None));
    }
}
