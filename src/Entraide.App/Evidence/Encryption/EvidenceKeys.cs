using System.Security.Cryptography;
using System.Text;
using Entraide.App.Infrastructure.Persistence;

namespace Entraide.App.Evidence.Encryption;

/// <summary>
/// The key-encryption keys (KEK) that wrap each item's data key, kept outside the database: the current one from the
/// file <c>Evidence:KeyEncryptionKey:Path</c> (base64 of 32 random bytes; outside production a missing file in the data
/// folder's <c>keys/</c> is generated, with a warning), and former ones from <c>Evidence:KeyEncryptionKey:PreviousPaths</c>
/// so that data keys wrapped before a rotation still open until <see cref="RewrapDataKeysHandler"/> has re-wrapped them.
/// A key's id is derived from the key itself (a digest), so the database tells which key wrapped a data key without
/// holding anything that helps to unwrap it.
/// </summary>
public sealed partial class EvidenceKeys
{
    private readonly Lazy<(string Id, byte[] Key)> _current;
    private readonly Lazy<Dictionary<string, byte[]>> _all;
    private readonly IConfiguration _configuration;
    private readonly string _dataDirectory;
    private readonly bool _production;
    private readonly ILogger<EvidenceKeys> _logger;

    public EvidenceKeys(IConfiguration configuration, IHostEnvironment environment, DatabaseSettings settings, ILogger<EvidenceKeys> logger)
    {
        _configuration = configuration;
        _dataDirectory = settings.DataDirectory;
        _production = environment.IsProduction() && !configuration.GetValue("Entraide:Demo", false);
        _logger = logger;
        _current = new Lazy<(string, byte[])>(ReadCurrent);
        _all = new Lazy<Dictionary<string, byte[]>>(ReadAll);
    }

    /// <summary>The id of the key new data keys are wrapped with.</summary>
    public string CurrentId => _current.Value.Id;

    /// <summary>A fresh data key for a new item, and its wrapped form under the current key.</summary>
    public (byte[] DataKey, byte[] Wrapped, string KeyId) NewDataKey(Guid itemId)
    {
        var dataKey = RandomNumberGenerator.GetBytes(EvidenceCipher.KeySize);
        var (id, kek) = _current.Value;
        return (dataKey, Wrap(kek, id, itemId, dataKey), id);
    }

    /// <summary>Unwraps an item's data key; <see cref="EvidenceKeyException"/> when its key is not configured or the wrap was altered.</summary>
    public byte[] Unwrap(Guid itemId, string keyId, byte[] wrapped)
    {
        if (!_all.Value.TryGetValue(keyId, out var kek))
            throw new EvidenceKeyException($"The key-encryption key {keyId} is not configured (Evidence:KeyEncryptionKey:PreviousPaths).");
        if (wrapped.Length != EvidenceCipher.NonceSize + EvidenceCipher.KeySize + EvidenceCipher.TagSize)
            throw new EvidenceKeyException("A wrapped data key has the wrong length.");
        var dataKey = new byte[EvidenceCipher.KeySize];
        using var aes = new AesGcm(kek, EvidenceCipher.TagSize);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, EvidenceCipher.NonceSize), wrapped.AsSpan(EvidenceCipher.NonceSize, EvidenceCipher.KeySize),
                wrapped.AsSpan(EvidenceCipher.NonceSize + EvidenceCipher.KeySize), dataKey, WrapData(keyId, itemId));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new EvidenceKeyException("A wrapped data key does not open under its key-encryption key: " + e.Message);
        }
        return dataKey;
    }

    /// <summary>The data key wrapped again under the current key (rotation).</summary>
    public (byte[] Wrapped, string KeyId) Rewrap(Guid itemId, string keyId, byte[] wrapped)
    {
        var dataKey = Unwrap(itemId, keyId, wrapped);
        try
        {
            var (id, kek) = _current.Value;
            return (Wrap(kek, id, itemId, dataKey), id);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The id of a key: the first 8 bytes of its SHA-256 under a label, in hex.</summary>
    public static string IdOf(ReadOnlySpan<byte> kek)
    {
        Span<byte> input = stackalloc byte[21 + kek.Length];
        "entraide-evidence-kek"u8.CopyTo(input);
        kek.CopyTo(input[21..]);
        return Convert.ToHexStringLower(SHA256.HashData(input)[..8]);
    }

    private static byte[] Wrap(byte[] kek, string keyId, Guid itemId, byte[] dataKey)
    {
        var wrapped = new byte[EvidenceCipher.NonceSize + EvidenceCipher.KeySize + EvidenceCipher.TagSize];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, EvidenceCipher.NonceSize));
        using var aes = new AesGcm(kek, EvidenceCipher.TagSize);
        aes.Encrypt(wrapped.AsSpan(0, EvidenceCipher.NonceSize), dataKey, wrapped.AsSpan(EvidenceCipher.NonceSize, EvidenceCipher.KeySize),
            wrapped.AsSpan(EvidenceCipher.NonceSize + EvidenceCipher.KeySize), WrapData(keyId, itemId));
        return wrapped;
    }

    private static byte[] WrapData(string keyId, Guid itemId) => Encoding.ASCII.GetBytes($"entraide-evidence-dek:{keyId}:{itemId:D}");

    private (string, byte[]) ReadCurrent()
    {
        var configured = _configuration["Evidence:KeyEncryptionKey:Path"];
        string path;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            path = configured;
            if (!File.Exists(path)) throw new EvidenceKeyException($"Evidence:KeyEncryptionKey:Path names {path}, which does not exist.");
        }
        else if (_production)
        {
            throw new EvidenceKeyException("No evidence key-encryption key: set Evidence:KeyEncryptionKey:Path (a file holding 32 random " +
                "bytes in base64, kept apart from the database and its backups).");
        }
        else
        {
            path = Path.Combine(_dataDirectory, "keys", "evidence-kek.key");
            if (!File.Exists(path)) WriteSecret(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(EvidenceCipher.KeySize)));
            LogDevelopmentKey(_logger, path);
        }
        var key = Read(path);
        return (IdOf(key), key);
    }

    private Dictionary<string, byte[]> ReadAll()
    {
        var (id, key) = _current.Value;
        var all = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [id] = key };
        foreach (var p in _configuration.GetSection("Evidence:KeyEncryptionKey:PreviousPaths").GetChildren().Select(c => c.Value))
        {
            if (string.IsNullOrWhiteSpace(p)) continue;
            if (!File.Exists(p)) throw new EvidenceKeyException($"Evidence:KeyEncryptionKey:PreviousPaths names {p}, which does not exist.");
            var previous = Read(p);
            all.TryAdd(IdOf(previous), previous);
        }
        return all;
    }

    private static byte[] Read(string path)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new EvidenceKeyException($"The evidence key file {path} is not base64.");
        }
        if (key.Length != EvidenceCipher.KeySize)
            throw new EvidenceKeyException($"The evidence key file {path} holds {key.Length} bytes; it needs {EvidenceCipher.KeySize}.");
        return key;
    }

    private static void WriteSecret(string path, string contents)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var w = new StreamWriter(path, Encoding.ASCII, options);
            w.Write(contents);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: its key is the one.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The evidence key-encryption key is the development key generated at {Path}, in the " +
        "data folder: configure Evidence:KeyEncryptionKey:Path, kept apart from the database, before going into production.")]
    private static partial void LogDevelopmentKey(ILogger logger, string path);
}

/// <summary>An evidence key is missing or unusable; the message says which and what to configure.</summary>
public sealed class EvidenceKeyException(string message) : Exception(message);
