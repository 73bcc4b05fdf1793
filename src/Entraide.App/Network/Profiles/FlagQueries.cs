using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Profiles;

/// <summary>
/// What needs a State administrator's attention: the secretariat's flags and the reminders the clock
/// raises by itself (a profile due for review, a point that did not answer a verification message).
/// </summary>
public sealed class FlagQueries(EntraideDbContext db, ICurrentActor current, TimeProvider clock, StateDirectory states)
{
    public async Task<FlagsView> ListAsync(string state, CancellationToken ct)
    {
        state = states.CodeOrNotFound(state);
        current.Current.EnsureCanSee(state);
        var now = clock.GetUtcNow();
        var profile = await db.Set<StateProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.State == state, ct);
        var reminders = new List<ReminderView>();
        var review = Views.Review(profile, now);
        if (review.Overdue) reminders.Add(new ReminderView("profile-review-due", review.DueOn, null, null));
        var points = await db.Set<Authority>().AsNoTracking()
            .Where(a => a.State == state && a.PendingCheckDueBy != null).ToListAsync(ct);
        reminders.AddRange(points.Where(p => p.IsUnansweredAt(now)).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ReminderView("point-unanswered", p.PendingCheckDueBy, p.Id, p.Name)));
        var flags = await db.Set<ProfileFlag>().AsNoTracking().Where(f => f.State == state).ToListAsync(ct);
        return new FlagsView(state, reminders,
            [.. flags.OrderBy(f => f.ResolvedAt is null ? 0 : 1).ThenByDescending(f => f.RaisedAt).Select(Views.Of)]);
    }
}
