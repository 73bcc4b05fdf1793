using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Infrastructure.Audit;

/// <summary>A chain head kept outside the database: its sequence and hash at a time, signed with the checkpoint key.</summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, string Signature)
{
    public const string Algorithm = "ECDSA-P256-SHA256";

    /// <summary>The signed bytes: a fixed label, then the sequence, the hash and the time in Unix milliseconds, one per line.</summary>
    public static byte[] Payload(long sequence, string hash, DateTimeOffset at) => Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture,
            $"entraide-audit-checkpoint-v1\n{sequence}\n{hash.ToLowerInvariant()}\n{at.ToUnixTimeMilliseconds()}"));
}

/// <summary>What one publication did: the checkpoint, the file written and the receiver it was sent to (each when configured).</summary>
public sealed record CheckpointPublication(AuditCheckpoint? Checkpoint, string? File, string? SentTo, string? Problem);

/// <summary>
/// Publishes signed checkpoints of the chain head to a folder (<c>Audit:Checkpoints:Folder</c>: another
/// disk, a mounted share the secretariat keeps, anything the database's writers cannot rewrite) and/or to
/// the secretariat's receiver (<c>Audit:Checkpoints:Url</c>: the checkpoint's JSON POSTed under the webhooks'
/// outbound address rules, <see cref="IOutboundCalls"/>), and reads the latest back from the folder for
/// <c>audit verify</c>. A rewrite of the whole chain and its head, consistent in itself, no longer matches a
/// checkpoint taken before it. See docs/decisions/0012-audit-tamper-evidence.md.
/// </summary>
public sealed class AuditCheckpoints(IConfiguration configuration, AuditKeys keys, TimeProvider clock, IOutboundCalls outbound)
{
    private const string Prefix = "audit-checkpoint-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The folder, or null when checkpoints are not written to one.</summary>
    public string? Folder => configuration["Audit:Checkpoints:Folder"] is { Length: > 0 } f ? Path.GetFullPath(f) : null;

    /// <summary>The secretariat's receiver of checkpoints, or null.</summary>
    public string? Url => configuration["Audit:Checkpoints:Url"] is { Length: > 0 } u ? u.Trim() : null;

    /// <summary>Checkpoints go somewhere: a folder, a receiver, or both.</summary>
    public bool Configured => Folder is not null || Url is not null;

    /// <summary>How often the server publishes one (<c>Audit:Checkpoints:Interval</c>, a time span; one hour by default).</summary>
    public TimeSpan Interval =>
        TimeSpan.TryParse(configuration["Audit:Checkpoints:Interval"], CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero
            ? t
            : TimeSpan.FromHours(1);

    /// <summary>
    /// Signs the current head, writes it to the folder and sends it to the receiver (those configured). Refuses
    /// (returns a problem, sending nothing) when the head row is gone or does not match the entry it names, or
    /// when the receiver's address is refused; a receiver that cannot be reached or does not answer 2xx is a
    /// problem too, after the file was written. With <paramref name="onlyIfMoved"/>, nothing is published when
    /// the latest checkpoint in the folder already holds this head.
    /// </summary>
    public async Task<CheckpointPublication> PublishAsync(EntraideDbContext db, bool onlyIfMoved, CancellationToken ct)
    {
        if (!Configured) throw new AuditKeyException("Neither Audit:Checkpoints:Folder nor Audit:Checkpoints:Url is configured.");
        var folder = Folder;
        var url = Url;
        if (url is not null && outbound.Refusal(url, null) is { } refused)
            return new(null, null, null, $"Audit:Checkpoints:Url is refused by the outbound address rules ({refused}); nothing was sent");
        var head = await db.Set<AuditChainHead>().AsNoTracking().Where(h => h.Id == AuditChainHead.SingletonId).FirstOrDefaultAsync(ct);
        if (head is null) return new(null, null, null, "the chain head row (trust_audit_head) is missing");
        if (head.Sequence > 0)
        {
            var last = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == head.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
            if (!string.Equals(last, head.Hash, StringComparison.Ordinal))
            {
                return new(null, null, null,
                    $"the chain head names entry {head.Sequence} with a hash that entry does not have; run `entraide audit verify`");
            }
        }
        if (onlyIfMoved && ReadLatest() is { Checkpoint: { } previous } && previous.Sequence == head.Sequence && previous.Hash == head.Hash)
            return new(previous, null, null, null);

        var at = clock.GetUtcNow();
        at = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        var signature = keys.CheckpointKey.SignData(AuditCheckpoint.Payload(head.Sequence, head.Hash, at), HashAlgorithmName.SHA256);
        var cp = new AuditCheckpoint(head.Sequence, head.Hash, at, Convert.ToBase64String(signature));
        var json = JsonSerializer.Serialize(new CheckpointFile(cp.Sequence, cp.Hash, cp.At, AuditCheckpoint.Algorithm, cp.Signature), Json);
        string? path = null;
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            var name = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{cp.Sequence:D19}-{at:yyyyMMdd'T'HHmmssfff}.json");
            path = Path.Combine(folder, name);
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, json, ct);
            File.Move(temp, path, overwrite: true);
        }
        if (url is null) return new(cp, path, null, null);
        var problem = await SendAsync(url, Encoding.UTF8.GetBytes(json), ct);
        return new(cp, path, problem is null ? url : null, problem);
    }

    /// <summary>Posts the checkpoint to the receiver; a problem in one line (never socket details) when it did not take it.</summary>
    private async Task<string?> SendAsync(string url, byte[] json, CancellationToken ct)
    {
        var host = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Authority : url;
        try
        {
            var status = await outbound.PostJsonAsync(url, json, null, ct);
            return status is >= 200 and < 300 ? null : $"the checkpoint receiver {host} answered {status}";
        }
        catch (OutboundCallRefusedException ex)
        {
            return $"the checkpoint receiver {host} resolves to an address Entraide does not call ({ex.Code}); nothing was sent";
        }
        catch (HttpRequestException)
        {
            return $"the checkpoint receiver {host} could not be reached";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"the checkpoint receiver {host} did not answer in time";
        }
    }

    /// <summary>
    /// The latest checkpoint in the folder (by head sequence, then time) with its signature checked; a
    /// problem when it cannot be read or is not signed with this installation's checkpoint key. Neither
    /// when checkpoints are not configured or none was published yet.
    /// </summary>
    public (AuditCheckpoint? Checkpoint, string? Problem) ReadLatest()
    {
        if (Folder is not { } folder || !Directory.Exists(folder)) return (null, null);
        var latest = Directory.EnumerateFiles(folder, Prefix + "*.json").Max(StringComparer.Ordinal);
        if (latest is null) return (null, null);
        var file = Path.GetFileName(latest);
        CheckpointFile? read;
        try
        {
            read = JsonSerializer.Deserialize<CheckpointFile>(File.ReadAllText(latest), Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return (null, $"the checkpoint {file} cannot be read: {ex.Message}");
        }
        if (read is null || read.Hash is not { Length: 64 } || read.Signature is null || read.Algorithm != AuditCheckpoint.Algorithm)
            return (null, $"the checkpoint {file} is incomplete");
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(read.Signature);
        }
        catch (FormatException)
        {
            return (null, $"the checkpoint {file} has a signature that is not base64");
        }
        var cp = new AuditCheckpoint(read.Sequence, read.Hash, read.At, read.Signature);
        ECDsa key;
        try
        {
            key = keys.CheckpointKey;
        }
        catch (AuditKeyException ex)
        {
            return (null, $"the checkpoint {file} cannot be checked: {ex.Message}");
        }
        if (!key.VerifyData(AuditCheckpoint.Payload(cp.Sequence, cp.Hash, cp.At), signature, HashAlgorithmName.SHA256))
            return (null, $"the checkpoint {file} is not signed with this installation's checkpoint key");
        return (cp, null);
    }

    private sealed record CheckpointFile(
        [property: JsonPropertyName("sequence")] long Sequence,
        [property: JsonPropertyName("hash")] string? Hash,
        [property: JsonPropertyName("at")] DateTimeOffset At,
        [property: JsonPropertyName("algorithm")] string? Algorithm,
        [property: JsonPropertyName("signature")] string? Signature);
}

/// <summary>
/// Publishes a checkpoint every <see cref="AuditCheckpoints.Interval"/> while checkpoints are configured, on the
/// instance that holds the <see cref="ScaleOut.BackgroundLease"/>.
/// </summary>
internal sealed partial class AuditCheckpointPublisher(AuditCheckpoints checkpoints, IServiceScopeFactory scopes,
    ScaleOut.BackgroundLease lease, ILogger<AuditCheckpointPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!checkpoints.Configured) return;
        using var timer = new PeriodicTimer(checkpoints.Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!lease.IsHeld) continue;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
                    var p = await checkpoints.PublishAsync(db, onlyIfMoved: true, stoppingToken);
                    if (p.Problem is not null) LogRefused(logger, p.Problem);
                    else if (p.File is not null || p.SentTo is not null) LogPublished(logger, p.Checkpoint!.Sequence, p.File ?? p.SentTo!);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint at sequence {Sequence} published to {File}")]
    private static partial void LogPublished(ILogger logger, long sequence, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "No audit checkpoint published: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing an audit checkpoint failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}

/// <summary>The audit's services.</summary>
public static class AuditServices
{
    public static IServiceCollection AddEntraideAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditSignal>();
        services.AddSingleton<AuditKeys>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddScoped<AuditRecorder>();
        // First among the hosted services: production without a seal key stops before anything else starts.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, AuditKeyCheck>());
        services.AddHostedService<AuditCheckpointPublisher>();
        return services;
    }
}
