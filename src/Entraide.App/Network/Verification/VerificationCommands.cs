using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.Persistence;
using Entraide.App.Notifications;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Verification;

/// <param name="ResponseHours">Time allowed to acknowledge, in hours (default 24; from 0.25 to 336).</param>
public sealed record StartRound(double? ResponseHours, string? Message);

public sealed record SummaryView(
    int Sent, int Acknowledged, int WithinOneHour, int WithinOneDay, int Late, int Pending, int Unanswered,
    double ShareWithinOneHour, double ShareWithinOneDay, double? MedianMinutesToAcknowledge)
{
    public static SummaryView Of(RoundSummary s) => new(s.Sent, s.Acknowledged, s.WithinOneHour, s.WithinOneDay, s.Late, s.Pending, s.Unanswered,
        Math.Round(s.ShareWithinOneHour, 4), Math.Round(s.ShareWithinOneDay, 4), s.MedianTimeToAcknowledge is { } m ? Math.Round(m.TotalMinutes, 1) : null);
}

public sealed record RoundView(Guid Id, DateTimeOffset StartedAt, string StartedBy, DateTimeOffset DueBy, string? Message, SummaryView Summary);

public sealed record CheckView(
    Guid Id, Guid RoundId, string State, string StateName, Guid AuthorityId, string AuthorityName,
    DateTimeOffset SentAt, DateTimeOffset DueBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    double? MinutesToAcknowledge, string Outcome, string? Message);

public sealed record RoundDetail(RoundView Round, IReadOnlyList<CheckView> Checks);

/// <summary>
/// Verification of the 24/7 network: the secretariat sends a message to every point of contact, each
/// point acknowledges it in the platform, and the time taken is kept. Outcomes (acknowledged, late,
/// unanswered) are computed from the clock, so a point is flagged the moment its deadline passes.
/// </summary>
public sealed class VerificationCommands(
    EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states, IServiceProvider services,
    Register.RegisterSnapshot register)
{
    public async Task<RoundDetail> StartAsync(StartRound input, CancellationToken ct)
    {
        var actor = current.Current;
        if (!actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var errors = new List<DomainError>();
        var response = VerificationRules.ResponseTime(input.ResponseHours, errors);
        var message = TextRules.Check(input.Message, "message", 2000, errors, multiline: true);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var points = await db.Set<AuthorityRecord>().Where(a => a.Kind == AuthorityKinds.PointOfContact).ToListAsync(ct);
        if (points.Count == 0) throw DomainException.Conflict("no-points-to-verify");
        var now = clock.GetUtcNow();
        var due = now + response!.Value;
        var round = new VerificationRoundRecord
        {
            Id = Guid.CreateVersion7(now),
            StartedAt = now,
            StartedBy = actor.DisplayName,
            ResponseMinutes = (int)response.Value.TotalMinutes,
            Message = message.Length == 0 ? null : message,
        };
        db.Add(round);
        var notifications = services.GetService<INotifications>();
        foreach (var p in points)
        {
            var check = new VerificationCheckRecord
            {
                Id = Guid.CreateVersion7(now),
                RoundId = round.Id,
                State = p.State,
                AuthorityId = p.Id,
                AuthorityName = p.Name,
                SentAt = now,
                DueBy = due,
            };
            db.Add(check);
            p.PendingCheckDueBy = due;
            // Delivered by the notifications module where it is installed; the check is in the platform regardless.
            notifications?.Enqueue(new Notification(p.State, [Roles.PointOfContact], "network.verification.requested",
                $"/verification/{check.Id}", check.Id, Urgent: false, [p.Name, due.ToString("u", System.Globalization.CultureInfo.InvariantCulture)]));
        }
        audit.Action = "network.verification.start";
        await db.SaveChangesAsync(ct);
        register.Invalidate();
        return await GetAsync(round.Id, Languages.Default, ct);
    }

    public async Task<IReadOnlyList<RoundView>> ListAsync(CancellationToken ct)
    {
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var rounds = await db.Set<VerificationRoundRecord>().AsNoTracking().ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var checks = (await db.Set<VerificationCheckRecord>().AsNoTracking()
            .Select(c => new { c.RoundId, c.SentAt, c.DueBy, c.AcknowledgedAt }).ToListAsync(ct))
            .ToLookup(c => c.RoundId);
        var now = clock.GetUtcNow();
        return [.. rounds.OrderByDescending(r => r.StartedAt).Select(r => View(r,
            RoundSummary.Of([.. checks[r.Id].Select(c => new CheckTimes(c.SentAt, c.DueBy, c.AcknowledgedAt))], now)))];
    }

    public async Task<RoundDetail> GetAsync(Guid roundId, string language, CancellationToken ct)
    {
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var round = await db.Set<VerificationRoundRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw DomainException.NotFound("round");
        var checks = await db.Set<VerificationCheckRecord>().AsNoTracking().Where(c => c.RoundId == roundId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var comparer = Collation.For(language);
        var views = checks.Select(c => View(c, language, now, round.Message))
            .OrderBy(c => c.Outcome == "unanswered" ? 0 : c.Outcome == "pending" ? 1 : 2)
            .ThenBy(c => c.StateName, comparer).ThenBy(c => c.AuthorityName, StringComparer.Ordinal).ToList();
        return new RoundDetail(View(round, RoundSummary.Of([.. checks.Select(c => c.Times)], now)), views);
    }

    /// <summary>The checks sent to the caller's State, open ones first.</summary>
    public async Task<IReadOnlyList<CheckView>> MineAsync(string language, CancellationToken ct)
    {
        var state = current.Current.StateCode ?? throw DomainException.NotFound("state");
        return await HistoryOfAsync(state, language, ct);
    }

    /// <summary>The verification history of one State's points, newest first.</summary>
    public async Task<IReadOnlyList<CheckView>> HistoryAsync(string state, string language, CancellationToken ct)
    {
        state = states.TryGet(state, out var s) ? s.Iso3 : throw DomainException.NotFound("state");
        current.Current.EnsureCanSee(state);
        return await HistoryOfAsync(state, language, ct);
    }

    private async Task<IReadOnlyList<CheckView>> HistoryOfAsync(string state, string language, CancellationToken ct)
    {
        var checks = await db.Set<VerificationCheckRecord>().AsNoTracking().Where(c => c.State == state).ToListAsync(ct);
        var roundIds = checks.Select(c => c.RoundId).Distinct().ToList();
        var messages = await db.Set<VerificationRoundRecord>().AsNoTracking().Where(r => roundIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Message, ct);
        var now = clock.GetUtcNow();
        return [.. checks.OrderBy(c => c.AcknowledgedAt is null ? 0 : 1).ThenByDescending(c => c.SentAt).ThenBy(c => c.AuthorityName, StringComparer.Ordinal)
            .Select(c => View(c, language, now, messages.GetValueOrDefault(c.RoundId)))];
    }

    public async Task<CheckView> GetCheckAsync(Guid checkId, string language, CancellationToken ct)
    {
        var check = await db.Set<VerificationCheckRecord>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == checkId, ct)
            ?? throw DomainException.NotFound("check");
        current.Current.EnsureCanSee(check.State);
        var message = await db.Set<VerificationRoundRecord>().Where(r => r.Id == check.RoundId).Select(r => r.Message).SingleOrDefaultAsync(ct);
        return View(check, language, clock.GetUtcNow(), message);
    }

    /// <summary>
    /// The point (or its State's administrators) confirms it received the message. A late answer is
    /// kept as late: the register shows the point reachable again, the round's summary still counts it late.
    /// </summary>
    public async Task<CheckView> AcknowledgeAsync(Guid checkId, CancellationToken ct)
    {
        var actor = current.Current;
        var check = await db.Set<VerificationCheckRecord>().SingleOrDefaultAsync(c => c.Id == checkId, ct)
            ?? throw DomainException.NotFound("check");
        actor.EnsureCanChange(check.State, Roles.PointOfContact, Roles.StateAdministrator);
        if (check.AcknowledgedAt is not null) throw DomainException.Conflict("already-acknowledged");
        var now = clock.GetUtcNow();
        check.AcknowledgedAt = now;
        check.AcknowledgedBy = actor.DisplayName;
        var point = await db.Set<AuthorityRecord>().SingleOrDefaultAsync(a => a.Id == check.AuthorityId, ct);
        if (point is not null)
        {
            point.LastVerifiedAt = now;
            var laterSent = await db.Set<VerificationCheckRecord>().AnyAsync(c => c.AuthorityId == point.Id && c.SentAt > check.SentAt, ct);
            if (!laterSent) point.PendingCheckDueBy = null;
        }
        audit.Action = "network.verification.acknowledge";
        await db.SaveChangesAsync(ct);
        register.Invalidate();
        return View(check, Languages.Default, now, null);
    }

    private static RoundView View(VerificationRoundRecord r, RoundSummary s) =>
        new(r.Id, r.StartedAt, r.StartedBy, r.StartedAt.AddMinutes(r.ResponseMinutes), r.Message, SummaryView.Of(s));

    private CheckView View(VerificationCheckRecord c, string language, DateTimeOffset now, string? message) => new(
        c.Id, c.RoundId, c.State, states.ListName(c.State, language), c.AuthorityId, c.AuthorityName, c.SentAt, c.DueBy,
        c.AcknowledgedAt, c.AcknowledgedBy, c.Times.TimeToAcknowledge is { } t ? Math.Round(t.TotalMinutes, 1) : null,
        c.Times.OutcomeAt(now).ToString().ToLowerInvariant(), message);
}
