using Entraide.Domain.Trust;

namespace Entraide.App.Web;

/// <summary>
/// A link in the main navigation. Modules register theirs as singletons; <see cref="TextKey"/> is a
/// key of <see cref="SharedText"/>. Shown to everyone when <see cref="Roles"/> is empty and
/// <see cref="SignedInOnly"/> false, else to actors holding one of the roles (or any signed-in actor).
/// </summary>
public sealed record NavItem(string Path, string TextKey, int Order = 100, bool SignedInOnly = false, params string[] Roles)
{
    public bool VisibleTo(Actor actor) =>
        (!SignedInOnly && Roles.Length == 0) || (actor.IsAuthenticated && (Roles.Length == 0 || actor.HasAny(Roles)));
}
