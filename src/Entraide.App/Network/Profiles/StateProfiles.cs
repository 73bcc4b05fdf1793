using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Register;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Profiles;

/// <summary>
/// What other modules read of a profile, from the profile as in force now; a State that has not yet
/// filled its profile gets the defaults (English, French and Spanish; 8 hours; no reservation).
/// </summary>
internal sealed class StateProfiles(EntraideDbContext db, StateDirectory states, CooperationProfileCache cache,
    RegisterSnapshot register) : IStateProfiles
{
    public async Task<CooperationProfile> GetCooperationProfileAsync(string state, CancellationToken ct)
    {
        if (!states.TryGet(state, out var info)) throw DomainException.Invalid("unknown-state", "state");
        var code = info.Iso3;
        // Read before loading: a write made meanwhile leaves the entry stale and forces the next load.
        var generation = register.Generation;
        if (cache.TryGet(code, generation, out var cached)) return cached;
        var loaded = await LoadCooperationProfileAsync(code, ct);
        cache.Set(code, generation, loaded);
        return loaded;
    }

    public async Task<DeclaredCriminalisation> GetDeclaredCriminalisationAsync(string state, CancellationToken ct)
    {
        if (!states.TryGet(state, out var info)) throw DomainException.Invalid("unknown-state", "state");
        var code = info.Iso3;
        var row = await db.Set<StateProfile>().AsNoTracking().Where(p => p.State == code)
            .Select(p => new { p.CriminalisedOptionalCategories, p.NotCriminalisedOptionalCategories, p.Version, p.UpdatedAt })
            .SingleOrDefaultAsync(ct);
        return row is null
            ? new DeclaredCriminalisation(code, [], null, null)
            : new DeclaredCriminalisation(code, StoredLists.Split(row.CriminalisedOptionalCategories), row.Version, row.UpdatedAt)
            {
                NotCriminalisedCategories = StoredLists.Split(row.NotCriminalisedOptionalCategories),
            };
    }

    private async Task<CooperationProfile> LoadCooperationProfileAsync(string code, CancellationToken ct)
    {
        var profile = await db.Set<StateProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.State == code, ct);
        var authorities = await db.Set<Authority>().AsNoTracking().Where(a => a.State == code).ToListAsync(ct);
        var d = (profile?.Details ?? ProfileDetails.Default).Declarations;
        var central = authorities.Where(a => a.Kind == AuthorityKinds.CentralAuthority).OrderBy(a => a.Id).Select(Contact).ToList();
        var points = authorities.Where(a => a.Kind == AuthorityKinds.PointOfContact).OrderBy(a => a.Id).Select(Contact).ToList();
        var zone = central.FirstOrDefault()?.TimeZone ?? points.FirstOrDefault()?.TimeZone ?? "Etc/UTC";
        return new CooperationProfile(code, d.AcceptedLanguages, d.RequiresDualCriminalityForPreservation, d.RequiresDualCriminality,
            d.AcceptsUrgentRequestsOrally || d.AcceptsUrgentRequestsByEmail, d.PoliticalOffenceTerms.ToHashSet(StringComparer.Ordinal),
            TimeSpan.FromHours(d.EmergencyAcknowledgementHours), zone, central, points);
    }

    private static ContactPoint Contact(Authority a)
    {
        var details = a.Details;
        return new ContactPoint(a.Id, a.Kind, a.Name, a.Email, a.TimeZone, a.AroundTheClock,
            a.AroundTheClock ? [] : [.. details.OfficeHours.Slots.Select(s => new OfficeHours(s.Day, s.Opens, s.Closes))], a.LanguageList);
    }
}

/// <summary>
/// Cooperation profiles held in memory: every request submitted and every request shown reads the
/// profiles of both States, which change a few times a year. Every Network write in this process
/// invalidates them at once (through <see cref="RegisterSnapshot.Generation"/>); a write made by
/// another instance shows within <see cref="RegisterSnapshot.MaxAge"/>.
/// </summary>
internal sealed class CooperationProfileCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(CooperationProfile Profile, long Generation, long LoadedAt);

    public bool TryGet(string state, long generation, out CooperationProfile profile)
    {
        if (_entries.TryGetValue(state, out var e) && e.Generation == generation
            && System.Diagnostics.Stopwatch.GetElapsedTime(e.LoadedAt) < RegisterSnapshot.MaxAge)
        {
            profile = e.Profile;
            return true;
        }
        profile = null!;
        return false;
    }

    public void Set(string state, long generation, CooperationProfile profile) =>
        _entries[state] = new Entry(profile, generation, System.Diagnostics.Stopwatch.GetTimestamp());
}
