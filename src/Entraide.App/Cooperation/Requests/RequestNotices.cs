using Entraide.App.Notifications;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Notifications;

namespace Entraide.App.Cooperation.Requests;

/// <summary>
/// Tells the other side of a request what happened, in the kinds and arguments the Notifications module
/// publishes (<see cref="NotificationKinds"/>). Nothing of a draft is told: the requested State does not
/// know it exists.
/// </summary>
public sealed class RequestNotices(INotifications notifications)
{
    /// <summary>A request was submitted: the requested State's receiving roles hear of it.</summary>
    public void Received(CooperationRequest r) =>
        notifications.Enqueue(new Notification(r.RequestedState, RequestAccess.RecipientRoles(r.Spec, r.Channel), NotificationKinds.RequestReceived,
            Link(r), r.Id, r.Urgent, [r.Reference, r.RequestingState, r.Spec.Code]));

    /// <summary>A step of the lifecycle was taken.</summary>
    public void StepTaken(CooperationRequest r, Side side, RequestAction action) =>
        Tell(r, side, action == RequestAction.Acknowledge ? NotificationKinds.RequestAcknowledged : NotificationKinds.RequestStatusChanged);

    /// <summary>A message, a status enquiry or a reply was posted.</summary>
    public void MessagePosted(CooperationRequest r, Side side, MessageKind kind) =>
        Tell(r, side, kind == MessageKind.StatusEnquiry ? NotificationKinds.RequestEnquiry : NotificationKinds.RequestMessage);

    /// <summary>Something else changed (a document attached, an onward transfer asked or decided).</summary>
    public void Changed(CooperationRequest r, Side side) => Tell(r, side, NotificationKinds.RequestStatusChanged);

    private void Tell(CooperationRequest r, Side side, string kind)
    {
        if (side == Side.Requesting && r.Status == RequestStatus.Draft) return;
        var (state, roles) = RequestAccess.OtherSide(r, side);
        var sender = side == Side.Requesting ? r.RequestingState : r.RequestedState;
        string[] args = kind == NotificationKinds.RequestStatusChanged ? [r.Reference, RequestLifecycle.Code(r.Status), sender]
            : [r.Reference, sender];
        notifications.Enqueue(new Notification(state, roles, kind, Link(r), r.Id, IsUrgent(r), args));
    }

    /// <summary>
    /// What is tagged Urgent after the request arrived: only news of an emergency request still open. A
    /// preservation is handled by the 24/7 point and announced as urgent when it arrives, but a message or
    /// a step on it afterwards is ordinary news.
    /// </summary>
    internal static bool IsUrgent(CooperationRequest r) => r.Type == RequestType.EmergencyDisclosure
        && r.Status is not (RequestStatus.Executed or RequestStatus.PartiallyExecuted or RequestStatus.Refused or RequestStatus.Withdrawn);

    private static string Link(CooperationRequest r) => $"/requests/{r.Id}";
}
