using System.Net;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Knowledge;

[Collection(AppCollection.Name)]
public sealed class SearchTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Search_FrenchWords_FindChineseProvisionTaggedWithTheConduct(Db db)
    {
        var app = fixture.App(db);
        var id = await Laws.CreateAsync(app, "SGP", "计算机滥用法 " + Guid.NewGuid().ToString("N")[..4], "zh",
            Laws.Version("zh", "2010-01-01",
                Laws.Provision("s_3", "未经授权访问计算机资料的，构成犯罪。", [OffenceTerms.IllegalAccess], 24)));
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/search?q=accès%20illicite&state=SGP").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(OffenceTerms.IllegalAccess, body.GetProperty("expandedTerms").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(body.GetProperty("hits").EnumerateArray(),
            h => h.GetProperty("law").GetGuid() == id && h.GetProperty("language").GetString() == "zh");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_ArabicWords_AreStemmedAndHighlighted(Db db)
    {
        var app = fixture.App(db);
        var id = await Laws.CreateAsync(app, "JOR", "قانون الجرائم الإلكترونية " + Guid.NewGuid().ToString("N")[..4], "ar",
            Laws.Version("ar", "2023-08-12",
                Laws.Provision("art_3",
                    "يعاقب كل من دخل قصدًا إلى الشبكة المعلوماتية " +
                    "أو نظام معلومات بدون تصريح.",
                    [OffenceTerms.IllegalAccess], 12)));
        // "الشبكات" (the networks) must find "الشبكة" (the network): Arabic light stemming.
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("الشبكات") + "&state=JOR")
            .ExpectAsync(HttpStatusCode.OK);
        var hit = Assert.Single(body.GetProperty("hits").EnumerateArray(), h => h.GetProperty("law").GetGuid() == id);
        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_Snippet_WritesLettersAsThemselvesNotAsNumericReferences(Db db)
    {
        var app = fixture.App(db);
        var id = await Laws.CreateAsync(app, "SEN", "Loi sur la cybercriminalité " + Guid.NewGuid().ToString("N")[..4], "fr",
            Laws.Version("fr", "2008-01-25", Laws.Provision("art_431-8", "L’accès frauduleux à un système « informatique » est puni.",
                [OffenceTerms.IllegalAccess], 36)));
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/search?q=frauduleux&state=SEN").ExpectAsync(HttpStatusCode.OK);
        var snippet = Assert.Single(body.GetProperty("hits").EnumerateArray(), h => h.GetProperty("law").GetGuid() == id)
            .GetProperty("snippet").GetString()!;
        Assert.Contains("L’accès <mark>frauduleux</mark> à un système « informatique » est puni.", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", snippet, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_ChineseWords_AreSegmented(Db db)
    {
        var app = fixture.App(db);
        var id = await Laws.CreateAsync(app, "MYS", "计算机犯罪法 " + Guid.NewGuid().ToString("N")[..4], "zh",
            Laws.Version("zh", "1997-06-01",
                Laws.Provision("s_5", "未经授权修改计算机中的数据，构成犯罪。", [OffenceTerms.DataInterference], 84)));
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("修改数据") + "&state=MYS")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(body.GetProperty("hits").EnumerateArray(), h => h.GetProperty("law").GetGuid() == id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_Chinese_FindsWordsTheSegmentationCutOtherwise(Db db)
    {
        // SmartCn makes one word of 发展中国家 (developing countries) in the text, and 国家 / 援助 of the
        // query: on segmented words 国家 is not found; on character bigrams it is.
        var app = fixture.App(db);
        var id = await Laws.CreateAsync(app, "THA", "技术合作法 " + Guid.NewGuid().ToString("N")[..4], "zh",
            Laws.Version("zh", "2015-03-01",
                Laws.Provision("s_9", "主管机关可以向发展中国家提供技术援助。", [OffenceTerms.IllegalAccess], 12)));
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("国家援助") + "&state=THA")
            .ExpectAsync(HttpStatusCode.OK);
        var hit = Assert.Single(body.GetProperty("hits").EnumerateArray(), h => h.GetProperty("law").GetGuid() == id);
        var snippet = WebUtility.HtmlDecode(hit.GetProperty("snippet").GetString()!);
        Assert.Contains("<mark>国家</mark>", snippet);
        Assert.Contains("<mark>援助</mark>", snippet);
        Assert.Equal("THA", Assert.Single(body.GetProperty("facets").GetProperty("state").EnumerateArray()).GetProperty("value").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_English_StemsAndCountsFacets(Db db)
    {
        var app = fixture.App(db);
        await Laws.CreateAsync(app, "NZL", "Crimes Act 1961 " + Guid.NewGuid().ToString("N")[..4], "en",
            Laws.Version("en", "2003-10-01",
                Laws.Provision("s_249", "Accessing a computer system for a dishonest purpose.", [OffenceTerms.ComputerFraud], 84),
                Laws.Provision("s_252", "Accessing a computer system without authorisation.", [OffenceTerms.IllegalAccess], 24)));
        var body = await app.Anonymous().GetAsync("/api/v1/knowledge/search?q=accesses%20computers&state=NZL").ExpectAsync(HttpStatusCode.OK);
        Assert.True(body.GetProperty("total").GetInt32() >= 2);
        var states = body.GetProperty("facets").GetProperty("state").EnumerateArray().ToList();
        Assert.Equal("NZL", Assert.Single(states).GetProperty("value").GetString());
        var terms = body.GetProperty("facets").GetProperty("term").EnumerateArray().Select(f => f.GetProperty("value").GetString()).ToList();
        Assert.Contains(OffenceTerms.ComputerFraud, terms);
        Assert.Contains(OffenceTerms.IllegalAccess, terms);

        var filtered = await app.Anonymous().GetAsync("/api/v1/knowledge/search?q=accesses%20computers&state=NZL&term=computer-fraud")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.All(filtered.GetProperty("hits").EnumerateArray(), h => Assert.Contains(OffenceTerms.ComputerFraud,
            h.GetProperty("terms").EnumerateArray().Select(t => t.GetString())));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_AfterRepeal_NoLongerFindsTheLaw(Db db)
    {
        var app = fixture.App(db);
        var marker = "zorblax" + Guid.NewGuid().ToString("N")[..6];
        var id = await Laws.CreateAsync(app, "ISL", "Penal Code " + marker, "en",
            Laws.Version("en", "2010-01-01", Laws.Provision("s_228", "Unlawful access " + marker + ".", [OffenceTerms.IllegalAccess], 12)));
        var client = app.Anonymous();
        Assert.Equal(1,
            (await client.GetAsync("/api/v1/knowledge/search?q=" + marker).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await app.ClientFor("ISL", Roles.StateAdministrator).PostJsonAsync($"/api/v1/knowledge/laws/{id}/repeal",
            new { on = "2020-01-01" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0,
            (await client.GetAsync("/api/v1/knowledge/search?q=" + marker).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_DemoDocuments_AreIndexed(Db db)
    {
        var body = await fixture.App(db).Anonymous().GetAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("assistance " +
            "technique") + "&type=document").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(body.GetProperty("hits").EnumerateArray(), h => h.GetProperty("number").GetString() == "A/RES/74/173");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_BadFilters_AreProblems(Db db)
    {
        var client = fixture.App(db).Anonymous();
        await client.GetAsync("/api/v1/knowledge/search?q=x&type=novel").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-value");
        await client.GetAsync("/api/v1/knowledge/search?q=x&from=2020-01-01&to=2019-01-01").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity,
            "from-after-to");
        await client.GetAsync("/api/v1/knowledge/search?q=" + new string('a', 600)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity,
            "too-long");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reindex_RebuildsFromTheDatabase(Db db)
    {
        var app = fixture.App(db);
        var marker = "quuxian" + Guid.NewGuid().ToString("N")[..6];
        await Laws.CreateAsync(app, "NOR", "Straffeloven " + marker, "en",
            Laws.Version("en", "2015-10-01", Laws.Provision("s_204", "Unauthorised access " + marker + ".", [OffenceTerms.IllegalAccess], 24)));
        var body = await app.ClientFor(null, Roles.Secretariat).PostAsync("/api/v1/knowledge/search/reindex", null).ExpectAsync(HttpStatusCode.OK);
        Assert.True(body.GetProperty("indexed").GetInt32() > 0);
        Assert.Equal(1,
            (await app.Anonymous().GetAsync("/api/v1/knowledge/search?q=" + marker).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}

public sealed class QueryScriptTests
{
    [Theory]
    [InlineData("accès illicite", "en,fr,es")]
    [InlineData("非法访问", "zh")]
    [InlineData("الدخول غير المشروع", "ar")]
    [InlineData("неправомерный доступ", "ru")]
    [InlineData("DDoS 攻击", "zh,en,fr,es")]
    public void LanguagesWritten_FollowTheQueryScript(string query, string expected) =>
        Assert.Equal(expected, string.Join(",", App.Knowledge.Search.KnowledgeSearch.LanguagesWritten(query)));
}
