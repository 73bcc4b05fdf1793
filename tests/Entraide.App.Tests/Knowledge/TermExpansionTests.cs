using Entraide.App.Knowledge.Search;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Lucene.Net.Index;

namespace Entraide.App.Tests.Knowledge;

/// <summary>
/// A query naming taxonomy terms is answered from the terms' cached documents and scores only the
/// candidates that can rank; it must give exactly what scoring every hit gives, before and after the
/// index changes.
/// </summary>
public sealed class TermExpansionTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "entraide-knowledge-test-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly KnowledgeIndex _index;

    public TermExpansionTests() => _index = new KnowledgeIndex(_path);

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_path, true); } catch (IOException) { }
    }

    private static readonly string[] States = ["FRA", "EGY", "CHN", "BRA", "USA"];
    private static readonly string[] Words = ["system", "data", "court", "penalty", "computer", "network", "interference", "order", "access",
        "device"];

    private static IEnumerable<IndexItem> Items(int from, int count)
    {
        var random = new Random(from + 7);
        for (var i = from; i < from + count; i++)
        {
            string[] terms = (i % 11) switch
            {
                0 => [OffenceTerms.DataInterference, OffenceTerms.SystemInterference],
                1 => [OffenceTerms.DataInterference, OffenceTerms.SystemInterference, OffenceTerms.IllegalAccess],
                2 or 3 or 4 => [OffenceTerms.DataInterference],
                5 or 6 => [OffenceTerms.SystemInterference],
                7 => [OffenceTerms.IllegalAccess, OffenceTerms.DataInterference],
                _ => [OffenceTerms.IllegalAccess],
            };
            var body = string.Join(" ", Enumerable.Range(0, 12 + random.Next(20)).Select(_ => Words[random.Next(Words.Length)]));
            yield return new IndexItem("provision:" + i, "law:" + (i / 10), KnowledgeIndexer.ProvisionType, States[i % States.Length], terms,
                Languages.English,
                new DateOnly(2000 + i % 20, 1, 1), "Act " + i, "s. " + i, body, Guid.NewGuid(), false);
        }
    }

    private void AssertSame(SearchRequest request)
    {
        var fast = new KnowledgeSearch(_index).Search(request);
        var reference = new KnowledgeSearch(_index) { ScoreEveryHit = true }.Search(request);
        Assert.NotEmpty(fast.ExpandedTerms);
        Assert.Equal(reference.Total, fast.Total);
        Assert.Equal(reference.Hits.Select(h => (h.Key, h.Score)), fast.Hits.Select(h => (h.Key, h.Score)));
        foreach (var (field, values) in reference.Facets)
            Assert.Equal(values, fast.Facets[field]);
    }

    private static readonly SearchRequest[] Requests =
    [
        new("Interference", Languages.English),
        new("interference", Languages.English, Page: 3, PageSize: 7),
        new("interference with electronic data", Languages.English),
        new("Interference", Languages.English, State: "EGY"),
        new("interference", Languages.English, Type: KnowledgeIndexer.ProvisionType, From: new DateOnly(2005, 1, 1), To: new DateOnly(2012, 12, 31)),
        new("hacking", Languages.English),
        new("illegal access", Languages.English, Term: OffenceTerms.DataInterference),
    ];

    [Fact]
    public void Search_NamingTerms_GivesWhatScoringEveryHitGives_AsTheIndexChanges()
    {
        _index.Clear();
        _index.AddAll(Items(0, 1500));
        _index.Commit();
        _index.AddAll(Items(1500, 700));
        _index.Commit();
        foreach (var r in Requests) AssertSame(r);

        // New documents in a new segment, and deletions in an old one: the cached sets must follow.
        _index.AddAll(Items(2200, 400));
        for (var i = 0; i < 600; i += 3) _index.Writer.DeleteDocuments(new Term(KnowledgeFields.Key, "provision:" + i));
        _index.Commit();
        foreach (var r in Requests) AssertSame(r);
        var after = new KnowledgeSearch(_index).Search(new SearchRequest("Interference", Languages.English));
        Assert.DoesNotContain(after.Hits, h => h.Key == "provision:0");
    }
}
