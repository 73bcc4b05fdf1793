using System.Text.Json;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Register;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Profiles;

/// <summary>
/// What every change to a profile or its authorities ends with, in one save: the profile's version
/// rises, a snapshot of the whole profile as it now stands is kept, the change is audited, and the
/// register held in memory is refreshed.
/// </summary>
public sealed class ProfileChanges(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, RegisterSnapshot register)
{
    internal static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    /// <summary>The profile to change, tracked; a State without one gets the defaults, added with this save.</summary>
    public async Task<StateProfile> LoadAsync(string state, int? expectedVersion, CancellationToken ct)
    {
        var profile = await db.Set<StateProfile>().SingleOrDefaultAsync(p => p.State == state, ct);
        if (profile is null)
        {
            profile = StateProfile.Open(state);
            profile.EnsureVersion(expectedVersion);
            db.Add(profile);
            return profile;
        }
        profile.EnsureVersion(expectedVersion);
        return profile;
    }

    /// <summary>Records the change on the profile, keeps its new version, audits under <paramref name="action"/> and saves.</summary>
    public async Task CommitAsync(StateProfile profile, string action, CancellationToken ct)
    {
        var actor = current.Current;
        var now = clock.GetUtcNow();
        profile.RecordChange(actor, now);

        // A tracking query hands back the tracked instances with their pending changes; rows being
        // added are not in the database yet and rows being deleted still are.
        var stored = await db.Set<Authority>().Where(a => a.State == profile.State).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<Authority>()
            .Where(e => e.State == EntityState.Added && e.Entity.State == profile.State).Select(e => e.Entity);
        var live = stored.Where(a => db.Entry(a).State != EntityState.Deleted).Concat(added).ToList();
        db.Add(VersionOf(profile, live, actor, action, now));
        audit.Action = action;
        await SaveAsync(db, ct);
        register.Invalidate();
    }

    /// <summary>The numbered snapshot of a profile and its authorities as they stand after a change.</summary>
    internal static ProfileVersion VersionOf(StateProfile profile, IEnumerable<Authority> authorities, Domain.Trust.Actor actor, string action,
        DateTimeOffset now)
    {
        var details = profile.Details;
        var snapshot = new ProfileSnapshot(Views.StatusCode(details.Status), details.SignedOn, details.RatifiedOn,
            Views.Of(details.Declarations), details.Notes, [.. Views.Ordered(authorities).Select(Views.Snapshot)]);
        return ProfileVersion.Of(profile, JsonSerializer.Serialize(snapshot, SnapshotJson), actor, action, now);
    }

    /// <summary>
    /// Saves; a write that lost a race on a unique key (two first edits of the same profile) answers
    /// 409 like any other lost race, rather than a server error.
    /// </summary>
    public static async Task SaveAsync(EntraideDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw;
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            throw DomainException.Conflict("concurrent-change");
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException p => p.SqlState == "23505",
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19,
        _ => false,
    };
}
