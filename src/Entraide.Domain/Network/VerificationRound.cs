using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Network;

/// <summary>
/// A round of verification messages, one to each 24/7 point of contact (<see cref="VerificationCheck"/>),
/// started by the secretariat to see that the network answers.
/// </summary>
public sealed class VerificationRound
{
    public const int MaxMessageLength = 2000;

    private VerificationRound() { }

    public Guid Id { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public string StartedBy { get; private set; } = "";
    public int ResponseMinutes { get; private set; }
    public string? Message { get; private set; }

    public DateTimeOffset DueBy => StartedAt.AddMinutes(ResponseMinutes);

    /// <summary>Only the secretariat starts a round; the time allowed and the message are checked first (422).</summary>
    public static VerificationRound Start(double? responseHours, string? message, Actor by, DateTimeOffset now)
    {
        if (!by.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var errors = new List<DomainError>();
        var response = VerificationRules.ResponseTime(responseHours, errors);
        var text = TextRules.Check(message, "message", MaxMessageLength, errors, multiline: true);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return new VerificationRound
        {
            Id = Guid.CreateVersion7(now),
            StartedAt = now,
            StartedBy = by.DisplayName,
            ResponseMinutes = (int)response!.Value.TotalMinutes,
            Message = text.Length == 0 ? null : text,
        };
    }

    /// <summary>The round's message to one point, due by the round's deadline; the point now awaits its acknowledgement.</summary>
    public VerificationCheck SendTo(Authority point)
    {
        if (point.Kind != AuthorityKinds.PointOfContact) throw DomainException.Invalid("invalid-value", "kind");
        point.VerificationSent(DueBy);
        return VerificationCheck.Sent(this, point);
    }
}

/// <summary>One verification message to one point of contact, and its acknowledgement.</summary>
public sealed class VerificationCheck : IStateOwned
{
    private VerificationCheck() { }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public string State { get; private set; } = "";
    public Guid AuthorityId { get; private set; }

    /// <summary>The point's name when the message was sent: history stays readable after the point is removed.</summary>
    public string AuthorityName { get; private set; } = "";

    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset DueBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    string? IStateOwned.OwnerState => State;

    public CheckTimes Times => new(SentAt, DueBy, AcknowledgedAt);

    internal static VerificationCheck Sent(VerificationRound round, Authority point) => new()
    {
        Id = Guid.CreateVersion7(round.StartedAt),
        RoundId = round.Id,
        State = point.State,
        AuthorityId = point.Id,
        AuthorityName = point.Name,
        SentAt = round.StartedAt,
        DueBy = round.DueBy,
    };

    /// <summary>
    /// The point confirms it received the message (once: 409 the second time). A late answer is kept
    /// late: the round's summary still counts it late.
    /// </summary>
    public void Acknowledge(Actor by, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null) throw DomainException.Conflict("already-acknowledged");
        AcknowledgedAt = now;
        AcknowledgedBy = by.DisplayName;
    }
}
