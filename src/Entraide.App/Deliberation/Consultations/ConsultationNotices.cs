using System.Globalization;
using Entraide.App.Notifications;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Deliberation.Consultations;

/// <summary>Tells the delegates of every invited State (all Member States when none are named), in the same save.</summary>
public sealed class ConsultationNotices(INotifications notifications, StateDirectory states)
{
    public void Tell(Consultation c, string kind)
    {
        var invited = string.IsNullOrEmpty(c.InvitedStates)
            ? states.All.Where(s => s.Status == UnStatus.Member).Select(s => s.Iso3)
            : c.InvitedStates.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var closes = c.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var state in invited)
            notifications.Enqueue(new Notification(state, [Roles.Delegate], kind, $"/consultations/{c.Id}", c.Id, false, [c.Title, closes]));
    }
}
