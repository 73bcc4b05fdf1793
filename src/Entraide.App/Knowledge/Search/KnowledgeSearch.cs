using System.Collections.Concurrent;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace Entraide.App.Knowledge.Search;

public sealed record SearchRequest(string? Query, string Language, string? State = null, string? Term = null, string? Type = null,
    string? InLanguage = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 20);

/// <param name="Snippet">HTML: the matched passage with the words found in <c>&lt;mark&gt;</c>; everything else is encoded.</param>
public sealed record SearchHit(string Key, string Type, string? State, string Language, DateOnly Date, string Title, string? Number,
    string Snippet, IReadOnlyList<string> Terms, Guid? Law, bool Example, float Score);

public sealed record FacetValue(string Value, int Count);

/// <param name="ExpandedTerms">Taxonomy terms the query was recognised as, in any language: how a query in one language finds provisions in all.</param>
public sealed record SearchResult(string? Query, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, IReadOnlyList<string> ExpandedTerms);

/// <summary>
/// Searches the knowledge index. The words are analysed once per language and looked for in that
/// language's field; the query is also matched against the taxonomy's labels and keywords in all six
/// languages, and the terms it names are added, so "accès illicite" finds a Chinese provision tagged
/// illegal-access. Facets are counted from doc values over every hit (there is no facet module for
/// Lucene.Net 4.8 here; see docs/decisions/knowledge-search.md).
/// </summary>
public sealed class KnowledgeSearch(KnowledgeIndex index)
{
    public const int MaxPageSize = 100;
    private static readonly ConcurrentDictionary<string, Analyzer> Analyzers = new();
    private static readonly Lazy<IReadOnlyList<(string Term, string Language, HashSet<string> Tokens)>> TaxonomyTokens = new(BuildTaxonomyTokens);

    private static Analyzer AnalyzerFor(string language) => Analyzers.GetOrAdd(language, KnowledgeAnalyzers.For);

    public SearchResult Search(SearchRequest request)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, request.Page);
        var text = request.Query?.Trim() ?? "";
        if (text.Length > 500) throw DomainException.Invalid("too-long", "q");

        var (textQuery, tokensByLanguage) = TextQuery(text);
        var expanded = Expand(tokensByLanguage);
        var query = new BooleanQuery();
        if (text.Length == 0) query.Add(new MatchAllDocsQuery(), Occur.MUST);
        else
        {
            var either = new BooleanQuery();
            if (textQuery is not null) either.Add(textQuery, Occur.SHOULD);
            foreach (var t in expanded) either.Add(new TermQuery(new Term(KnowledgeFields.Term, t)) { Boost = 2f }, Occur.SHOULD);
            if (either.Clauses.Count == 0) return Empty(request, page, pageSize, expanded);
            query.Add(either, Occur.MUST);
        }
        Filter(query, KnowledgeFields.State, request.State?.ToUpperInvariant());
        Filter(query, KnowledgeFields.Term, request.Term);
        Filter(query, KnowledgeFields.Type, request.Type);
        Filter(query, KnowledgeFields.Language, request.InLanguage);
        if (request.From is not null || request.To is not null)
            query.Add(TermRangeQuery.NewStringRange(KnowledgeFields.Date, request.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                request.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), true, true), Occur.MUST);

        var searcher = index.Acquire();
        try
        {
            var (total, top, facets) = Collect(searcher, query, page * pageSize);
            var hits = top.Skip((page - 1) * pageSize).Take(pageSize).Select(sd => Hit(searcher, sd, textQuery, tokensByLanguage)).ToList();
            return new SearchResult(text, total, page, pageSize, hits, facets, expanded);
        }
        finally
        {
            index.Release(searcher);
        }
    }

    /// <summary>
    /// Prepares a freshly opened searcher: builds each segment's facet ordinals and loads the analyzers
    /// and the taxonomy's tokens, so the first search pays for none of it.
    /// </summary>
    public static void Warm(IndexSearcher searcher)
    {
        foreach (var leaf in searcher.IndexReader.Leaves) FacetOrdinals.For(leaf.AtomicReader, KnowledgeFields.Faceted);
        _ = TaxonomyTokens.Value;
    }

    /// <summary>
    /// Scores and counts facets segment by segment, the segments shared among the cores (one query
    /// then uses both cores of a small server), and merges: top <paramref name="n"/> by score (ties by
    /// document order, as a single pass would give), total, and facet counts. The weight is made once
    /// from the whole index, so scores are those of a single search.
    /// </summary>
    private static (int Total, List<ScoreDoc> Top, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets) Collect(IndexSearcher searcher, Query query, int n)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var tops = new TopScoreDocCollector[leaves.Count];
        var facets = new FacetCollector[leaves.Count];
        void Leaf(int i)
        {
            var leaf = leaves[i];
            tops[i] = TopScoreDocCollector.Create(n, true);
            facets[i] = new FacetCollector(KnowledgeFields.Faceted);
            var collector = MultiCollector.Wrap(tops[i], facets[i]);
            collector.SetNextReader(leaf);
            var scorer = weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs);
            scorer?.Score(collector);
        }
        if (leaves.Count > 1 && Environment.ProcessorCount > 1)
            Parallel.For(0, leaves.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Leaf);
        else
            for (var i = 0; i < leaves.Count; i++) Leaf(i);

        var total = tops.Sum(t => t.TotalHits);
        var top = tops.SelectMany(t => t.GetTopDocs().ScoreDocs).OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(n).ToList();
        return (total, top, FacetCollector.Merge(facets));
    }

    private static SearchResult Empty(SearchRequest r, int page, int pageSize, IReadOnlyList<string> expanded) =>
        new(r.Query, 0, page, pageSize, [], KnowledgeFields.Faceted.ToDictionary(f => f, _ => (IReadOnlyList<FacetValue>)[]), expanded);

    private static void Filter(BooleanQuery query, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) query.Add(new TermQuery(new Term(field, value.Trim())), Occur.MUST);
    }

    /// <summary>Per language: every word of the query must appear in that language's field; the languages are alternatives.</summary>
    private static (Query? Query, Dictionary<string, List<string>> Tokens) TextQuery(string text)
    {
        var tokens = new Dictionary<string, List<string>>();
        if (text.Length == 0) return (null, tokens);
        var any = new BooleanQuery();
        foreach (var language in LanguagesWritten(text))
        {
            var field = KnowledgeAnalyzers.Field(language);
            var words = KnowledgeAnalyzers.Tokens(AnalyzerFor(language), field, text).Distinct(StringComparer.Ordinal).ToList();
            tokens[language] = words;
            if (words.Count == 0) continue;
            var all = new BooleanQuery();
            foreach (var w in words) all.Add(new TermQuery(new Term(field, w)), Occur.MUST);
            any.Add(all, Occur.SHOULD);
        }
        return (any.Clauses.Count == 0 ? null : any, tokens);
    }

    /// <summary>
    /// The languages whose script the query uses: Arabic script is looked for in Arabic, Han in Chinese,
    /// Cyrillic in Russian, Latin in English, French and Spanish. Analysing the query only with those
    /// analyzers keeps the per-query cost (SmartCn segmentation above all) off queries it cannot match.
    /// </summary>
    public static IReadOnlyList<string> LanguagesWritten(string text)
    {
        bool arabic = false, han = false, cyrillic = false, latin = false;
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF') arabic = true;
            else if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF') han = true;
            else if (c is >= '\u0400' and <= '\u04FF') cyrillic = true;
            else if (char.IsLetterOrDigit(c)) latin = true;
        }
        var languages = new List<string>(6);
        if (arabic) languages.Add(Languages.Arabic);
        if (han) languages.Add(Languages.Chinese);
        if (latin) languages.AddRange([Languages.English, Languages.French, Languages.Spanish]);
        if (cyrillic) languages.Add(Languages.Russian);
        return languages;
    }

    /// <summary>
    /// The taxonomy terms the query names in some language: a term whose label or keyword, analysed like
    /// the query, is contained in the query's words or contains them all.
    /// </summary>
    public static IReadOnlyList<string> Expand(Dictionary<string, List<string>> queryTokens)
    {
        var found = new List<string>();
        foreach (var (term, language, nameTokens) in TaxonomyTokens.Value)
        {
            if (found.Contains(term) || !queryTokens.TryGetValue(language, out var q) || q.Count == 0 || nameTokens.Count == 0) continue;
            if (nameTokens.All(q.Contains) || q.All(nameTokens.Contains)) found.Add(term);
        }
        return found;
    }

    public static IReadOnlyList<string> ExpandText(string text)
    {
        var tokens = LanguagesWritten(text).ToDictionary(l => l, l => KnowledgeAnalyzers.Tokens(AnalyzerFor(l), KnowledgeAnalyzers.Field(l), text));
        return Expand(tokens);
    }

    private static IReadOnlyList<(string, string, HashSet<string>)> BuildTaxonomyTokens() =>
        [.. OffenceTaxonomy.Current.Terms.SelectMany(t => t.Names().Select(n =>
            (t.Code, n.Language, KnowledgeAnalyzers.Tokens(AnalyzerFor(n.Language), KnowledgeAnalyzers.Field(n.Language), n.Text).ToHashSet(StringComparer.Ordinal))))];

    private static SearchHit Hit(IndexSearcher searcher, ScoreDoc sd, Query? textQuery, Dictionary<string, List<string>> tokens)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(sd.Doc, leaves)];
        HitRecord.Data? h = null;
        if (leaf.AtomicReader.GetBinaryDocValues(KnowledgeFields.Hit) is { } values)
        {
            var bytes = new BytesRef();
            values.Get(sd.Doc - leaf.DocBase, bytes);
            h = HitRecord.Decode(bytes.Bytes, bytes.Offset, bytes.Length);
        }
        h ??= FromStoredFields(searcher.Doc(sd.Doc));
        var snippet = textQuery is null ? null
            : Snippet(h.Language, tokens.GetValueOrDefault(h.Language), h.Body);
        return new SearchHit(h.Key, h.Type, h.State, h.Language, h.Date, h.Title, h.Number, snippet ?? Beginning(h.Body), h.Terms, h.Law, h.Example, sd.Score);
    }

    private static HitRecord.Data FromStoredFields(Lucene.Net.Documents.Document d) =>
        new(d.Get(KnowledgeFields.Key), d.Get(KnowledgeFields.Type), d.Get(KnowledgeFields.State), d.Get(KnowledgeFields.Language),
            DateOnly.ParseExact(d.Get(KnowledgeFields.Date), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            d.Get(KnowledgeFields.Title) ?? "", d.Get(KnowledgeFields.Number), d.Get(KnowledgeFields.Body) ?? "", d.GetValues(KnowledgeFields.Term),
            Guid.TryParse(d.Get(KnowledgeFields.Law), out var law) ? law : null, d.Get(KnowledgeFields.Example) == "1");

    private static string Beginning(string body) => new SimpleHTMLEncoder().EncodeText(body.Length <= 240 ? body : body[..240] + "…");

    /// <summary>
    /// The passages of the body around the query's words (as analysed for the hit's language), the
    /// words marked. No highlighter scoring is needed for a conjunction of words: the matches' offsets
    /// are all it takes. Chinese words are found by their characters in the text (SmartCn does not
    /// change them, and segmenting 20 hits again costs about 2 ms); the other languages' bodies are
    /// re-analysed (stemming), tens of microseconds each.
    /// </summary>
    private static string Snippet(string language, List<string>? words, string body)
    {
        if (words is null || words.Count == 0) return Beginning(body);
        var spans = language == Languages.Chinese ? SpansByCharacters(words, body) : SpansByAnalysis(language, words, body);
        return spans.Count == 0 ? Beginning(body) : Snippets.Mark(body, spans, new SimpleHTMLEncoder());
    }

    private static List<(int Start, int End)> SpansByCharacters(List<string> words, string body)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var w in words)
        {
            if (w.Length == 0) continue;
            for (var at = body.IndexOf(w, StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf(w, at + w.Length, StringComparison.OrdinalIgnoreCase))
                spans.Add((at, at + w.Length));
        }
        return spans;
    }

    private static List<(int Start, int End)> SpansByAnalysis(string language, List<string> words, string body)
    {
        var spans = new List<(int Start, int End)>();
        var field = KnowledgeAnalyzers.Field(language);
        using var stream = AnalyzerFor(language).GetTokenStream(field, body);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            foreach (var w in words)
            {
                if (!span.SequenceEqual(w)) continue;
                if (offset.StartOffset < offset.EndOffset && offset.EndOffset <= body.Length) spans.Add((offset.StartOffset, offset.EndOffset));
                break;
            }
        }
        stream.End();
        return spans;
    }

    /// <summary>
    /// Counts, over every matching document, the values of the faceted keyword fields, from per-segment
    /// ordinal arrays (<see cref="FacetOrdinals"/>) built once per segment from its sorted-set doc values.
    /// </summary>
    private sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
    {
        private readonly Dictionary<string, Dictionary<string, int>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        private FacetOrdinals.Segment? _segment;
        private int[][] _segmentCounts = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) { }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _segment = FacetOrdinals.For(context.AtomicReader, fields);
            _segmentCounts = [.. _segment.Fields.Select(f => new int[f.Values.Length])];
        }

        public void Collect(int doc)
        {
            var fieldsOfSegment = _segment!.Fields;
            for (var f = 0; f < fieldsOfSegment.Length; f++)
            {
                var field = fieldsOfSegment[f];
                var counts = _segmentCounts[f];
                if (field.Single is { } single)
                {
                    var ord = single[doc];
                    if (ord >= 0) counts[ord]++;
                }
                else
                {
                    for (int i = field.Start![doc], end = field.Start[doc + 1]; i < end; i++) counts[field.Ords![i]]++;
                }
            }
        }

        private void Flush()
        {
            if (_segment is null) return;
            for (var f = 0; f < _segment.Fields.Length; f++)
            {
                var field = _segment.Fields[f];
                var target = _counts[field.Name];
                var counts = _segmentCounts[f];
                for (var ord = 0; ord < counts.Length; ord++)
                    if (counts[ord] > 0) target[field.Values[ord]] = target.GetValueOrDefault(field.Values[ord]) + counts[ord];
            }
            _segment = null;
        }

        public static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Merge(IReadOnlyList<FacetCollector> collectors)
        {
            var counts = (collectors.Count > 0 ? collectors[0] : new FacetCollector(KnowledgeFields.Faceted)).Counts();
            for (var i = 1; i < collectors.Count; i++)
                foreach (var (field, values) in collectors[i].Counts())
                {
                    var target = counts[field];
                    foreach (var (value, count) in values) target[value] = target.GetValueOrDefault(value) + count;
                }
            return counts.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<FacetValue>)[.. kv.Value
                .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => new FacetValue(v.Key, v.Value))]);
        }

        private Dictionary<string, Dictionary<string, int>> Counts()
        {
            Flush();
            return _counts;
        }
    }
}
