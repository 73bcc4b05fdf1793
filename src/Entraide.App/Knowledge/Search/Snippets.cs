using Entraide.Domain.Common;
using Lucene.Net.Analysis.TokenAttributes;

namespace Entraide.App.Knowledge.Search;

/// <summary>
/// Cuts up to two passages of about <see cref="Size"/> characters around the matched words of a text
/// and marks them, given the matches' offsets. Lucene.Net's highlighters either score fragments
/// (Highlighter: a query scorer per hit) or need term vectors (FastVectorHighlighter, whose reading
/// cost more than it saved here); a conjunction of words needs neither, only the offsets (see
/// docs/decisions/knowledge-search-speed.md).
/// </summary>
public static class Snippets
{
    public const int Size = 180;
    private const int Lead = 40;
    private const int BoundarySearch = 20;

    /// <param name="spans">Offsets of the matches in <paramref name="text"/>, in any order.</param>
    public static string Mark(string text, List<(int Start, int End)> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var windows = new List<(int Start, int End)>(2);
        foreach (var (s, e) in spans)
        {
            if (windows.Count > 0 && e <= windows[^1].End) continue;
            if (windows.Count == 2) break;
            var start = Math.Max(windows.Count > 0 ? windows[^1].End : 0, s - Lead);
            if (start > 0 && start < s)
            {
                var space = text.IndexOf(' ', start, Math.Min(BoundarySearch, s - start));
                if (space >= 0) start = space + 1;
            }
            var end = Math.Min(text.Length, Math.Max(start + Size, e));
            if (end < text.Length)
            {
                var from = Math.Max(e, end - BoundarySearch);
                var space = text.LastIndexOf(' ', end - 1, end - from);
                if (space >= e) end = space;
            }
            windows.Add((start, end));
        }

        var sb = new System.Text.StringBuilder(windows.Count * (Size + 40));
        var k = 0;
        foreach (var (start, end) in windows)
        {
            if (sb.Length > 0) sb.Append(" … ");
            var at = start;
            while (k < spans.Count && spans[k].Start < start) k++;
            for (; k < spans.Count && spans[k].End <= end; k++)
            {
                var (s, e) = spans[k];
                if (s < at) continue;
                sb.Append(HtmlText.Encode(text[at..s])).Append("<mark>").Append(HtmlText.Encode(text[s..e])).Append("</mark>");
                at = e;
            }
            sb.Append(HtmlText.Encode(text[at..end]));
        }
        return sb.ToString();
    }

    public static string Beginning(string body) => HtmlText.Encode(body.Length <= 240 ? body : body[..240] + "…");

    /// <summary>
    /// The passages of the body around the query's words (as analysed for the hit's language), the
    /// words marked. No highlighter scoring is needed for a conjunction of words: the matches' offsets
    /// are all it takes. Chinese is found by its characters in the text (the query's bigrams and
    /// leftover words: neither the bigram analysis nor SmartCn changes Han characters, and segmenting the
    /// hits again would cost more than the search); the other languages' bodies are re-analysed
    /// (stemming), which is cheap (docs/perf/knowledge.md).
    /// </summary>
    public static string ForHit(string language, List<string>? words, string body)
    {
        if (words is null || words.Count == 0) return Beginning(body);
        var spans = language == Languages.Chinese ? SpansByCharacters(words, body) : SpansByAnalysis(language, words, body);
        return spans.Count == 0 ? Beginning(body) : Mark(body, spans);
    }

    /// <summary>Where <paramref name="words"/> occur in <paramref name="body"/>; overlapping occurrences (a run's bigrams) are joined into
    /// one.</summary>
    private static List<(int Start, int End)> SpansByCharacters(List<string> words, string body)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var w in words)
        {
            if (w.Length == 0) continue;
            for (var at = body.IndexOf(w, StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf(w, at + w.Length,
                StringComparison.OrdinalIgnoreCase))
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
        using var stream = SearchQuery.AnalyzerFor(language).GetTokenStream(field, body);
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

}

/// <summary>
/// HTML-encodes text for a snippet: only the characters HTML gives a meaning to (&amp; &lt; &gt; and the
/// quotes). Every other character is written as itself — the page is UTF-8 — where Lucene's
/// SimpleHTMLEncoder wrote every character beyond ASCII as a numeric reference (three to eight bytes
/// for one Arabic, Cyrillic or Chinese letter, and unreadable in the JSON the API returns).
/// </summary>
public static class HtmlText
{
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }
}
