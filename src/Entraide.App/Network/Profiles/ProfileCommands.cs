using System.Text.Json;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Profiles;

/// <summary>
/// Reads and changes a State's profile and authorities. Every change is made by the State's
/// administrators only, bumps the profile's version, stores a snapshot of the whole profile as it then
/// stands, and is audited, all in one save.
/// </summary>
public sealed class ProfileCommands(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states, Register.RegisterSnapshot register)
{
    internal static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    public async Task<ProfileView> GetAsync(string state, string language, CancellationToken ct)
    {
        state = Resolve(state);
        var actor = current.Current;
        var audience = Views.AudienceOf(actor, state);
        var now = clock.GetUtcNow();
        var profile = await db.Set<StateProfileRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.State == state, ct);
        var authorities = await db.Set<AuthorityRecord>().AsNoTracking().Where(a => a.State == state).ToListAsync(ct);
        var details = profile?.ToDetails() ?? ProfileDetails.Default;
        var canSeeInternals = actor.IsSecretariat || actor.BelongsTo(state);
        int? openFlags = canSeeInternals
            ? await db.Set<ProfileFlagRecord>().CountAsync(f => f.State == state && f.ResolvedAt == null, ct)
            : null;
        return new ProfileView(state, states.ListName(state, language), profile is not null, Views.StatusCode(details.Status),
            details.SignedOn, details.RatifiedOn, Views.Of(details.Declarations),
            audience == Audience.Public ? null : details.Notes,
            profile?.Version ?? 0, profile?.UpdatedAt,
            [.. authorities.OrderBy(a => Views.KindOrder(a.Kind)).ThenBy(a => a.Id).Select(a => Views.Of(a, audience, now))],
            canSeeInternals ? Review(profile, now) : null,
            openFlags);
    }

    internal static ReviewView Review(StateProfileRecord? profile, DateTimeOffset now) => profile is null
        ? new ReviewView(null, null, Overdue: true)
        : new ReviewView(profile.UpdatedAt, ProfileReview.DueOn(profile.UpdatedAt), ProfileReview.IsOverdue(profile.UpdatedAt, now));

    public async Task<ProfileView> UpdateAsync(string state, ProfileInput input, CancellationToken ct)
    {
        state = Resolve(state);
        current.Current.EnsureCanChange(state, Roles.StateAdministrator);
        var errors = new List<DomainError>();
        var status = Views.ParseStatus(input.Status);
        if (status is null) errors.Add(new DomainError("unknown-status", "status"));
        var details = new ProfileDetails(status ?? ConventionStatus.None, input.SignedOn, input.RatifiedOn,
            new Declarations(input.RequiresDualCriminalityForPreservation, input.RequiresDualCriminality,
                Clean(input.PoliticalOffenceTerms), [.. Clean(input.AcceptedLanguages).Select(l => l.ToLowerInvariant())],
                input.AcceptsUrgentRequestsOrally, input.AcceptsUrgentRequestsByEmail, Clean(input.CriminalisedOptionalCategories),
                input.EmergencyAcknowledgementHours ?? Declarations.DefaultEmergencyAcknowledgementHours),
            string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim());
        var now = clock.GetUtcNow();
        errors.AddRange(details.Validate(DateOnly.FromDateTime(now.UtcDateTime)));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var profile = await LoadForChangeAsync(state, input.ExpectedVersion, ct);
        profile.Apply(details);
        await CommitAsync(profile, "network.profile.update", ct);
        return await GetAsync(state, Languages.Default, ct);
    }

    /// <summary>The administrators confirm the profile is still accurate: the twelve-month reminder starts again.</summary>
    public async Task<ProfileView> ConfirmAsync(string state, int? expectedVersion, CancellationToken ct)
    {
        state = Resolve(state);
        current.Current.EnsureCanChange(state, Roles.StateAdministrator);
        var profile = await LoadForChangeAsync(state, expectedVersion, ct);
        await CommitAsync(profile, "network.profile.confirm", ct);
        return await GetAsync(state, Languages.Default, ct);
    }

    public async Task<AuthorityView> CreateAuthorityAsync(string state, AuthorityInput input, CancellationToken ct)
    {
        state = Resolve(state);
        current.Current.EnsureCanChange(state, Roles.StateAdministrator);
        var details = Validate(input);
        var profile = await LoadForChangeAsync(state, null, ct);
        var now = clock.GetUtcNow();
        var record = new AuthorityRecord
        {
            Id = Guid.CreateVersion7(now),
            State = state,
            Kind = details.Kind,
            Name = details.Name,
            TimeZone = details.TimeZone,
            CreatedAt = now,
            Version = 1,
        };
        record.Apply(details);
        Stamp(record, now);
        db.Add(record);
        await CommitAsync(profile, "network.authority.create", ct);
        return Views.Of(record, Audience.Owner, now);
    }

    public async Task<AuthorityView> GetAuthorityAsync(string state, Guid id, CancellationToken ct)
    {
        state = Resolve(state);
        var record = await db.Set<AuthorityRecord>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.State == state, ct)
            ?? throw DomainException.NotFound("authority");
        return Views.Of(record, Views.AudienceOf(current.Current, state), clock.GetUtcNow());
    }

    public async Task<AuthorityView> UpdateAuthorityAsync(string state, Guid id, AuthorityInput input, CancellationToken ct)
    {
        state = Resolve(state);
        current.Current.EnsureCanChange(state, Roles.StateAdministrator);
        var record = await FindOwnAsync(state, id, ct);
        var details = Validate(input);
        if (input.ExpectedVersion is { } v && v != record.Version) throw DomainException.Conflict("stale-version");
        var profile = await LoadForChangeAsync(state, null, ct);
        var now = clock.GetUtcNow();
        record.Apply(details);
        record.Version++;
        Stamp(record, now);
        // A point that stops being a 24/7 point has no verification to answer any more.
        if (record.Kind != AuthorityKinds.PointOfContact) record.PendingCheckDueBy = null;
        await CommitAsync(profile, "network.authority.update", ct);
        return Views.Of(record, Audience.Owner, now);
    }

    public async Task DeleteAuthorityAsync(string state, Guid id, int? expectedVersion, CancellationToken ct)
    {
        state = Resolve(state);
        current.Current.EnsureCanChange(state, Roles.StateAdministrator);
        var record = await FindOwnAsync(state, id, ct);
        if (expectedVersion is { } v && v != record.Version) throw DomainException.Conflict("stale-version");
        var profile = await LoadForChangeAsync(state, null, ct);
        db.Remove(record);
        await CommitAsync(profile, "network.authority.delete", ct);
    }

    public async Task<IReadOnlyList<VersionSummary>> VersionsAsync(string state, CancellationToken ct)
    {
        state = Resolve(state);
        current.Current.EnsureCanSee(state);
        var rows = await db.Set<ProfileVersionRecord>().AsNoTracking().Where(v => v.State == state)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.At, v.ActorName, v.Change))
            .ToListAsync(ct);
        return rows;
    }

    public async Task<VersionView> VersionAsync(string state, int number, CancellationToken ct)
    {
        state = Resolve(state);
        current.Current.EnsureCanSee(state);
        var v = await db.Set<ProfileVersionRecord>().AsNoTracking().SingleOrDefaultAsync(v => v.State == state && v.Number == number, ct)
            ?? throw DomainException.NotFound("version");
        return new VersionView(v.Number, v.At, v.ActorName, v.Change, JsonSerializer.Deserialize<ProfileSnapshot>(v.Snapshot, SnapshotJson)!);
    }

    private string Resolve(string state) =>
        states.TryGet(state, out var s) ? s.Iso3 : throw DomainException.NotFound("state");

    private async Task<AuthorityRecord> FindOwnAsync(string state, Guid id, CancellationToken ct) =>
        await db.Set<AuthorityRecord>().SingleOrDefaultAsync(a => a.Id == id && a.State == state, ct)
            ?? throw DomainException.NotFound("authority");

    private async Task<StateProfileRecord> LoadForChangeAsync(string state, int? expectedVersion, CancellationToken ct)
    {
        var profile = await db.Set<StateProfileRecord>().SingleOrDefaultAsync(p => p.State == state, ct);
        if (expectedVersion is { } v && v != (profile?.Version ?? 0)) throw DomainException.Conflict("stale-version");
        if (profile is not null) return profile;
        profile = new StateProfileRecord { State = state, Version = 0 };
        profile.Apply(ProfileDetails.Default);
        db.Add(profile);
        return profile;
    }

    private void Stamp(AuthorityRecord record, DateTimeOffset now)
    {
        record.UpdatedAt = now;
        record.UpdatedBy = current.Current.DisplayName;
    }

    /// <summary>Bumps the version, keeps a snapshot of the profile as it now stands, audits and saves.</summary>
    private async Task CommitAsync(StateProfileRecord profile, string action, CancellationToken ct)
    {
        var actor = current.Current;
        var now = clock.GetUtcNow();
        profile.Version++;
        profile.UpdatedAt = now;
        profile.UpdatedBy = actor.DisplayName;

        // A tracking query hands back the tracked instances with their pending changes; rows being
        // added are not in the database yet and rows being deleted still are.
        var stored = await db.Set<AuthorityRecord>().Where(a => a.State == profile.State).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<AuthorityRecord>()
            .Where(e => e.State == EntityState.Added && e.Entity.State == profile.State).Select(e => e.Entity);
        var live = stored.Where(a => db.Entry(a).State != EntityState.Deleted).Concat(added).ToList();
        db.Add(VersionOf(profile, live, actor, action, now));
        audit.Action = action;
        await NetworkSave.SaveAsync(db, ct);
        register.Invalidate();
    }

    /// <summary>The numbered snapshot of a profile and its authorities as they stand after a change.</summary>
    internal static ProfileVersionRecord VersionOf(StateProfileRecord profile, IEnumerable<AuthorityRecord> authorities, Actor actor, string action, DateTimeOffset now)
    {
        var details = profile.ToDetails();
        var snapshot = new ProfileSnapshot(Views.StatusCode(details.Status), details.SignedOn, details.RatifiedOn,
            Views.Of(details.Declarations), details.Notes,
            [.. authorities.OrderBy(a => Views.KindOrder(a.Kind)).ThenBy(a => a.Id).Select(Views.Snapshot)]);
        return new ProfileVersionRecord
        {
            Id = Guid.CreateVersion7(now),
            State = profile.State,
            Number = profile.Version,
            At = now,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            Change = action,
            Snapshot = JsonSerializer.Serialize(snapshot, SnapshotJson),
        };
    }

    private static IReadOnlyList<string> Clean(IReadOnlyList<string>? items) =>
        items is null ? [] : [.. items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal)];

    /// <summary>Turns the input into details, collecting every problem rather than stopping at the first.</summary>
    internal static AuthorityDetails Validate(AuthorityInput input)
    {
        var errors = new List<DomainError>();
        var schedule = OfficeSchedule.Empty;
        try
        {
            schedule = OfficeSchedule.Parse(input.OfficeHours);
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors);
        }
        var details = new AuthorityDetails(
            input.Kind?.Trim() ?? "",
            input.Name?.Trim() ?? "",
            string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim(),
            Clean(input.Phones),
            string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            [.. Clean(input.Languages).Select(l => l.ToLowerInvariant())],
            schedule,
            input.TimeZone?.Trim() ?? "",
            string.IsNullOrWhiteSpace(input.PreferredChannel) ? ReplyChannels.Platform : input.PreferredChannel.Trim(),
            input.AroundTheClock, input.AddressPublic, input.EmailPublic, input.PhonesPublic);
        errors.AddRange(details.Validate());
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return details;
    }
}

internal static class NetworkSave
{
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
