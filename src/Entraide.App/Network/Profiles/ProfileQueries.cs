using System.Text.Json;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Profiles;

/// <summary>A State's profile and its versions, as the reader may see them.</summary>
public sealed class ProfileQueries(EntraideDbContext db, ICurrentActor current, TimeProvider clock, StateDirectory states)
{
    /// <summary>Contact fields are shown as the caller's audience allows; the review and open flags only to the State and the secretariat.</summary>
    public async Task<ProfileView> GetAsync(string state, string language, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        var actor = current.Current;
        var audience = Audiences.Of(actor, state);
        var now = clock.GetUtcNow();
        var profile = await db.Set<StateProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.State == state, ct);
        var authorities = await db.Set<Authority>().AsNoTracking().Where(a => a.State == state).ToListAsync(ct);
        var details = profile?.Details ?? ProfileDetails.Default;
        var canSeeInternals = actor.CanSee(state);
        int? openFlags = canSeeInternals
            ? await db.Set<ProfileFlag>().CountAsync(f => f.State == state && f.ResolvedAt == null, ct)
            : null;
        return new ProfileView(state, states.ListName(state, language), profile is not null, Views.StatusCode(details.Status),
            details.SignedOn, details.RatifiedOn, Views.Of(details.Declarations),
            audience == Audience.Public ? null : details.Notes,
            profile?.Version ?? 0, profile?.UpdatedAt,
            [.. Views.Ordered(authorities).Select(a => Views.Of(a, audience, now))],
            canSeeInternals ? Views.Review(profile, now) : null,
            openFlags);
    }

    public async Task<IReadOnlyList<VersionSummary>> VersionsAsync(string state, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        current.Current.EnsureCanSee(state);
        return await db.Set<ProfileVersion>().AsNoTracking().Where(v => v.State == state)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.At, v.ActorName, v.Change))
            .ToListAsync(ct);
    }

    public async Task<VersionView> VersionAsync(string state, int number, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        current.Current.EnsureCanSee(state);
        var v = await db.Set<ProfileVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.State == state && v.Number == number, ct)
            ?? throw DomainException.NotFound("version");
        return new VersionView(v.Number, v.At, v.ActorName, v.Change,
            JsonSerializer.Deserialize<ProfileSnapshot>(v.Snapshot, ProfileChanges.SnapshotJson)!);
    }
}
