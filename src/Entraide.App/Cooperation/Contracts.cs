using Entraide.Domain.Trust;

namespace Entraide.App.Cooperation;

// What other modules may use of Cooperation: interfaces implemented in Requests/ and the records they return,
// never the entities, handlers or tables. The Notifications module links to a request's page by its path
// (/requests/{id}) and never reads requests; the Evidence module asks who the parties of a request are.

/// <summary>The States that share a request, for a module that attaches records to it (evidence).</summary>
public interface IRequestParties
{
    /// <summary>
    /// The parties of the request (<see cref="Isolation.PartyOf"/> decides from them), with its reference and language;
    /// null when there is no such request.
    /// </summary>
    Task<RequestPartiesView?> FindAsync(Guid requestId, CancellationToken ct);
}

/// <summary>A request's reference, language and parties.</summary>
public sealed record RequestPartiesView(Guid Id, string Reference, string Language, IReadOnlyList<Party> Parties);
