using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <summary>
/// Remembers a submission by its <c>Idempotency-Key</c>, per actor, with a digest of what was sent,
/// so a retried submission returns the first result and a different body under the same key is refused.
/// </summary>
public sealed class SubmissionKey
{
    private SubmissionKey()
    {
    }

    internal SubmissionKey(string actorId, string key, string requestHash, Guid requestId, DateTimeOffset createdAt)
    {
        ActorId = actorId;
        Key = key;
        RequestHash = requestHash;
        RequestId = requestId;
        CreatedAt = createdAt;
    }

    public string ActorId { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public Guid RequestId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// Idempotent submission: the key a client sends with a submission, the digest of the submission, and
/// the first result a retry with the same key gets back. The key is written in the same save as the
/// request, so a submission and its key are committed together or not at all.
/// </summary>
public sealed class SubmissionKeys(EntraideDbContext db, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key, trimmed; 422 when it is missing, too long or holds a control character.</summary>
    public static string Require(string? key)
    {
        var k = key?.Trim() ?? "";
        if (k.Length == 0) throw DomainException.Invalid("idempotency-key-required", Header);
        if (TextRules.HasForbidden(k)) throw DomainException.Invalid(TextRules.ControlCharacterCode, Header);
        if (k.Length > MaxKeyLength) throw new DomainException(FailureKind.Invalid, TextRules.TooLong(Header, MaxKeyLength));
        return k;
    }

    /// <summary>The digest of sending the saved draft <paramref name="requestId"/>.</summary>
    public static string DigestOfDraft(Guid requestId) => Hash("draft:" + requestId.ToString("N"));

    /// <summary>The digest of a direct submission: the same content in another field order digests the same.</summary>
    public static string DigestOf(DraftRequest body) => Hash("new:" + JsonSerializer.Serialize(Canonical(body), Json));

    /// <summary>Adds the key to the unit of work that saves the submission.</summary>
    public void Remember(Actor actor, string key, string digest, Guid requestId) =>
        db.Add(new SubmissionKey(actor.Id, key, digest, requestId, clock.GetUtcNow()));

    /// <summary>
    /// The request first submitted under this key, or null when the key is new; 422
    /// <c>idempotency-key-reused</c> when the key was used for something else.
    /// </summary>
    public async Task<CooperationRequest?> ReplayAsync(Actor actor, string key, string digest, CancellationToken ct)
    {
        var seen = await db.Set<SubmissionKey>().AsNoTracking().SingleOrDefaultAsync(k => k.ActorId == actor.Id && k.Key == key, ct);
        if (seen is null) return null;
        if (seen.RequestHash != digest) throw DomainException.Invalid("idempotency-key-reused", Header);
        var first = await db.Set<CooperationRequest>().SingleAsync(x => x.Id == seen.RequestId, ct);
        // The first result is answered only to whoever may still read it as its sender.
        if (RequestAccess.SideOf(actor, first) != Side.Requesting) throw DomainException.NotFound("request");
        return first;
    }

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    // Field order must not change the digest of the same submission.
    private static object Canonical(DraftRequest c) => new
    {
        type = c.Type?.Trim().ToLowerInvariant(),
        to = c.RequestedState?.Trim().ToUpperInvariant(),
        c.Language,
        c.Channel,
        c.Confidential,
        fields = (c.Fields ?? new Dictionary<string, string?>()).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new[] { kv.Key, kv.Value?.Trim() }),
        terms = (c.ConductTerms ?? []).Order(StringComparer.Ordinal),
        c.Deadline,
        c.DeadlineReasons,
    };
}
