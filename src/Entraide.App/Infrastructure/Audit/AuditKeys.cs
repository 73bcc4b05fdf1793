using System.Security.Cryptography;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Entraide.App.Infrastructure.Audit;

/// <summary>
/// The audit's keys, kept outside the database: the seal key (HMAC-SHA256) that makes a pending entry
/// unforgeable by anyone who can only write to the database, and the checkpoint key (ECDSA P-256) that
/// signs the chain heads published outside it. Each is read from the configuration (a file, or for the
/// seal key base64 in the configuration itself); outside production a missing key is generated in the
/// data folder, with a warning; production (the Production environment, unless it runs the demo) refuses
/// to start without the seal key (see <see cref="AuditKeyCheck"/>) and to publish a checkpoint without the checkpoint key.
/// </summary>
public sealed partial class AuditKeys
{
    public const int MinSealKeyLength = 32;

    private readonly IConfiguration _configuration;
    private readonly string _dataDirectory;
    private readonly bool _production;
    private readonly ILogger<AuditKeys> _logger;
    private readonly Lazy<byte[]> _seal;
    private readonly Lazy<ECDsa> _checkpoint;

    public AuditKeys(IConfiguration configuration, IHostEnvironment environment, DatabaseSettings settings, ILogger<AuditKeys> logger)
        : this(configuration, settings.DataDirectory, environment.IsProduction() && !configuration.GetValue("Entraide:Demo", false), logger)
    {
    }

    internal AuditKeys(IConfiguration configuration, string dataDirectory, bool production, ILogger<AuditKeys> logger)
    {
        _configuration = configuration;
        _dataDirectory = dataDirectory;
        _production = production;
        _logger = logger;
        _seal = new Lazy<byte[]>(ReadSealKey);
        _checkpoint = new Lazy<ECDsa>(ReadCheckpointKey);
    }

    /// <summary>The seal key; throws <see cref="AuditKeyException"/> when none is configured in production or it is unusable.</summary>
    public ReadOnlySpan<byte> SealKey => _seal.Value;

    /// <summary>The key that signs checkpoints (and whose public half verifies them).</summary>
    public ECDsa CheckpointKey => _checkpoint.Value;

    /// <summary>Seals a new entry: its contents and a fresh nonce under the seal key.</summary>
    public string Seal(AuditEntry e) => AuditChain.Seal(SealKey, AuditChainer.Fields(e), RandomNumberGenerator.GetBytes(AuditChain.SealNonceLength));

    /// <summary>Whether the entry's seal is genuine.</summary>
    public bool SealMatches(AuditEntry e) => AuditChain.SealMatches(SealKey, AuditChainer.Fields(e), e.Seal);

    /// <summary>The keys of the application a context was leased from (for callers that hold only the context).</summary>
    internal static AuditKeys Of(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<AuditKeys>()
        ?? throw new AuditKeyException("This database context has no audit keys; take it from the application's services.");

    private byte[] ReadSealKey()
    {
        if (_configuration["Audit:MacKey"] is { Length: > 0 } inline)
        {
            return Decode(inline, "Audit:MacKey");
        }
        if (_configuration["Audit:MacKeyFile"] is { Length: > 0 } file)
        {
            if (!File.Exists(file)) throw new AuditKeyException($"Audit:MacKeyFile names {file}, which does not exist.");
            return Decode(File.ReadAllText(file), $"the key file {file}");
        }
        if (_production)
        {
            throw new AuditKeyException("No audit seal key: set Audit:MacKeyFile (a file holding at least 32 random bytes in base64, " +
                "kept apart from the database and its backups) or Audit:MacKey. Production does not start without it.");
        }
        var path = Path.Combine(_dataDirectory, "keys", "audit-seal.key");
        if (!File.Exists(path))
        {
            WriteSecret(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinSealKeyLength)));
        }
        LogDevelopmentKey(_logger, "seal", path);
        return Decode(File.ReadAllText(path), $"the key file {path}");
    }

    private ECDsa ReadCheckpointKey()
    {
        var key = ECDsa.Create();
        string pem;
        if (_configuration["Audit:Checkpoints:KeyFile"] is { Length: > 0 } file)
        {
            if (!File.Exists(file)) throw new AuditKeyException($"Audit:Checkpoints:KeyFile names {file}, which does not exist.");
            pem = File.ReadAllText(file);
        }
        else if (_production)
        {
            throw new AuditKeyException("No checkpoint key: set Audit:Checkpoints:KeyFile (an ECDSA P-256 private key in PEM, " +
                "e.g. from `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`), kept apart from the database.");
        }
        else
        {
            var path = Path.Combine(_dataDirectory, "keys", "audit-checkpoint.pem");
            if (!File.Exists(path))
            {
                using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                WriteSecret(path, created.ExportPkcs8PrivateKeyPem());
            }
            LogDevelopmentKey(_logger, "checkpoint", path);
            pem = File.ReadAllText(path);
        }
        try
        {
            key.ImportFromPem(pem);
        }
        catch (ArgumentException ex)
        {
            throw new AuditKeyException($"The checkpoint key is not a PEM private key: {ex.Message}");
        }
        if (key.KeySize != 256) throw new AuditKeyException("The checkpoint key must be an ECDSA P-256 key.");
        return key;
    }

    private static byte[] Decode(string base64, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new AuditKeyException($"The audit seal key in {where} is not base64.");
        }
        if (key.Length < MinSealKeyLength)
            throw new AuditKeyException($"The audit seal key in {where} has {key.Length} bytes; it needs at least {MinSealKeyLength}.");
        return key;
    }

    private static void WriteSecret(string path, string contents)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var w = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            w.Write(contents);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: its key is the one.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit {Kind} key is the development key generated at {Path}, in the data folder: " +
        "configure a key kept apart from the database before going into production, which refuses to start without one.")]
    private static partial void LogDevelopmentKey(ILogger logger, string kind, string path);
}

/// <summary>An audit key is missing or unusable; the message says which and what to configure.</summary>
public sealed class AuditKeyException(string message) : Exception(message);

/// <summary>Reads the seal key when the server starts, so that production without one does not start at all.</summary>
internal sealed class AuditKeyCheck(AuditKeys keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keys.SealKey.Length;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
