using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Trust;

public sealed class ApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issue_KeepsTheDigestAndPrefix_NeverTheSecret()
    {
        var (token, secret) = ApiToken.Issue("case system", "FRA", [Roles.CentralAuthority, Roles.CentralAuthority, Roles.PointOfContact], "admin",
            Now, Now.AddDays(30).ToOffset(TimeSpan.FromHours(2)));
        Assert.StartsWith(ApiToken.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(ApiToken.DigestOf(secret), token.SecretDigest);
        Assert.Equal(secret[..10], token.Prefix);
        Assert.Equal("central-authority,point-of-contact", token.Roles);
        Assert.Equal(TimeSpan.Zero, token.ExpiresAt!.Value.Offset);
        Assert.True(token.IsActive(Now));
        Assert.False(token.IsActive(Now.AddDays(30)));
        Assert.NotEqual(secret, ApiToken.Issue("other", "FRA", [Roles.Delegate], "admin", Now).Secret);
    }

    [Fact]
    public void Revoke_Twice_IsAConflict_AndKeepsTheFirstInstant()
    {
        var (token, _) = ApiToken.Issue("case system", "FRA", [Roles.CentralAuthority], "admin", Now);
        token.Revoke(Now.AddHours(1));
        Assert.False(token.IsActive(Now.AddHours(2)));
        var e = Assert.Throws<DomainException>(() => token.Revoke(Now.AddHours(2)));
        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.Equal(Now.AddHours(1), token.RevokedAt);
    }
}
