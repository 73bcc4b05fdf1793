using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Profiles;

public sealed record FlagView(Guid Id, string Note, DateTimeOffset RaisedAt, string RaisedBy, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution);

/// <summary>A reminder computed from the clock: a profile due for review, a point that did not answer.</summary>
/// <param name="Code"><c>profile-review-due</c> or <c>point-unanswered</c>.</param>
public sealed record ReminderView(string Code, DateTimeOffset? Since, Guid? AuthorityId, string? AuthorityName);

public sealed record FlagsView(string State, IReadOnlyList<ReminderView> Reminders, IReadOnlyList<FlagView> Flags);

/// <summary>
/// What needs a State administrator's attention: the secretariat's flags (raised by the secretariat,
/// resolved by the State or withdrawn by the secretariat) and the reminders the clock raises by itself.
/// </summary>
public sealed class FlagCommands(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states)
{
    public async Task<FlagsView> ListAsync(string state, CancellationToken ct)
    {
        state = Resolve(state);
        current.Current.EnsureCanSee(state);
        var now = clock.GetUtcNow();
        var profile = await db.Set<StateProfileRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.State == state, ct);
        var reminders = new List<ReminderView>();
        var review = ProfileCommands.Review(profile, now);
        if (review.Overdue) reminders.Add(new ReminderView("profile-review-due", review.DueOn, null, null));
        var points = await db.Set<AuthorityRecord>().AsNoTracking()
            .Where(a => a.State == state && a.PendingCheckDueBy != null).ToListAsync(ct);
        reminders.AddRange(points.Where(p => p.IsUnansweredAt(now)).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ReminderView("point-unanswered", p.PendingCheckDueBy, p.Id, p.Name)));
        var flags = await db.Set<ProfileFlagRecord>().AsNoTracking().Where(f => f.State == state).ToListAsync(ct);
        return new FlagsView(state, reminders,
            [.. flags.OrderBy(f => f.ResolvedAt is null ? 0 : 1).ThenByDescending(f => f.RaisedAt).Select(View)]);
    }

    public async Task<FlagView> RaiseAsync(string state, string? note, CancellationToken ct)
    {
        state = Resolve(state);
        var actor = current.Current;
        if (!actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var errors = new List<DomainError>();
        var text = TextRules.Check(note, "note", 2000, errors, required: true, multiline: true);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        var now = clock.GetUtcNow();
        var flag = new ProfileFlagRecord { Id = Guid.CreateVersion7(now), State = state, Note = text, RaisedAt = now, RaisedBy = actor.DisplayName };
        db.Add(flag);
        audit.Action = "network.flag.raise";
        await db.SaveChangesAsync(ct);
        return View(flag);
    }

    public async Task<FlagView> ResolveAsync(string state, Guid flagId, string? resolution, CancellationToken ct)
    {
        state = Resolve(state);
        var actor = current.Current;
        actor.EnsureCanSee(state);
        var flag = await db.Set<ProfileFlagRecord>().SingleOrDefaultAsync(f => f.Id == flagId && f.State == state, ct)
            ?? throw DomainException.NotFound("flag");
        if (!actor.IsSecretariat && !actor.Has(Roles.StateAdministrator)) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (flag.ResolvedAt is not null) throw DomainException.Conflict("flag-resolved");
        var errors = new List<DomainError>();
        resolution = TextRules.Check(resolution, "resolution", 2000, errors, multiline: true);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        flag.ResolvedAt = clock.GetUtcNow();
        flag.ResolvedBy = actor.DisplayName;
        flag.Resolution = string.IsNullOrWhiteSpace(resolution) ? null : resolution.Trim();
        audit.Action = "network.flag.resolve";
        await db.SaveChangesAsync(ct);
        return View(flag);
    }

    private string Resolve(string state) =>
        states.TryGet(state, out var s) ? s.Iso3 : throw DomainException.NotFound("state");

    private static FlagView View(ProfileFlagRecord f) => new(f.Id, f.Note, f.RaisedAt, f.RaisedBy, f.ResolvedAt, f.ResolvedBy, f.Resolution);
}
