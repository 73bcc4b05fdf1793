using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.App.Trust.Tokens;

/// <summary>Who may issue and revoke tokens: a State administrator for its State, the secretariat for the secretariat.</summary>
internal static class TokenIssuers
{
    public static void Require(Actor actor)
    {
        if (!actor.Has(Roles.StateAdministrator) && !actor.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
    }
}
