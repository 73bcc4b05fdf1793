using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Entraide.App.Trust.Accounts;

/// <summary>
/// A hash of a random password, made with the configured hasher on first use: a sign-in with an
/// unknown e-mail address is checked against it, so that it costs as much as a wrong password.
/// </summary>
public sealed class DummyPassword
{
    private static readonly EntraideUser Nobody = new() { Id = "nobody", UserName = "nobody" };
    private string? _hash;

    /// <summary>Runs the hasher as a real check would, and answers false.</summary>
    public bool Check(IPasswordHasher<EntraideUser> hasher, string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _hash,
            () => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
        return false;
    }
}
