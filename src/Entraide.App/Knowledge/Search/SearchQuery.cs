using System.Collections.Concurrent;
using Entraide.Domain.Common;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// Builds the Lucene query of a search's text: per language its words, Chinese on character bigrams,
/// and the words each language's snippet marks; also the filters (State, term, type, language).
/// </summary>
internal static class SearchQuery
{
    private static readonly ConcurrentDictionary<string, Analyzer> Analyzers = new();

    public static Analyzer AnalyzerFor(string language) => Analyzers.GetOrAdd(language, KnowledgeAnalyzers.For);

    public static void Filter(List<Query> filters, string field, string? value)
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
    public static (Query? Query, Dictionary<string, List<string>> Tokens, Dictionary<string, List<string>> Marks) TextQuery(string text)
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

}
