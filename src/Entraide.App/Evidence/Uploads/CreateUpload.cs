using System.Globalization;
using Entraide.App.Cooperation;
using Entraide.App.Evidence.Encryption;
using Entraide.App.Evidence.Storage;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Evidence;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Evidence.Uploads;

/// <summary>
/// tus creation: <c>Upload-Length</c> and <c>Upload-Metadata</c> (<c>requestId</c>, <c>filename</c>, and optionally
/// <c>description</c>, <c>custodian</c>, <c>system</c>, <c>acquisitionMethod</c>, <c>tool</c>, <c>acquiredAt</c>
/// (ISO 8601), <c>acquiredBy</c>, <c>sha256</c> (the hash the sender declares), <c>sha512</c> (<c>true</c> to have one
/// computed), <c>packageId</c>). Other keys (a client's <c>filetype</c>) are ignored.
/// </summary>
public sealed record CreateUpload(long? Length, bool DeferredLength, IReadOnlyDictionary<string, string> Metadata, string? Address);

public sealed class CreateUploadHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    IRequestParties requests, EvidenceKeys keys, EvidenceStorageSettings settings, UploadStaging staging, UploadCompletion completion) : IHandler
{
    public async Task<EvidenceItem> HandleAsync(CreateUpload command, CancellationToken ct)
    {
        var actor = current.Current;
        if (command.DeferredLength) throw new TusException(StatusCodes.Status400BadRequest, "evidence-deferred-length");
        if (command.Length is not { } length) throw new TusException(StatusCodes.Status400BadRequest, "evidence-header", TusProtocol.UploadLength);
        if (length > settings.MaxSize) throw new TusException(StatusCodes.Status413PayloadTooLarge, "evidence-too-large");
        var m = command.Metadata;
        if (!m.TryGetValue("requestId", out var requestText) || !Guid.TryParse(requestText, out var requestId))
            throw DomainException.Invalid(requestText is null ? "required" : "invalid-value", "requestId");
        var request = await requests.FindAsync(requestId, ct);
        if (request is null || actor.PartyOf(request.Parties) is null) throw DomainException.NotFound("request");
        var package = await PackageAsync(requestId, m, actor, ct);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var (dataKey, wrapped, keyId) = keys.NewDataKey(id);
        var item = EvidenceItem.Begin(id, requestId, package.Id, Declaration(m, length), actor, command.Address, now, now + settings.Expiry,
            settings.MaxSize, keyId, wrapped);
        staging.Create(id);
        db.Add(item);
        audit.Action = "evidence.upload.create";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            staging.Delete(id);
            throw;
        }
        // An empty item is complete as soon as it is declared.
        if (length == 0) await completion.AppendAsync(item, dataKey, Stream.Null, null, command.Address, ct);
        return item;
    }

    private async Task<EvidencePackage> PackageAsync(Guid requestId, IReadOnlyDictionary<string, string> m, Actor actor, CancellationToken ct)
    {
        if (m.TryGetValue("packageId", out var text) && text.Length > 0)
        {
            if (!Guid.TryParse(text, out var packageId)) throw DomainException.Invalid("invalid-value", "packageId");
            var given = await db.Set<EvidencePackage>().SingleOrDefaultAsync(p => p.Id == packageId && p.RequestId == requestId, ct)
                ?? throw DomainException.NotFound("package");
            given.EnsureAccepts(actor);
            return given;
        }
        var state = actor.StateCode;
        var open = await db.Set<EvidencePackage>()
            .Where(p => p.RequestId == requestId && p.OwnerStateCode == state && p.SealedAt == null)
            .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        if (open is not null) return open;
        var package = EvidencePackage.Open(requestId, actor, clock.GetUtcNow());
        db.Add(package);
        return package;
    }

    private static EvidenceDeclaration Declaration(IReadOnlyDictionary<string, string> m, long length)
    {
        string? Get(string key) => m.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        DateTimeOffset? acquiredAt = null;
        if (Get("acquiredAt") is { } at)
        {
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                throw DomainException.Invalid("invalid-value", "acquiredAt");
            acquiredAt = parsed;
        }
        var sha512 = Get("sha512") switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw DomainException.Invalid("invalid-value", "sha512"),
        };
        return new EvidenceDeclaration(Get("filename"), length, Get("description"),
            new EvidenceSource(Get("custodian"), Get("system"), Get("acquisitionMethod"), Get("tool"), acquiredAt, Get("acquiredBy")),
            Get("sha256"), sha512);
    }
}
