using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network.States;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Network.Verification;

/// <summary>
/// Verification rounds and their messages. Outcomes (acknowledged, late, unanswered) are computed from
/// the clock, so a point is flagged the moment its deadline passes. The rounds are the secretariat's;
/// a State sees the messages sent to its own points.
/// </summary>
public sealed class VerificationQueries(EntraideDbContext db, ICurrentActor current, TimeProvider clock, StateDirectory states)
{
    public async Task<IReadOnlyList<RoundView>> ListAsync(CancellationToken ct)
    {
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var rounds = await db.Set<VerificationRound>().AsNoTracking().ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var checks = (await db.Set<VerificationCheck>().AsNoTracking()
            .Select(c => new { c.RoundId, c.SentAt, c.DueBy, c.AcknowledgedAt }).ToListAsync(ct))
            .ToLookup(c => c.RoundId);
        var now = clock.GetUtcNow();
        return [.. rounds.OrderByDescending(r => r.StartedAt).Select(r => RoundView.Of(r,
            RoundSummary.Of([.. checks[r.Id].Select(c => new CheckTimes(c.SentAt, c.DueBy, c.AcknowledgedAt))], now)))];
    }

    public async Task<RoundDetail> GetAsync(Guid roundId, string language, CancellationToken ct)
    {
        if (!current.Current.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var round = await db.Set<VerificationRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw DomainException.NotFound("round");
        var checks = await db.Set<VerificationCheck>().AsNoTracking().Where(c => c.RoundId == roundId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var comparer = Collation.For(language);
        var views = checks.Select(c => CheckView.Of(c, states, language, now, round.Message))
            .OrderBy(c => c.Outcome == "unanswered" ? 0 : c.Outcome == "pending" ? 1 : 2)
            .ThenBy(c => c.StateName, comparer).ThenBy(c => c.AuthorityName, StringComparer.Ordinal).ToList();
        return new RoundDetail(RoundView.Of(round, RoundSummary.Of([.. checks.Select(c => c.Times)], now)), views);
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
        state = states.CodeOrNotFound(state);
        current.Current.EnsureCanSee(state);
        return await HistoryOfAsync(state, language, ct);
    }

    private async Task<IReadOnlyList<CheckView>> HistoryOfAsync(string state, string language, CancellationToken ct)
    {
        var checks = await db.Set<VerificationCheck>().AsNoTracking().Where(c => c.State == state).ToListAsync(ct);
        var roundIds = checks.Select(c => c.RoundId).Distinct().ToList();
        var messages = await db.Set<VerificationRound>().AsNoTracking().Where(r => roundIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Message, ct);
        var now = clock.GetUtcNow();
        return [.. checks.OrderBy(c => c.AcknowledgedAt is null ? 0 : 1).ThenByDescending(c => c.SentAt)
            .ThenBy(c => c.AuthorityName, StringComparer.Ordinal)
            .Select(c => CheckView.Of(c, states, language, now, messages.GetValueOrDefault(c.RoundId)))];
    }

    public async Task<CheckView> GetCheckAsync(Guid checkId, string language, CancellationToken ct)
    {
        var check = await db.Set<VerificationCheck>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == checkId, ct)
            ?? throw DomainException.NotFound("check");
        current.Current.EnsureCanSee(check.State);
        var message = await db.Set<VerificationRound>().Where(r => r.Id == check.RoundId).Select(r => r.Message).SingleOrDefaultAsync(ct);
        return CheckView.Of(check, states, language, clock.GetUtcNow(), message);
    }
}
