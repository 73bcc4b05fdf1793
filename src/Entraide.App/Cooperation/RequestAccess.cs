using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;

namespace Entraide.App.Cooperation;

/// <summary>
/// Who sees a request, in one place. The requesting State's cooperation staff see it from the first
/// draft; the requested State sees it once submitted, through the roles it was routed to (the central
/// authority always, being in copy); every other State, and the secretariat, see nothing: 404.
/// </summary>
internal static class RequestAccess
{
    public static readonly string[] CooperationRoles = [Roles.Investigator, Roles.CentralAuthority, Roles.PointOfContact];

    public static Side? SideOf(Actor actor, CooperationRequest r)
    {
        if (actor.BelongsTo(r.RequestingState) && actor.HasAny(CooperationRoles)) return Side.Requesting;
        if (actor.BelongsTo(r.RequestedState) && r.Status != RequestStatus.Draft && actor.HasAny(RecipientRoles(r.Spec, r.Channel))) return Side.Requested;
        return null;
    }

    public static Side Require(Actor actor, CooperationRequest? r) =>
        r is not null && SideOf(actor, r) is { } side ? side : throw DomainException.NotFound("request");

    /// <summary>The roles of the requested State that receive the request (and its notifications).</summary>
    public static string[] RecipientRoles(TypeSpec type, Channel channel) => channel switch
    {
        Channel.DirectJudicial => [Roles.Investigator, Roles.CentralAuthority],
        Channel.PointOfContact => [Roles.PointOfContact, Roles.CentralAuthority],
        _ => type.Urgent ? [Roles.PointOfContact, Roles.CentralAuthority] : [Roles.CentralAuthority],
    };

    /// <summary>Confidential content stays closed to the requested side until it undertakes to keep it confidential.</summary>
    public static bool ContentWithheld(Side side, CooperationRequest r) =>
        side == Side.Requested && r.Confidential && r.ConfidentialityAcceptedAt is null;
}
