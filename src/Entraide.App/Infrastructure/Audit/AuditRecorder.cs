using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Entraide.App.Infrastructure.Audit;

/// <summary>
/// Turns every change a save makes into an audit entry (who, which State, what, when, digests of the
/// record before and after), added to the same save so that a change is never committed without its
/// entry. Handlers name the operation with <see cref="Action"/>; the entity's own State is taken from
/// <see cref="IStateOwned"/> where it has one, else the actor's.
/// </summary>
public sealed class AuditRecorder(ICurrentActor actor, TimeProvider clock, AuditSignal signal, AuditKeys keys)
{
    /// <summary>The operation being carried out, e.g. <c>cooperation.request.submit</c>.</summary>
    public string? Action { get; set; }

    internal void Record(DbContext db)
    {
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => Audited(e.Metadata.ClrType))
            .ToList();
        if (changes.Count == 0) return;

        var who = actor.Current;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var e in changes)
        {
            var type = e.Metadata.ClrType.Name;
            var verb = e.State switch
            {
                EntityState.Added => "created",
                EntityState.Modified => "updated",
                _ => "deleted",
            };
            var entry = new AuditEntry
            {
                OccurredAtMs = now,
                ActorId = who.Id,
                StateCode = (e.Entity as IStateOwned)?.OwnerState ?? who.StateCode,
                Action = Action ?? $"{type}.{verb}",
                EntityType = type,
                EntityId = KeyOf(e),
                BeforeDigest = e.State == EntityState.Added ? null : AuditChain.Digest(Canonical(e, original: true)),
                AfterDigest = e.State == EntityState.Deleted ? null : AuditChain.Digest(Canonical(e, original: false)),
            };
            entry.Seal = keys.Seal(entry);
            db.Add(entry);
        }
    }

    internal void Saved() => signal.Notify();

    /// <summary>
    /// The entry <see cref="Record"/> writes for a created entity, for a row inserted without Entity
    /// Framework: its properties by name, as the model names them (the order does not matter).
    /// </summary>
    internal AuditEntry Created(string entityType, string entityId, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var who = actor.Current;
        var sb = new StringBuilder();
        foreach (var (name, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal)) Append(sb, name, value);
        var entry = new AuditEntry
        {
            OccurredAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ActorId = who.Id,
            StateCode = who.StateCode,
            Action = Action ?? $"{entityType}.created",
            EntityType = entityType,
            EntityId = entityId,
            BeforeDigest = null,
            AfterDigest = AuditChain.Digest(sb.ToString()),
        };
        entry.Seal = keys.Seal(entry);
        return entry;
    }

    private static readonly ConcurrentDictionary<Type, bool> AuditedTypes = new();

    internal static bool Audited(Type t) =>
        AuditedTypes.GetOrAdd(t, static t => t != typeof(AuditEntry)
            // The host's data-protection keys belong to no State, and the key manager writes them on its own.
            && t != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)
            && !t.IsDefined(typeof(NotAuditedAttribute), inherit: false));

    // Per entity type, its properties in the canonical order (by name, ordinal) with their getters (null for a shadow property).
    private static readonly ConcurrentDictionary<IEntityType, (IProperty Property, IClrPropertyGetter? Get)[]> CanonicalOrder = new();

    private static (IProperty Property, IClrPropertyGetter? Get)[] OrderOf(IEntityType t) =>
        CanonicalOrder.GetOrAdd(t, static t =>
        [
            .. t.GetProperties()
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => (p, p.IsShadowProperty() ? null : p.GetGetter())),
        ]);

    internal static string KeyOf(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join("/", key.Properties.Select(p =>
        {
            var prop = e.Property(p.Name);
            return prop.IsTemporary ? "new" : Convert.ToString(prop.CurrentValue, CultureInfo.InvariantCulture) ?? "";
        }));
    }

    // Property name=value lines in a fixed order: the same record always digests the same. `audit verify --rows`
    // digests the rows as read back from the database the same way (AuditRows).
    internal static string Canonical(EntityEntry e, bool original)
    {
        var sb = new StringBuilder(512);
        var values = original ? e.OriginalValues : null;
        foreach (var (p, get) in OrderOf(e.Metadata))
        {
            var value = values is not null ? values[p] : get is not null ? get.GetClrValueUsingContainingEntity(e.Entity) : e.CurrentValues[p];
            Append(sb, p.Name, value);
        }
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string name, object? value) =>
        sb.Append(name).Append('=').Append(Format(value)).Append('\n');

    private static string Format(object? v) => v switch
    {
        null => "\u2205",
        DateTimeOffset d => Microseconds(d.UtcTicks).ToString(CultureInfo.InvariantCulture),
        DateTime d => Microseconds(d.Ticks).ToString(CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    // PostgreSQL keeps times to the microsecond (counted from 2000-01-01, the remainder dropped): a time is
    // digested as it reads back from either database, so that a row's digest can be recomputed from it.
    private const long PostgresEpochTicks = 630822816000000000;

    private static long Microseconds(long ticks) => ticks - (ticks - PostgresEpochTicks) % TimeSpan.TicksPerMicrosecond;
}

/// <summary>Wakes the chainer when new entries were committed.</summary>
public sealed class AuditSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        if (_pending.CurrentCount == 0)
        {
            try { _pending.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);
}
