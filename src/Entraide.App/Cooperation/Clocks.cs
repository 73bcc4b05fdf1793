using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network;
using Entraide.App.Notifications;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Notifications;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation;

public sealed record SweepResult(DateTimeOffset At, int Escalated, int Reminded, int Overdue);

/// <summary>
/// One pass of the legal clocks at a given instant: emergency requests not acknowledged in time are
/// escalated to the requested State's other 24/7 contacts; preservations nearing their end remind the
/// requesting State (unless a follow-up request holds them); requests past their requester's deadline
/// are marked overdue. Each fires once per request, recorded on its timeline.
/// </summary>
public sealed class ClockSweep(EntraideDbContext db, AuditRecorder audit, IStateProfiles profiles, INotifications notifications)
{
    private const int Batch = 500;

    /// <summary>The contact's first official language, else the State's first accepted one, else English.</summary>
    internal static string WritingLanguage(ContactPoint contact, CooperationProfile profile) =>
        (contact.Languages ?? []).Concat(profile.AcceptedLanguages).Select(Languages.Normalise).FirstOrDefault(l => l is not null) ?? Languages.Default;

    public async Task<SweepResult> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var set = db.Set<CooperationRequest>();
        var escalate = await set.Where(r => r.AcknowledgeBy != null && r.AcknowledgeBy <= now && r.AcknowledgedAt == null && r.EscalatedAt == null
            && r.Status == RequestStatus.Submitted).OrderBy(r => r.AcknowledgeBy).Take(Batch).ToListAsync(ct);
        foreach (var r in escalate)
        {
            var profile = await profiles.GetCooperationProfileAsync(r.RequestedState, ct);
            // The primary point was alerted at submission; escalation reaches the others: the accounts of the
            // 24/7 and central authority roles, and by e-mail each other 24/7 contact of the register.
            var others = profile.PointsOfContact.Skip(1).ToList();
            r.EscalatedAt = now;
            Event(r, now, "escalated", string.Join(", ", others.Select(c => c.Name)));
            var hours = ((int)Math.Floor((now - r.SubmittedAt!.Value).TotalHours)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var contacts = others.Where(c => !string.IsNullOrWhiteSpace(c.Email))
                .Select(c => new ContactAddress(c.Name, c.Email!, WritingLanguage(c, profile))).ToList();
            notifications.Enqueue(new Notification(r.RequestedState, [Roles.PointOfContact, Roles.CentralAuthority], NotificationKinds.EmergencyEscalated,
                $"/requests/{r.Id}", r.Id, true, [r.Reference, r.RequestingState, hours], contacts));
            notifications.Enqueue(new Notification(r.RequestingState, RequestAccess.CooperationRoles, NotificationKinds.RequestStatusChanged,
                $"/requests/{r.Id}", r.Id, true, [r.Reference, "acknowledgement-late", r.RequestedState]));
        }

        var horizon = now + PreservationClock.ReminderBefore;
        var expiring = await set.Where(r => r.Type == RequestType.ExpeditedPreservation && r.PreservationExpiresAt != null && r.PreservationExpiresAt <= horizon
            && r.PreservationReminderAt == null && (r.Status == RequestStatus.Executed || r.Status == RequestStatus.PartiallyExecuted))
            .OrderBy(r => r.PreservationExpiresAt).Take(Batch).ToListAsync(ct);
        var followUps = expiring.Where(r => r.FollowUpRequestId != null).Select(r => r.FollowUpRequestId!.Value).ToList();
        var followUpStatus = followUps.Count == 0 ? [] : await set.Where(f => followUps.Contains(f.Id)).Select(f => new { f.Id, f.Status }).ToDictionaryAsync(f => f.Id, f => f.Status, ct);
        var reminded = 0;
        foreach (var r in expiring)
        {
            if (PreservationClock.HeldByFollowUp(r.FollowUpRequestId is { } f && followUpStatus.TryGetValue(f, out var s) ? s : null)) continue;
            r.PreservationReminderAt = now;
            reminded++;
            var until = r.PreservationExpiresAt!.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
            var iso = r.PreservationExpiresAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var daysLeft = Math.Max(0, (int)Math.Ceiling((r.PreservationExpiresAt!.Value - now).TotalDays)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Event(r, now, "preservation-expiry-reminder", until);
            foreach (var (state, roles) in new[] { (r.RequestingState, RequestAccess.CooperationRoles), (r.RequestedState, RequestAccess.RecipientRoles(r.Spec, r.Channel)) })
                notifications.Enqueue(new Notification(state, roles, NotificationKinds.PreservationExpiring, $"/requests/{r.Id}", r.Id, true, [r.Reference, iso, daysLeft]));
        }

        var overdue = await set.Where(r => r.DeadlineAt != null && r.DeadlineAt < now && r.OverdueSince == null && r.Status != RequestStatus.Draft
            && r.Status != RequestStatus.Executed && r.Status != RequestStatus.Refused && r.Status != RequestStatus.Withdrawn)
            .OrderBy(r => r.DeadlineAt).Take(Batch).ToListAsync(ct);
        foreach (var r in overdue)
        {
            r.OverdueSince = now;
            Event(r, now, "overdue", null);
            foreach (var (state, roles) in new[] { (r.RequestingState, RequestAccess.CooperationRoles), (r.RequestedState, RequestAccess.RecipientRoles(r.Spec, r.Channel)) })
                notifications.Enqueue(new Notification(state, roles, NotificationKinds.RequestStatusChanged, $"/requests/{r.Id}", r.Id, r.Urgent, [r.Reference, "overdue", state == r.RequestingState ? r.RequestedState : r.RequestingState]));
        }

        if (escalate.Count + reminded + overdue.Count > 0)
        {
            audit.Action = "cooperation.clocks.sweep";
            await db.SaveChangesAsync(ct);
        }
        return new SweepResult(now, escalate.Count, reminded, overdue.Count);
    }

    private void Event(CooperationRequest r, DateTimeOffset now, string action, string? detail) =>
        db.Add(new RequestEvent
        {
            Id = Guid.CreateVersion7(),
            RequestId = r.Id,
            At = now,
            ActorId = Actor.System.Id,
            ActorName = Actor.System.DisplayName,
            ActorState = null,
            Action = action,
            Reasons = string.IsNullOrEmpty(detail) ? null : detail,
        });
}

/// <summary>Runs the <see cref="ClockSweep"/> on a timer driven by the injected <see cref="TimeProvider"/>.</summary>
public sealed partial class CooperationClocks(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CooperationClocks> logger) : BackgroundService
{
    private TaskCompletionSource<SweepResult> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(configuration.GetValue("Cooperation:ClockIntervalSeconds", 60));

    /// <summary>Completes when the next sweep has run (for tests driving the clock).</summary>
    public Task<SweepResult> NextSweep => Volatile.Read(ref _next).Task;

    private PeriodicTimer? _timer;

    // The timer starts with the service, not when ExecuteAsync gets a thread, so the first tick is
    // due exactly one interval after start (a fake clock advanced right after start fires it).
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(Interval, clock);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer!;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Off the thread that moved the clock: a clock advanced by many intervals at once fires
                // one tick per interval, and each sweep must not run inside that loop.
                await Task.Yield();
                SweepResult? result = null;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    result = await scope.ServiceProvider.GetRequiredService<ClockSweep>().RunAsync(clock.GetUtcNow(), stoppingToken);
                    if (result.Escalated + result.Reminded + result.Overdue > 0) LogSwept(logger, result.Escalated, result.Reminded, result.Overdue);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed pass is retried at the next tick; nothing was half-written (one save per pass).
                    LogSweepFailed(logger, ex);
                }
                var done = Interlocked.Exchange(ref _next, new TaskCompletionSource<SweepResult>(TaskCreationOptions.RunContinuationsAsynchronously));
                if (result is not null) done.TrySetResult(result); else done.TrySetException(new InvalidOperationException("Clock sweep failed."));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cooperation clocks: {Escalated} escalated, {Reminded} preservation reminders, {Overdue} overdue")]
    private static partial void LogSwept(ILogger logger, int escalated, int reminded, int overdue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cooperation clock sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
