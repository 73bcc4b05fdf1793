using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Entraide.App.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Infrastructure.Security;

/// <summary>
/// The data-protection keys (session cookies, anti-forgery tokens, webhook secrets) live in the database,
/// so that every instance of Entraide on one database reads the others' cookies and secrets, and nothing
/// is written beside the program. Each key is encrypted at rest with the key-encryption certificate of
/// <c>DataProtection:Certificate:Path</c> (a PKCS#12 file) and <c>DataProtection:Certificate:Password</c>;
/// certificates that encrypted older keys are listed under <c>DataProtection:PreviousCertificates</c>.
/// </summary>
public static class KeyStorage
{
    public const string CertificatePath = "DataProtection:Certificate:Path";
    public const string CertificatePassword = "DataProtection:Certificate:Password";
    public const string PreviousCertificates = "DataProtection:PreviousCertificates";

    public static void AddEntraideDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var dp = services.AddDataProtection()
            .SetApplicationName("Entraide")
            .PersistKeysToDbContext<EntraideDbContext>();
        try
        {
            if (LoadCertificate(configuration) is { } kek)
            {
                var previous = configuration.GetSection(PreviousCertificates).GetChildren()
                    .Select(c => Load(c["Path"], c["Password"], c.Path)).OfType<X509Certificate2>();
                dp.ProtectKeysWithCertificate(kek).UnprotectKeysWithAnyCertificate([kek, .. previous]);
            }
        }
        catch (StartupRefusedException e)
        {
            // Reported when the host starts (StartupChecks), before any key is read or written.
            services.AddSingleton(new StartupRefusal(e));
        }
    }

    /// <summary>Whether a key-encryption certificate is configured.</summary>
    public static bool HasCertificate(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[CertificatePath]);

    /// <summary>The key-encryption certificate, or null when none is configured; a configured one that cannot be read stops the start.</summary>
    public static X509Certificate2? LoadCertificate(IConfiguration configuration) =>
        Load(configuration[CertificatePath], configuration[CertificatePassword], CertificatePath);

    private static X509Certificate2? Load(string? path, string? password, string setting)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        X509Certificate2 cert;
        try
        {
            cert = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusedException($"The key-encryption certificate of {setting} ('{path}') cannot be read: {e.Message}", e);
        }
        if (!cert.HasPrivateKey)
            throw new StartupRefusedException($"The key-encryption certificate of {setting} ('{path}') holds no private key.");
        return cert;
    }

    /// <summary>
    /// Outside Development and the tests a key-encryption certificate is required: keys stored in the clear
    /// would let anyone who reads a backup of the database forge session cookies and read webhook secrets.
    /// </summary>
    internal static void CheckConfigured(IConfiguration configuration, IHostEnvironment env)
    {
        if (HasCertificate(configuration) || !env.IsProduction()) return;
        throw new StartupRefusedException(
            "Entraide refuses to start in Production without a key-encryption certificate: set " + CertificatePath +
            " (a PKCS#12 file with its private key) and " + CertificatePassword +
            " so that the data-protection keys are encrypted in the database (see docs/operations.md).");
    }
}

/// <summary>The keys' table: one row per key, its XML encrypted with the key-encryption certificate when one is configured.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("host_data_protection_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(100);
    }
}

/// <summary>A configuration error found while the services were added, reported when the host starts.</summary>
internal sealed record StartupRefusal(StartupRefusedException Reason);

/// <summary>
/// Refuses to start (before the server listens or a key is touched) on a configuration Entraide must not
/// run with: no key-encryption certificate in Production, a certificate that cannot be read, a proxy
/// address that is not one.
/// </summary>
internal sealed class StartupChecks(IConfiguration configuration, IHostEnvironment env, IEnumerable<StartupRefusal> refusals)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (refusals.FirstOrDefault() is { } r) throw r.Reason;
        KeyStorage.CheckConfigured(configuration, env);
        ProxySettings.Apply(new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions(), configuration);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A configuration under which Entraide must not run; the host prints the message and exits with a non-zero code.</summary>
public sealed class StartupRefusedException : Exception
{
    public StartupRefusedException(string message) : base(message)
    {
    }

    public StartupRefusedException(string message, Exception inner) : base(message, inner)
    {
    }

    public StartupRefusedException()
    {
    }
}
