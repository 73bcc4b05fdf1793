using Entraide.App.Knowledge.Search;

namespace Entraide.App.Tests.Knowledge;

public sealed class SnippetsTests
{
    [Fact]
    public void Mark_EncodesTextAndMarksEachMatch()
    {
        var text = "Access <b> to a computer & access again.";
        var spans = new List<(int, int)> { (27, 33), (0, 6) };
        Assert.Equal("<mark>Access</mark> &lt;b&gt; to a computer &amp; <mark>access</mark> again.", Snippets.Mark(text, spans));
    }

    [Fact]
    public void Mark_FarApartMatches_GiveTwoPassagesAtMost()
    {
        var words = Enumerable.Range(0, 300).Select(i => "w" + i).ToList();
        words[10] = "alpha";
        words[150] = "beta";
        words[290] = "gamma";
        var text = string.Join(' ', words);
        var spans = new List<(int, int)>();
        foreach (var w in new[] { "alpha", "beta", "gamma" }) spans.Add((text.IndexOf(w, StringComparison.Ordinal), text.IndexOf(w,
            StringComparison.Ordinal) + w.Length));
        var snippet = Snippets.Mark(text, spans);
        Assert.Contains("<mark>alpha</mark>", snippet);
        Assert.Contains("<mark>beta</mark>", snippet);
        Assert.DoesNotContain("gamma", snippet);
        Assert.Single(snippet.Split(" … "), p => p.Contains("beta", StringComparison.Ordinal));
        Assert.True(snippet.Length < 2 * (Snippets.Size + 40));
    }

    [Fact]
    public void Mark_OverlappingMatches_MarkTheFirst()
    {
        var snippet = Snippets.Mark("计算机数据", [(0, 3), (1, 3), (3, 5)]);
        Assert.Equal("<mark>计算机</mark><mark>数据</mark>", snippet);
    }

    [Fact]
    public void Mark_LettersBeyondAscii_AreWrittenAsThemselves()
    {
        var text = "L’accès « illicite » à un système — доступ, 访问 & وصول <b>";
        var snippet = Snippets.Mark(text, [(2, 7)]);
        Assert.Equal("L’<mark>accès</mark> « illicite » à un système — доступ, 访问 &amp; وصول &lt;b&gt;", snippet);
    }
}
