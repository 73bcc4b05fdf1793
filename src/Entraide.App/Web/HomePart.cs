using Entraide.Domain.Trust;

namespace Entraide.App.Web;

/// <summary>
/// A section a module puts on the home page of a signed-in actor holding one of <see cref="Roles"/> (any
/// signed-in actor when none is named): the working dashboard that replaces the public introduction.
/// </summary>
public sealed record HomePart(string PartialName, int Order = 100, params string[] Roles)
{
    public bool VisibleTo(Actor actor) => actor.IsAuthenticated && (Roles.Length == 0 || actor.HasAny(Roles));
}
