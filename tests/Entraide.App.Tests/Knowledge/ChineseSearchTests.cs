using System.Net;
using Entraide.App.Knowledge.Search;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;

namespace Entraide.App.Tests.Knowledge;

/// <summary>
/// The search on an index of its own (no server, no database): Chinese queries matched on character
/// bigrams, and the document shape recorded in the commit point.
/// </summary>
public sealed class ChineseSearchTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "entraide-knowledge-test-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly KnowledgeIndex _index;

    public ChineseSearchTests() => _index = new KnowledgeIndex(_path);

    private bool _disposed;

    public void Dispose()
    {
        if (!_disposed) _index.Dispose();
        try { Directory.Delete(_path, true); } catch (IOException) { }
    }

    private static IndexItem Item(string key, string language, string body, string state = "CHN") =>
        new(key, "law:" + key, KnowledgeIndexer.ProvisionType, state, [OffenceTerms.IllegalAccess], language, new DateOnly(2020, 1, 1),
            "法", "第1条", body, Guid.NewGuid(), false);

    private SearchResult Search(string q, string? state = null)
    {
        var search = new KnowledgeSearch(_index);
        return search.Search(new SearchRequest(q, Languages.Chinese, State: state));
    }

    private void Rebuild(params IndexItem[] items)
    {
        _index.Clear();
        _index.AddAll(items);
        _index.Commit();
    }

    [Fact]
    public void Query_WordsApartInTheText_AreFound_PhraseFirst()
    {
        Rebuild(
            Item("apart", Languages.Chinese, "利用计算机实施诈骗的，以诈骗罪定罪处罚；情节严重的，构成犯罪。"),
            Item("phrase", Languages.Chinese, "本法所称计算机犯罪，是指利用计算机实施的犯罪。"),
            Item("other", Languages.Chinese, "国家保护个人信息安全。"));
        var result = Search("计算机犯罪");
        // Not an exact phrase: 计算机 and 犯罪 apart in the text match too; the phrase ranks first.
        Assert.Equal(["phrase", "apart"], result.Hits.Select(h => h.Key));
        Assert.Equal(2, result.Total);
    }

    [Fact]
    public void Query_EveryCharacterMustBeCovered()
    {
        // 计算 and 犯罪 are there, but neither 算机 nor 机犯: the 机 of the query is not in the text.
        Rebuild(Item("partial", Languages.Chinese, "计算结果表明犯罪率下降。"));
        Assert.Equal(0, Search("计算机犯罪").Total);
    }

    [Fact]
    public void Query_SegmentedDifferentlyInTheText_IsFoundAndMarked()
    {
        // SmartCn: 发展中国家 is one word in the text, 国家 / 援助 in the query.
        Rebuild(
            Item("aid", Languages.Chinese, "主管机关可以向发展中国家提供技术援助。"),
            Item("en", Languages.English, "Technical assistance to States."));
        var hit = Assert.Single(Search("国家援助").Hits);
        Assert.Equal("aid", hit.Key);
        Assert.Equal("主管机关可以向发展中<mark>国家</mark>提供技术<mark>援助</mark>。", WebUtility.HtmlDecode(hit.Snippet));
    }

    [Fact]
    public void Query_RunOfBigrams_IsMarkedAsOneSpan()
    {
        Rebuild(Item("run", Languages.Chinese, "非法获取计算机信息系统数据的，处三年以下有期徒刑。"));
        var hit = Assert.Single(Search("计算机信息系统").Hits);
        Assert.Contains("<mark>计算机信息系统</mark>", WebUtility.HtmlDecode(hit.Snippet));
    }

    [Fact]
    public void Query_LatinWordBesideHan_IsRequiredToo()
    {
        Rebuild(
            Item("ddos", Languages.Chinese, "以DDoS方式攻击网络的，处罚款。"),
            Item("none", Languages.Chinese, "攻击网络的，处罚款。"));
        var hit = Assert.Single(Search("DDoS 攻击").Hits);
        Assert.Equal("ddos", hit.Key);
        Assert.Contains("<mark>攻击</mark>", WebUtility.HtmlDecode(hit.Snippet));
    }

    [Fact]
    public void Query_ThroughTheTaxonomy_StillFindsOtherLanguages()
    {
        Rebuild(Item("fr", Languages.French, "Le fait d'accéder frauduleusement à un système.", "FRA"));
        var result = Search("非法访问");
        Assert.Contains(OffenceTerms.IllegalAccess, result.ExpandedTerms);
        Assert.Contains(result.Hits, h => h.Key == "fr");
    }

    [Fact]
    public void Index_RecordsItsDocumentShape_AndAnOlderIndexNeedsARebuild()
    {
        Assert.True(_index.NeedsRebuild());
        // Documents written without a rebuild (as by a version before the shape was recorded).
        _index.Replace([("law:x", [KnowledgeIndexer.ToDocument(Item("x", Languages.Chinese, "计算机犯罪"))])]);
        Assert.True(_index.HasDocuments());
        Assert.True(_index.NeedsRebuild());
        Rebuild(Item("y", Languages.Chinese, "计算机犯罪"));
        Assert.False(_index.NeedsRebuild());
        // Writes after the rebuild keep the recorded shape, also when read from disk by another process.
        _index.Replace([("law:z", [KnowledgeIndexer.ToDocument(Item("z", Languages.Chinese, "网络诈骗"))])]);
        Assert.False(_index.NeedsRebuild());
        _index.Dispose();
        _disposed = true;
        using var reopened = new KnowledgeIndex(_path);
        Assert.False(reopened.NeedsRebuild());
        Assert.Equal(1, new KnowledgeSearch(reopened).Search(new SearchRequest("网络诈骗", Languages.Chinese)).Total);
    }
}
