using Entraide.Domain.Trust;

namespace Entraide.App.Web;

/// <summary>
/// A partial view a module puts on every page, between the header and the content (an alert banner, say),
/// for signed-in actors holding one of <see cref="Roles"/> (any signed-in actor when none is named).
/// The partial decides for itself what, if anything, it shows.
/// </summary>
public sealed record LayoutPart(string PartialName, int Order = 100, params string[] Roles)
{
    public bool VisibleTo(Actor actor) => actor.IsAuthenticated && (Roles.Length == 0 || actor.HasAny(Roles));
}
