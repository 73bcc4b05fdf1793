using System.Security.Cryptography;
using Entraide.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace Entraide.App.Notifications.Webhooks;

/// <summary>Webhook secrets: random, shown once, kept encrypted with the host's data-protection keys (they must be read back to sign).</summary>
public static class WebhookSecrets
{
    private const string Purpose = "Entraide.Notifications.WebhookSecret.v1";
    public const string Prefix = "whsec_";

    /// <summary>A new secret, as shown once to the administrator and as stored.</summary>
    public static (string Secret, WebhookSecret Stored) Issue(IDataProtectionProvider protection)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, new WebhookSecret(protection.CreateProtector(Purpose).Protect(secret), secret[..10]));
    }

    /// <summary>The secret, or null when it cannot be read (the key ring was lost or replaced).</summary>
    public static string? Unprotect(IDataProtectionProvider protection, string stored)
    {
        try
        {
            return protection.CreateProtector(Purpose).Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
