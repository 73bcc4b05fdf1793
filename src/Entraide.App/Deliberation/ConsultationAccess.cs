using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Deliberation;

/// <summary>A consultation is shared by the States it invites (every State when it names none) and run by the secretariat.</summary>
internal static class ConsultationAccess
{
    public const string Invited = "invited";

    public static IEnumerable<Party> PartiesOf(Consultation c, StateDirectory states)
    {
        var invited = string.IsNullOrEmpty(c.InvitedStates)
            ? states.All.Select(s => s.Iso3)
            : c.InvitedStates.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return invited.Select(state => new Party(state, Invited, [Roles.Delegate]));
    }
}
