using Entraide.Domain.Common;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// One analyzer per UN language: Arabic normalisation and light stemming, Chinese word segmentation
/// (SmartCn), and the Snowball-family stemmers for English, French, Russian and Spanish. Text is
/// indexed in a field per language (<c>text_fr</c>…) so each is analysed as its own language.
/// Chinese text is also indexed as overlapping character bigrams (<see cref="ChineseBigramField"/>,
/// Lucene's CJK analyzer), which a Chinese query is matched against: see
/// docs/decisions/knowledge-search-chinese.md.
/// </summary>
public static class KnowledgeAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static string Field(string language) => "text_" + language;

    /// <summary>Chinese text as overlapping character bigrams ("计算机" → 计算, 算机); other scripts as whole lowercased words.</summary>
    public const string ChineseBigramField = "text_zh_bigram";

    /// <summary>
    /// Standard tokenizer (one token per Han character), width folding, lower case, then adjacent Han
    /// characters joined into bigrams; an isolated Han character stays a unigram. No stop words.
    /// </summary>
    public static Analyzer ChineseBigrams() => new CJKAnalyzer(Version, CharArraySet.Empty);

    public static Analyzer For(string language) => language switch
    {
        Languages.Arabic => new ArabicAnalyzer(Version),
        Languages.Chinese => new SmartChineseAnalyzer(Version),
        Languages.English => new EnglishAnalyzer(Version),
        Languages.French => new FrenchAnalyzer(Version),
        Languages.Russian => new RussianAnalyzer(Version),
        Languages.Spanish => new SpanishAnalyzer(Version),
        _ => new StandardAnalyzer(Version),
    };

    public static Analyzer PerField() =>
        new PerFieldAnalyzerWrapper(new StandardAnalyzer(Version),
            Languages.All.ToDictionary(Field, For).Append(new(ChineseBigramField, ChineseBigrams())).ToDictionary());

    /// <summary>The tokens <paramref name="analyzer"/> makes of <paramref name="text"/>.</summary>
    public static List<string> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }
}
