using Entraide.Domain.Common;
using Entraide.Domain.Network;

namespace Entraide.App.Network.States;

internal static class StateRoutes
{
    /// <summary>The State a route names, as its ISO code; a code no State bears is a missing page (404).</summary>
    public static string CodeOrNotFound(this StateDirectory states, string? state) =>
        states.TryGet(state, out var s) ? s.Iso3 : throw DomainException.NotFound("state");
}
