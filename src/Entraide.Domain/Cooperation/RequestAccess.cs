using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Cooperation;

/// <summary>
/// Who sees a request. A request is shared by its two parties: the requesting State's cooperation staff
/// see it from the first draft; the requested State sees it once submitted, through the roles it was
/// routed to (the central authority always, being in copy). Every other State, and the secretariat, see
/// nothing: 404. The test itself is <see cref="Isolation.PartyOf"/>; this class only names the parties.
/// </summary>
public static class RequestAccess
{
    public static readonly string[] CooperationRoles = [Roles.Investigator, Roles.CentralAuthority, Roles.PointOfContact];

    /// <summary>The two parties of a request, requesting first.</summary>
    public static IReadOnlyList<Party> PartiesOf(CooperationRequest r) =>
    [
        new(r.RequestingState, RequestCodes.Of(Side.Requesting), CooperationRoles),
        new(r.RequestedState, RequestCodes.Of(Side.Requested), RecipientRoles(r.Spec, r.Channel), Visible: r.Status != RequestStatus.Draft),
    ];

    /// <summary>The actor's side of the request, or null when the actor is in neither party.</summary>
    public static Side? SideOf(Actor actor, CooperationRequest r) => SideOf(actor.PartyOf(PartiesOf(r)));

    /// <summary>The actor's side; <see cref="DomainException.NotFound"/> for a missing request or one the actor may not see.</summary>
    public static Side Require(Actor actor, CooperationRequest? r)
    {
        if (r is null) throw DomainException.NotFound("request");
        return SideOf(actor.RequireParty(PartiesOf(r), "request")) ?? throw DomainException.NotFound("request");
    }

    /// <summary>The roles of the requested State that receive the request (and its notifications).</summary>
    public static string[] RecipientRoles(TypeSpec type, Channel channel) => channel switch
    {
        Channel.DirectJudicial => [Roles.Investigator, Roles.CentralAuthority],
        Channel.PointOfContact => [Roles.PointOfContact, Roles.CentralAuthority],
        _ => type.Urgent ? [Roles.PointOfContact, Roles.CentralAuthority] : [Roles.CentralAuthority],
    };

    /// <summary>The State on the other side, and the roles of it that hear about the request.</summary>
    public static (string State, string[] Roles) OtherSide(CooperationRequest r, Side side) => side == Side.Requesting
        ? (r.RequestedState, RecipientRoles(r.Spec, r.Channel))
        : (r.RequestingState, CooperationRoles);

    /// <summary>Confidential content stays closed to the requested side until it undertakes to keep it confidential.</summary>
    public static bool ContentWithheld(Side side, CooperationRequest r) =>
        side == Side.Requested && r.Confidential && r.ConfidentialityAcceptedAt is null;

    private static Side? SideOf(Party? party) => party is null ? null : RequestCodes.TryParse(party.Role, out Side s) ? s : null;
}
