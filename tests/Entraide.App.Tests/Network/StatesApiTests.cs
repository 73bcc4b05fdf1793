using System.Net;
using Entraide.App.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Network;

[Collection(AppCollection.Name)]
public sealed class StatesApiTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task ListStates_French_SortsAccentedNamesWithTheirBaseLetter(Db db)
    {
        var body = await fixture.App(db).Anonymous().GetAsync("/api/v1/states?lang=fr").ExpectAsync(HttpStatusCode.OK);
        var names = body.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.Equal(195, names.Count);
        var egypt = names.IndexOf("Égypte");
        Assert.True(egypt > names.IndexOf("Dominique"), "Égypte sorts after Dominique");
        Assert.True(egypt < names.IndexOf("El Salvador"), "Égypte sorts before El Salvador");
        Assert.True(egypt < names.IndexOf("Équateur"));
        Assert.DoesNotContain(names, n => n.EndsWith("(l')", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ListStates_OnDateBeforeRenaming_GivesTheFormerName(Db db)
    {
        var client = fixture.App(db).Anonymous();
        var before = await client.GetAsync("/api/v1/states?lang=en&on=2022-05-31").ExpectAsync(HttpStatusCode.OK);
        var after = await client.GetAsync("/api/v1/states?lang=en&on=2022-06-01").ExpectAsync(HttpStatusCode.OK);
        string NameOf(System.Text.Json.JsonElement list) => list.EnumerateArray()
            .Single(s => s.GetProperty("code").GetString() == "TUR")
            .GetProperty("name")
            .GetString()!;
        Assert.Equal("Turkey", NameOf(before));
        Assert.Equal("Türkiye", NameOf(after));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ListStates_ManyDistinctDates_DoNotGrowWhatIsKept(Db db)
    {
        var app = fixture.App(db);
        var client = app.Anonymous();
        var catalogue = app.Services.GetRequiredService<Entraide.App.Network.States.StateCatalogue>();
        var periods = catalogue.Directory.NameChanges.Count + 1;
        var start = new DateOnly(2019, 1, 1);
        for (var i = 0; i < 400; i++)
        {
            var on = start.AddDays(i * 5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var list = await client.GetAsync($"/api/v1/states?lang=en&on={on}").ExpectAsync(HttpStatusCode.OK);
            var turkey = list.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "TUR").GetProperty("name").GetString();
            Assert.Equal(string.CompareOrdinal(on, "2022-06-01") < 0 ? "Turkey" : "Türkiye", turkey);
        }
        Assert.InRange(catalogue.CachedLists, 1, Entraide.Domain.Common.Languages.All.Count * periods);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ListStates_UnknownLanguage_IsAProblemNotAFallback(Db db)
    {
        var response = await fixture.App(db).Anonymous().GetAsync("/api/v1/states?lang=xx");
        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "unsupported-language");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task GetState_UnknownCode_IsAProblem(Db db)
    {
        var response = await fixture.App(db).Anonymous().GetAsync("/api/v1/states/ZZZ");
        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown-state");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ProblemDetails_AreLocalised(Db db)
    {
        var client = fixture.App(db).Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var body = await client.GetAsync("/api/v1/states/ZZZ").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Aucun État ne porte ce code.", body.GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Arabic_ListStates_UsesArabicNamesInArabicOrder(Db db)
    {
        var body = await fixture.App(db).Anonymous().GetAsync("/api/v1/states?lang=ar").ExpectAsync(HttpStatusCode.OK);
        var names = body.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        var sorted = names.Order(Entraide.Domain.Common.Collation.For("ar")).ToList();
        Assert.Equal(sorted, names);
        Assert.Contains("مصر", names);
    }
}
