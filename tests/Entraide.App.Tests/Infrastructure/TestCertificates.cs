using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>Self-signed key-encryption certificates written as PKCS#12 files, as an operator would configure one.</summary>
public static class TestCertificates
{
    public const string Password = "test-kek-password";

    /// <summary>Writes a new certificate with its private key to <paramref name="folder"/> and returns the file's path.</summary>
    public static string WritePfx(string folder, string name = "kek")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Entraide {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var usage = X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment;
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
