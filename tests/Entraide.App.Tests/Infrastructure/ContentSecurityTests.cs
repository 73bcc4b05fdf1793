using System.Security.Cryptography;
using System.Text;
using Entraide.App.Infrastructure.Http;

namespace Entraide.App.Tests.Infrastructure;

public sealed class ContentSecurityTests
{
    [Fact]
    public void AllowingStylesOf_AddsTheHashOfEachOwnStyleBlock_AndNothingInline()
    {
        const string css = "body{margin:2.5cm}h1{text-align:center}";
        var policy = ContentSecurity.AllowingStylesOf($"<html><head><style>{css}</style></head><body>&lt;style&gt;x&lt;/style&gt;</body></html>");
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        Assert.Contains($"style-src 'self' 'sha256-{hash}';", policy);
        Assert.Single(policy.Split(' '), w => w.StartsWith("'sha256-", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("script-src 'self';", policy);
    }

    [Fact]
    public void AllowingStylesOf_ADocumentWithoutStyles_IsThePagesPolicy() =>
        Assert.Equal(ContentSecurity.Policy, ContentSecurity.AllowingStylesOf("<p>no style</p>"));
}
