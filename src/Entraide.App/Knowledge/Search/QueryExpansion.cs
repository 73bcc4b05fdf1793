using Entraide.Domain.Knowledge;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// Recognises the taxonomy terms a query names in any of the six languages, so that "accès illicite"
/// finds a Chinese provision tagged illegal-access. Term and label tokens are analysed once, like the
/// query, per language.
/// </summary>
public static class QueryExpansion
{
    private static readonly Lazy<IReadOnlyList<(string Term, string Language, HashSet<string> Tokens)>> TaxonomyTokens = new(BuildTaxonomyTokens);

    /// <summary>Loads the taxonomy's tokens, so the first search does not pay for it.</summary>
    public static void Warm() => _ = TaxonomyTokens.Value;

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
        var tokens = SearchQuery.LanguagesWritten(text).ToDictionary(l => l, l => KnowledgeAnalyzers.Tokens(SearchQuery.AnalyzerFor(l),
            KnowledgeAnalyzers.Field(l), text));
        return Expand(tokens);
    }

    private static IReadOnlyList<(string, string, HashSet<string>)> BuildTaxonomyTokens() =>
        [.. OffenceTaxonomy.Current.Terms.SelectMany(t => t.Names().Select(n =>
            (t.Code, n.Language, KnowledgeAnalyzers.Tokens(SearchQuery.AnalyzerFor(n.Language), KnowledgeAnalyzers.Field(n.Language),
                n.Text).ToHashSet(StringComparer.Ordinal))))];

}
