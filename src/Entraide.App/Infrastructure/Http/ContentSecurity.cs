using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Entraide.App.Infrastructure.Http;

/// <summary>
/// The Content-Security-Policy of Entraide's pages, and its one relaxation for self-contained documents: a
/// document whose styles must travel inside it (the formal request, printed to PDF as the page shows it) is
/// served with the SHA-256 hash of each of its own <c>&lt;style&gt;</c> blocks allowed, and nothing else —
/// no <c>'unsafe-inline'</c>, no script, no style attribute.
/// </summary>
public static partial class ContentSecurity
{
    public const string Policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy with the hashes of the style blocks of <paramref name="html"/> (trusted markup, user text encoded).</summary>
    public static string AllowingStylesOf(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var hashes = StyleBlock().Matches(html)
            .Select(m => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value))) + "'")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return hashes.Count == 0
            ? Policy
            : Policy.Replace("style-src 'self'", "style-src 'self' " + string.Join(' ', hashes), StringComparison.Ordinal);
    }

    /// <summary>Serves the current response under <see cref="AllowingStylesOf"/>.</summary>
    public static void AllowStylesOf(HttpContext http, string html)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ContentSecurityPolicy = AllowingStylesOf(html);
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StyleBlock();
}
