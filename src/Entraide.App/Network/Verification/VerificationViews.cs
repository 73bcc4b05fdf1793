using Entraide.Domain.Network;

namespace Entraide.App.Network.Verification;

public sealed record SummaryView(
    int Sent, int Acknowledged, int WithinOneHour, int WithinOneDay, int Late, int Pending, int Unanswered,
    double ShareWithinOneHour, double ShareWithinOneDay, double? MedianMinutesToAcknowledge)
{
    public static SummaryView Of(RoundSummary s) => new(s.Sent, s.Acknowledged, s.WithinOneHour, s.WithinOneDay, s.Late, s.Pending,
        s.Unanswered, Math.Round(s.ShareWithinOneHour, 4), Math.Round(s.ShareWithinOneDay, 4),
        s.MedianTimeToAcknowledge is { } m ? Math.Round(m.TotalMinutes, 1) : null);
}

public sealed record RoundView(Guid Id, DateTimeOffset StartedAt, string StartedBy, DateTimeOffset DueBy, string? Message, SummaryView Summary)
{
    public static RoundView Of(VerificationRound r, RoundSummary s) => new(r.Id, r.StartedAt, r.StartedBy, r.DueBy, r.Message, SummaryView.Of(s));
}

public sealed record CheckView(
    Guid Id, Guid RoundId, string State, string StateName, Guid AuthorityId, string AuthorityName,
    DateTimeOffset SentAt, DateTimeOffset DueBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    double? MinutesToAcknowledge, string Outcome, string? Message)
{
    public static CheckView Of(VerificationCheck c, StateDirectory states, string language, DateTimeOffset now, string? message) => new(
        c.Id, c.RoundId, c.State, states.ListName(c.State, language), c.AuthorityId, c.AuthorityName, c.SentAt, c.DueBy,
        c.AcknowledgedAt, c.AcknowledgedBy, c.Times.TimeToAcknowledge is { } t ? Math.Round(t.TotalMinutes, 1) : null,
        c.Times.OutcomeAt(now).ToString().ToLowerInvariant(), message);
}

public sealed record RoundDetail(RoundView Round, IReadOnlyList<CheckView> Checks);
