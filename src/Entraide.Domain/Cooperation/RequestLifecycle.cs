using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Cooperation;

public enum RequestStatus
{
    Draft,
    Submitted,
    Received,
    UnderAssessment,
    Consultation,
    Accepted,
    InExecution,
    PartiallyExecuted,
    Executed,
    Postponed,
    Refused,
    Withdrawn,
}

/// <summary>What an actor asks to do with a request. Some change its status, some only record a fact.</summary>
public enum RequestAction
{
    Submit,
    Acknowledge,
    StartAssessment,
    OpenConsultation,
    Accept,
    StartExecution,
    RecordPartialExecution,
    RecordExecution,
    Postpone,
    Resume,
    Refuse,
    Withdraw,
    ExtendPreservation,
}

/// <summary>What the actor brings to a transition beyond its name.</summary>
/// <param name="Consulted">Whether the request has been through a consultation step.</param>
/// <param name="AcceptsConfidentiality">The requested side's acknowledgement of confidentiality, where the request asks for it.</param>
public sealed record TransitionInput(
    RequestAction Action,
    Side Side,
    IReadOnlySet<string> Roles,
    string? Ground = null,
    string? Reasons = null,
    bool Consulted = false,
    bool AcceptsConfidentiality = false,
    Channel? Channel = null);

/// <summary>
/// The one life of a request, shared by both States: which side may take which step from which
/// status, with which role. Both the API and the pages ask this class, so the two sides never hold
/// two copies of the rules.
/// </summary>
public static class RequestLifecycle
{
    private sealed record Rule(RequestAction Action, Side Side, RequestStatus[] From, RequestStatus? To, bool BilateralOnly = true);

    private static readonly RequestStatus[] Open =
        [RequestStatus.Submitted, RequestStatus.Received, RequestStatus.UnderAssessment, RequestStatus.Consultation,
         RequestStatus.Accepted, RequestStatus.InExecution, RequestStatus.PartiallyExecuted, RequestStatus.Postponed];

    private static readonly Rule[] Rules =
    [
        new(RequestAction.Submit, Side.Requesting, [RequestStatus.Draft], RequestStatus.Submitted, BilateralOnly: false),
        new(RequestAction.Acknowledge, Side.Requested, [RequestStatus.Submitted], RequestStatus.Received, BilateralOnly: false),
        new(RequestAction.StartAssessment, Side.Requested, [RequestStatus.Received], RequestStatus.UnderAssessment),
        new(RequestAction.OpenConsultation, Side.Requested, [RequestStatus.UnderAssessment, RequestStatus.Accepted, RequestStatus.InExecution],
            RequestStatus.Consultation),
        new(RequestAction.Accept, Side.Requested, [RequestStatus.UnderAssessment, RequestStatus.Consultation], RequestStatus.Accepted),
        new(RequestAction.StartExecution, Side.Requested, [RequestStatus.Accepted], RequestStatus.InExecution),
        new(RequestAction.RecordPartialExecution, Side.Requested, [RequestStatus.InExecution], RequestStatus.PartiallyExecuted),
        new(RequestAction.RecordExecution, Side.Requested, [RequestStatus.InExecution, RequestStatus.PartiallyExecuted], RequestStatus.Executed),
        new(RequestAction.Postpone, Side.Requested, [RequestStatus.UnderAssessment, RequestStatus.Consultation, RequestStatus.Accepted,
            RequestStatus.InExecution], RequestStatus.Postponed),
        new(RequestAction.Resume, Side.Requested, [RequestStatus.Postponed], RequestStatus.UnderAssessment),
        new(RequestAction.Refuse, Side.Requested, [RequestStatus.UnderAssessment, RequestStatus.Consultation, RequestStatus.Postponed],
            RequestStatus.Refused),
        new(RequestAction.Withdraw, Side.Requesting, Open, RequestStatus.Withdrawn, BilateralOnly: false),
        new(RequestAction.ExtendPreservation, Side.Requesting, [RequestStatus.Executed, RequestStatus.PartiallyExecuted], null),
    ];

    public static bool IsFinal(RequestStatus s) => s is RequestStatus.Executed or RequestStatus.Refused or RequestStatus.Withdrawn;

    /// <summary>The roles of a side that may act on a request of this type.</summary>
    /// <remarks>
    /// Investigators draft but do not send: a request leaves through the authority that answers for
    /// the State. Urgent types are handled by the 24/7 point of contact (the central authority may act
    /// too); a request sent on the direct judicial channel is answered by the requested State's judicial
    /// authority, with its central authority in copy and able to act.
    /// </remarks>
    public static IReadOnlyList<string> ActingRoles(TypeSpec type, Side side, RequestAction action, Channel? channel = null)
    {
        if (side == Side.Requested && channel == Cooperation.Channel.DirectJudicial) return [Roles.Investigator, Roles.CentralAuthority];
        return type.Urgent ? [Roles.PointOfContact, Roles.CentralAuthority] : [Roles.CentralAuthority];
    }

    /// <summary>The default channel of a type: the 24/7 network for urgent types, else the central authority.</summary>
    public static Channel DefaultChannel(TypeSpec type) => type.Urgent ? Cooperation.Channel.PointOfContact : Cooperation.Channel.CentralAuthority;

    /// <summary>The steps open to an actor of <paramref name="side"/> with <paramref name="roles"/> now.</summary>
    public static IReadOnlyList<RequestAction> Allowed(TypeSpec type, RequestStatus status, Side side, IReadOnlySet<string> roles,
        Channel? channel = null)
    {
        var list = new List<RequestAction>();
        foreach (var r in Rules)
        {
            if (r.Side != side || !r.From.Contains(status) || (r.BilateralOnly && !type.Bilateral)) continue;
            if (r.Action == RequestAction.ExtendPreservation && type.Type != RequestType.ExpeditedPreservation) continue;
            if (!ActingRoles(type, side, r.Action, channel).Any(roles.Contains)) continue;
            list.Add(r.Action);
        }
        return list;
    }

    /// <summary>
    /// Checks a step and returns the status it leads to (unchanged for steps that only record a fact).
    /// Throws a <see cref="DomainException"/>: 403 for the wrong side or role, 409 for a step the
    /// status does not allow, 422 for a missing or inadmissible ground or reasons.
    /// </summary>
    public static RequestStatus Apply(TypeSpec type, RequestStatus status, TransitionInput input)
    {
        var rule = Rules.FirstOrDefault(r => r.Action == input.Action)
            ?? throw DomainException.Invalid("unknown-action", "action");
        if (rule.Side != input.Side)
            throw new DomainException(FailureKind.Forbidden, new DomainError("action-other-side") { Arguments = [Code(input.Action)] });
        if (!ActingRoles(type, input.Side, input.Action, input.Channel).Any(input.Roles.Contains))
            throw new DomainException(FailureKind.Forbidden, new DomainError("action-role") { Arguments = [Code(input.Action)] });
        if (!rule.From.Contains(status) || (rule.BilateralOnly && !type.Bilateral)
            || (input.Action == RequestAction.ExtendPreservation && type.Type != RequestType.ExpeditedPreservation))
            throw DomainException.Conflict("transition-not-allowed", Code(input.Action), Code(status));

        switch (input.Action)
        {
            case RequestAction.Refuse:
                {
                    var ground = Grounds.RequireRefusal(input.Ground, input.Reasons);
                    // Art. 40: consult before refusing, to consider whether assistance may be granted on conditions.
                    if (ground.ConsultationFirst && !input.Consulted && status != RequestStatus.Consultation)
                        throw DomainException.Conflict("consultation-required", ground.Code);
                    break;
                }
            case RequestAction.Postpone:
                Grounds.RequirePostponement(input.Ground, input.Reasons);
                break;
        }
        return rule.To ?? status;
    }

    public static string Code(RequestAction a) => RequestCodes.Of(a);
    public static string Code(RequestStatus s) => RequestCodes.Of(s);

    public static bool TryParse(string? code, out RequestAction action) => RequestCodes.TryParse(code, out action);

    public static bool TryParse(string? code, out RequestStatus status) => RequestCodes.TryParse(code, out status);
}
