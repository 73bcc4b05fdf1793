using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network;
using Entraide.App.Notifications;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Clocks;

public sealed record SweepResult(DateTimeOffset At, int Escalated, int Reminded, int Overdue);

/// <summary>
/// One pass of the legal clocks at a given instant: emergency requests not acknowledged in time are
/// escalated to the requested State's other 24/7 contacts; preservations nearing their end remind both
/// sides (unless a follow-up request holds them); requests past their requester's deadline are marked
/// overdue. The request's verbs decide what is due and record it on its timeline, once; the sweep finds
/// the candidates through the clocks' partial indexes, tells the States and saves the pass in one save.
/// </summary>
public sealed class ClockSweep(EntraideDbContext db, AuditRecorder audit, IStateProfiles profiles, INotifications notifications)
{
    private const int Batch = 500;

    /// <summary>The contact's first official language, else the State's first accepted one, else English.</summary>
    internal static string WritingLanguage(ContactPoint contact, CooperationProfile profile) =>
        (contact.Languages ?? []).Concat(profile.AcceptedLanguages).Select(Languages.Normalise).FirstOrDefault(l => l is not null)
            ?? Languages.Default;

    public async Task<SweepResult> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var escalated = await EscalateAsync(now, ct);
        var reminded = await RemindAsync(now, ct);
        var overdue = await MarkOverdueAsync(now, ct);
        if (escalated + reminded + overdue > 0)
        {
            audit.Action = "cooperation.clocks.sweep";
            await db.SaveChangesAsync(ct);
        }
        return new SweepResult(now, escalated, reminded, overdue);
    }

    private async Task<int> EscalateAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Set<CooperationRequest>().Where(r => r.AcknowledgeBy != null && r.AcknowledgeBy <= now && r.AcknowledgedAt == null
            && r.EscalatedAt == null && r.Status == RequestStatus.Submitted).OrderBy(r => r.AcknowledgeBy).Take(Batch).ToListAsync(ct);
        var count = 0;
        foreach (var r in due)
        {
            var profile = await profiles.GetCooperationProfileAsync(r.RequestedState, ct);
            // The primary point was alerted at submission; escalation reaches the others: the accounts of the
            // 24/7 and central authority roles, and by e-mail each other 24/7 contact of the register.
            var others = profile.PointsOfContact.Skip(1).ToList();
            if (!r.Escalate(now, others.Select(c => c.Name))) continue;
            count++;
            var hours = ((int)Math.Floor((now - r.SubmittedAt!.Value).TotalHours)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var contacts = others.Where(c => !string.IsNullOrWhiteSpace(c.Email))
                .Select(c => new ContactAddress(c.Name, c.Email!, WritingLanguage(c, profile))).ToList();
            notifications.Enqueue(new Notification(r.RequestedState, [Roles.PointOfContact, Roles.CentralAuthority],
                NotificationKinds.EmergencyEscalated, Link(r), r.Id, true, [r.Reference, r.RequestingState, hours], contacts));
            notifications.Enqueue(new Notification(r.RequestingState, RequestAccess.CooperationRoles, NotificationKinds.RequestStatusChanged,
                Link(r), r.Id, true, [r.Reference, "acknowledgement-late", r.RequestedState]));
        }
        return count;
    }

    private async Task<int> RemindAsync(DateTimeOffset now, CancellationToken ct)
    {
        var set = db.Set<CooperationRequest>();
        var horizon = now + PreservationClock.ReminderBefore;
        var expiring = await set.Where(r => r.Type == RequestType.ExpeditedPreservation && r.PreservationExpiresAt != null
                && r.PreservationExpiresAt <= horizon && r.PreservationReminderAt == null
                && (r.Status == RequestStatus.Executed || r.Status == RequestStatus.PartiallyExecuted))
            .OrderBy(r => r.PreservationExpiresAt).Take(Batch).ToListAsync(ct);
        var followUps = expiring.Where(r => r.FollowUpRequestId != null).Select(r => r.FollowUpRequestId!.Value).ToList();
        var followUpStatus = followUps.Count == 0
            ? []
            : await set.Where(f => followUps.Contains(f.Id)).Select(f => new { f.Id, f.Status }).ToDictionaryAsync(f => f.Id, f => f.Status, ct);
        var count = 0;
        foreach (var r in expiring)
        {
            RequestStatus? held = r.FollowUpRequestId is { } f && followUpStatus.TryGetValue(f, out var s) ? s : null;
            if (!r.RemindPreservationExpiry(now, held)) continue;
            count++;
            var expires = r.PreservationExpiresAt!.Value;
            var iso = expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var daysLeft = Math.Max(0, (int)Math.Ceiling((expires - now).TotalDays)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (state, roles) in BothSides(r))
                notifications.Enqueue(new Notification(state, roles, NotificationKinds.PreservationExpiring, Link(r), r.Id, true,
                    [r.Reference, iso, daysLeft]));
        }
        return count;
    }

    private async Task<int> MarkOverdueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var overdue = await db.Set<CooperationRequest>().Where(r => r.DeadlineAt != null && r.DeadlineAt < now && r.OverdueSince == null
                && r.Status != RequestStatus.Draft && r.Status != RequestStatus.Executed && r.Status != RequestStatus.Refused
                && r.Status != RequestStatus.Withdrawn)
            .OrderBy(r => r.DeadlineAt).Take(Batch).ToListAsync(ct);
        var count = 0;
        foreach (var r in overdue)
        {
            if (!r.MarkOverdue(now)) continue;
            count++;
            foreach (var (state, roles) in BothSides(r))
            {
                var other = state == r.RequestingState ? r.RequestedState : r.RequestingState;
                notifications.Enqueue(new Notification(state, roles, NotificationKinds.RequestStatusChanged, Link(r), r.Id, r.Urgent,
                    [r.Reference, "overdue", other]));
            }
        }
        return count;
    }

    private static (string State, string[] Roles)[] BothSides(CooperationRequest r) =>
        [(r.RequestingState, RequestAccess.CooperationRoles), (r.RequestedState, RequestAccess.RecipientRoles(r.Spec, r.Channel))];

    private static string Link(CooperationRequest r) => $"/requests/{r.Id}";
}
