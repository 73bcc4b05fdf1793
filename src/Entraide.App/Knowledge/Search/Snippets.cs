using Lucene.Net.Search.Highlight;

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
    public static string Mark(string text, List<(int Start, int End)> spans, IEncoder encoder)
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
                sb.Append(encoder.EncodeText(text[at..s])).Append("<mark>").Append(encoder.EncodeText(text[s..e])).Append("</mark>");
                at = e;
            }
            sb.Append(encoder.EncodeText(text[at..end]));
        }
        return sb.ToString();
    }
}
