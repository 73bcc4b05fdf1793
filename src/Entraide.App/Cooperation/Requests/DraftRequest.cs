using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;

namespace Entraide.App.Cooperation.Requests;

/// <summary>A draft, or the content of a direct submission. Field keys are the catalogue's field names.</summary>
/// <param name="Version">When the draft is updated: the version it was read at (a later change answers 409).</param>
public sealed record DraftRequest(
    string? Type,
    string? RequestedState,
    string? Language,
    string? Channel,
    bool Confidential,
    IReadOnlyDictionary<string, string?>? Fields,
    IReadOnlyList<string?>? ConductTerms,
    DateTimeOffset? Deadline,
    string? DeadlineReasons,
    int? Version = null)
{
    internal DraftContent Content => new(Type, RequestedState, Language, Channel, Confidential, Fields, ConductTerms, Deadline, DeadlineReasons);
}

/// <summary>Saves a new draft: always possible, however incomplete.</summary>
public sealed class DraftRequestHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states)
    : IHandler
{
    public async Task<CooperationRequest> HandleAsync(DraftRequest command, CancellationToken ct)
    {
        var r = CooperationRequest.Draft(command.Content, current.Current, clock.GetUtcNow(), states);
        audit.Action = "cooperation.request.draft";
        db.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }
}
