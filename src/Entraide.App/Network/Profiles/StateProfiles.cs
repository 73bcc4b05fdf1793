using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Profiles;

/// <summary>
/// What other modules read of a profile, from the profile as in force now; a State that has not yet
/// filled its profile gets the defaults (English, French and Spanish; 8 hours; no reservation).
/// </summary>
internal sealed class StateProfiles(EntraideDbContext db, StateDirectory states) : IStateProfiles
{
    public async Task<CooperationProfile> GetCooperationProfileAsync(string state, CancellationToken ct)
    {
        if (!states.TryGet(state, out var info)) throw DomainException.Invalid("unknown-state", "state");
        var code = info.Iso3;
        var profile = await db.Set<StateProfileRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.State == code, ct);
        var authorities = await db.Set<AuthorityRecord>().AsNoTracking().Where(a => a.State == code).ToListAsync(ct);
        var d = (profile?.ToDetails() ?? ProfileDetails.Default).Declarations;
        var central = authorities.Where(a => a.Kind == AuthorityKinds.CentralAuthority).OrderBy(a => a.Id).Select(Contact).ToList();
        var points = authorities.Where(a => a.Kind == AuthorityKinds.PointOfContact).OrderBy(a => a.Id).Select(Contact).ToList();
        var zone = central.FirstOrDefault()?.TimeZone ?? points.FirstOrDefault()?.TimeZone ?? "Etc/UTC";
        return new CooperationProfile(code, d.AcceptedLanguages, d.RequiresDualCriminalityForPreservation, d.RequiresDualCriminality,
            d.AcceptsUrgentRequestsOrally || d.AcceptsUrgentRequestsByEmail, d.PoliticalOffenceTerms.ToHashSet(StringComparer.Ordinal),
            TimeSpan.FromHours(d.EmergencyAcknowledgementHours), zone, central, points);
    }

    private static ContactPoint Contact(AuthorityRecord a)
    {
        var details = a.ToDetails();
        return new ContactPoint(a.Id, a.Kind, a.Name, a.Email, a.TimeZone, a.AroundTheClock,
            a.AroundTheClock ? [] : [.. details.OfficeHours.Slots.Select(s => new OfficeHours(s.Day, s.Opens, s.Closes))]);
    }
}
