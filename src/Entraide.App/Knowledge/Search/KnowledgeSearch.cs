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

    /// <summary>Scores every hit even when the query names taxonomy terms (<see cref="TermExpansion"/>): the reference the tests compare with.</summary>
    internal bool ScoreEveryHit { get; init; }

    public SearchResult Search(SearchRequest request)
    {
        var (page, pageSize) = Paging.Clamp(request.Page, request.PageSize, 20, MaxPageSize);
        var text = request.Query?.Trim() ?? "";
        if (text.Length > 500) throw DomainException.Invalid("too-long", "q");

        var (textQuery, tokensByLanguage, marks) = TextQuery(text);
        var expanded = Expand(tokensByLanguage);
        var filters = new List<Query>();
        Filter(filters, KnowledgeFields.State, request.State?.ToUpperInvariant());
        Filter(filters, KnowledgeFields.Term, request.Term);
        Filter(filters, KnowledgeFields.Type, request.Type);
        Filter(filters, KnowledgeFields.Language, request.InLanguage);
        if (request.From is not null || request.To is not null)
            filters.Add(TermRangeQuery.NewStringRange(KnowledgeFields.Date, request.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                request.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), true, true));

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
        foreach (var f in filters) query.Add(f, Occur.MUST);

        var searcher = index.Acquire();
        try
        {
            // No more hits than documents are ever collected, however far the page asked for lies.
            var n = (int)Math.Min((long)page * pageSize, Math.Max(1, searcher.IndexReader.MaxDoc));
            var (total, top, facets) = !ScoreEveryHit && text.Length > 0 && expanded.Count > 0
                ? TermExpansion.Collect(searcher, query, textQuery, expanded, filters, n)
                : Collect(searcher, query, n);
            var hits = top.Skip(Paging.Skip(page, pageSize)).Take(pageSize).Select(sd => Hit(searcher, sd, textQuery, marks)).ToList();
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
    /// Scores and counts facets segment by segment and merges. A query that may match many documents
    /// (<see cref="ParallelThreshold"/>) has its segments shared among the cores (it then uses both
    /// cores of a small server); a smaller one is scored on the calling thread. Merged: top <paramref name="n"/> by score (ties by
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
        if (leaves.Count > 1 && Environment.ProcessorCount > 1 && Estimate(searcher.IndexReader, query) >= ParallelThreshold)
            Parallel.For(0, leaves.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Leaf);
        else
            for (var i = 0; i < leaves.Count; i++) Leaf(i);

        var total = tops.Sum(t => t.TotalHits);
        var top = tops.SelectMany(t => t.GetTopDocs().ScoreDocs).OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(n).ToList();
        return (total, top, FacetCollector.Merge(facets));
    }

    /// <summary>
    /// From this many documents (an upper bound of the hits, <see cref="Estimate"/>) a query's segments
    /// are scored on all cores; below it, on the calling thread. Handing a small query's segments to
    /// the thread pool cost more than it saved (measured on 300,000 provisions: median 0.06 ms, up to
    /// 1.8 ms, a search at load average 9; median 3 ms at load 20, where the parts wait to be scheduled).
    /// </summary>
    private const int ParallelThreshold = 50_000;

    /// <summary>
    /// An upper bound of the documents <paramref name="query"/> matches, from its terms' document
    /// frequencies: a term's frequency, the smallest of a conjunction's required parts, the sum of a
    /// disjunction's; the whole index for anything else (an empty query, a date range alone).
    /// </summary>
    private static long Estimate(IndexReader reader, Query query) => query switch
    {
        TermQuery t => reader.DocFreq(t.Term),
        BooleanQuery b when b.Clauses.Any(c => c.IsRequired) => b.Clauses.Where(c => c.IsRequired).Min(c => Estimate(reader, c.Query)),
        BooleanQuery b => b.Clauses.Where(c => !c.IsProhibited).Sum(c => Estimate(reader, c.Query)),
        _ => reader.MaxDoc,
    };

    private static SearchResult Empty(SearchRequest r, int page, int pageSize, IReadOnlyList<string> expanded) =>
        new(r.Query, 0, page, pageSize, [], KnowledgeFields.Faceted.ToDictionary(f => f, _ => (IReadOnlyList<FacetValue>)[]), expanded);

    private static void Filter(List<Query> filters, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) filters.Add(new TermQuery(new Term(field, value.Trim())));
    }

    /// <summary>
    /// The query's text part, for the bench's recall measurement and tests: the documents it matches are
    /// those the search finds by their text (taxonomy expansion and filters aside).
    /// </summary>
    public static Query? TextMatchQuery(string text) => TextQuery(text.Trim()).Query;

    /// <summary>
    /// Per language: every word of the query must appear in that language's field; the languages are
    /// alternatives. Chinese is matched on character bigrams (<see cref="ChineseQuery"/>). Also returns,
    /// per language, the query's words (taxonomy expansion compares them with the labels) and what to
    /// mark in a snippet.
    /// </summary>
    private static (Query? Query, Dictionary<string, List<string>> Tokens, Dictionary<string, List<string>> Marks) TextQuery(string text)
    {
        var tokens = new Dictionary<string, List<string>>();
        var marks = new Dictionary<string, List<string>>();
        if (text.Length == 0) return (null, tokens, marks);
        var any = new BooleanQuery();
        foreach (var language in LanguagesWritten(text))
        {
            if (language == Languages.Chinese)
            {
                var (chinese, words, marked) = ChineseQuery(text);
                tokens[language] = words;
                marks[language] = marked;
                if (chinese is not null) any.Add(chinese, Occur.SHOULD);
                continue;
            }
            var field = KnowledgeAnalyzers.Field(language);
            var distinct = KnowledgeAnalyzers.Tokens(AnalyzerFor(language), field, text).Distinct(StringComparer.Ordinal).ToList();
            tokens[language] = marks[language] = distinct;
            if (distinct.Count == 0) continue;
            var all = new BooleanQuery();
            foreach (var w in distinct) all.Add(new TermQuery(new Term(field, w)), Occur.MUST);
            any.Add(all, Occur.SHOULD);
        }
        return (any.Clauses.Count == 0 ? null : any, tokens, marks);
    }

    /// <summary>
    /// A Chinese query, matched on the character-bigram field. Word segmentation (SmartCn) cuts the same
    /// characters differently in a short query and in a text, and cuts unknown words into single,
    /// very common characters, which every Chinese text contains; bigrams do not depend on the cut. Each
    /// run of two or more Han characters must have every character covered by one of the run's bigrams
    /// found in the document: the first and the last bigram, and for each inner character one of the two
    /// bigrams it belongs to (so "计算机犯罪" needs 计算, 犯罪 and 算机 or 机犯: the words may be apart in
    /// the text, where an exact phrase would need them side by side); the run's other bigrams only add to
    /// the score, so a document with the whole phrase ranks first. What is left of the query (Latin words,
    /// numbers, a lone Han character) is matched on the segmented field, as the other languages are.
    /// Returns the query, the segmented words (for taxonomy expansion) and the strings a snippet marks.
    /// </summary>
    private static (Query? Query, List<string> Words, List<string> Marks) ChineseQuery(string text)
    {
        var runs = new List<List<string>>();
        var spans = new List<(int Start, int End)>();
        foreach (var (bigram, start, end, type) in Analyse(ChineseBigramAnalyzer.Value, KnowledgeAnalyzers.ChineseBigramField, text))
        {
            if (type != "<DOUBLE>") continue;
            // Consecutive bigrams of a run overlap by one character.
            if (spans.Count == 0 || start >= spans[^1].End) { runs.Add([]); spans.Add((start, end)); }
            runs[^1].Add(bigram);
            spans[^1] = (spans[^1].Start, end);
        }

        var query = new BooleanQuery();
        var marks = new List<string>();
        foreach (var run in runs)
        {
            var required = new HashSet<string>(StringComparer.Ordinal) { run[0], run[^1] };
            foreach (var b in required) query.Add(new TermQuery(new Term(KnowledgeAnalyzers.ChineseBigramField, b)), Occur.MUST);
            // Character c (1 … run.Count - 1) lies in bigrams c - 1 and c; the first and last bigrams cover the characters next to the ends.
            for (var c = 2; c < run.Count - 1; c++)
            {
                query.Add(new BooleanQuery
                {
                    { new TermQuery(new Term(KnowledgeAnalyzers.ChineseBigramField, run[c - 1])), Occur.SHOULD },
                    { new TermQuery(new Term(KnowledgeAnalyzers.ChineseBigramField, run[c])), Occur.SHOULD },
                }, Occur.MUST);
                required.Add(run[c - 1]);
                required.Add(run[c]);
            }
            foreach (var b in run.Distinct(StringComparer.Ordinal).Where(b => !required.Contains(b)))
                query.Add(new TermQuery(new Term(KnowledgeAnalyzers.ChineseBigramField, b)), Occur.SHOULD);
            marks.AddRange(run);
        }

        var field = KnowledgeAnalyzers.Field(Languages.Chinese);
        var words = new List<string>();
        var rest = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, start, end, _) in Analyse(AnalyzerFor(Languages.Chinese), field, text))
        {
            if (!words.Contains(word, StringComparer.Ordinal)) words.Add(word);
            if (spans.Any(s => s.Start <= start && end <= s.End) || !rest.Add(word)) continue;
            query.Add(new TermQuery(new Term(field, word)), Occur.MUST);
            marks.Add(word);
        }
        return (query.Clauses.Any(c => c.Occur == Occur.MUST) ? query : null, words, marks);
    }

    private static readonly Lazy<Analyzer> ChineseBigramAnalyzer = new(KnowledgeAnalyzers.ChineseBigrams);

    private static List<(string Term, int Start, int End, string Type)> Analyse(Analyzer analyzer, string field, string text)
    {
        var list = new List<(string, int, int, string)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) list.Add((term.ToString(), offset.StartOffset, offset.EndOffset, type.Type));
        stream.End();
        return list;
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

    private static SearchHit Hit(IndexSearcher searcher, ScoreDoc sd, Query? textQuery, Dictionary<string, List<string>> marks)
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
            : Snippet(h.Language, marks.GetValueOrDefault(h.Language), h.Body);
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
    /// are all it takes. Chinese is found by its characters in the text (the query's bigrams and
    /// leftover words: neither the bigram analysis nor SmartCn changes Han characters, and segmenting 20
    /// hits again costs about 2 ms); the other languages' bodies are re-analysed (stemming), tens of
    /// microseconds each.
    /// </summary>
    private static string Snippet(string language, List<string>? words, string body)
    {
        if (words is null || words.Count == 0) return Beginning(body);
        var spans = language == Languages.Chinese ? SpansByCharacters(words, body) : SpansByAnalysis(language, words, body);
        return spans.Count == 0 ? Beginning(body) : Snippets.Mark(body, spans, new SimpleHTMLEncoder());
    }

    /// <summary>Where <paramref name="words"/> occur in <paramref name="body"/>; overlapping occurrences (a run's bigrams) are joined into one.</summary>
    private static List<(int Start, int End)> SpansByCharacters(List<string> words, string body)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var w in words)
        {
            if (w.Length == 0) continue;
            for (var at = body.IndexOf(w, StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf(w, at + w.Length, StringComparison.OrdinalIgnoreCase))
                spans.Add((at, at + w.Length));
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var joined = new List<(int Start, int End)>(spans.Count);
        foreach (var (s, e) in spans)
        {
            if (joined.Count > 0 && s < joined[^1].End) joined[^1] = (joined[^1].Start, Math.Max(joined[^1].End, e));
            else joined.Add((s, e));
        }
        return joined;
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
    internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
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

        public void Collect(int doc) => FacetOrdinals.Count(_segment!, doc, _segmentCounts);

        /// <summary>Adds counts already made for the current segment (per field, per ordinal, in the segment's field order).</summary>
        public void Add(int[][] counts)
        {
            for (var f = 0; f < counts.Length; f++)
            {
                var target = _segmentCounts[f];
                var source = counts[f];
                for (var o = 0; o < source.Length; o++) target[o] += source[o];
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
