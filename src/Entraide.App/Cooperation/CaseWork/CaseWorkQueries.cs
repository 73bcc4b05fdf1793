using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.CaseWork;

public sealed record OfficerView(string Id, string Name);

/// <param name="Officers">Whom the caller may assign: its State's officers, for a central authority; empty for anyone else.</param>
public sealed record AssignmentView(string? AssigneeId, string? AssigneeName, string? AssignedByName, DateTimeOffset? AssignedAt,
    IReadOnlyList<OfficerView> Officers);

public sealed record NoteView(Guid Id, DateTimeOffset At, string AuthorName, string Body)
{
    public static NoteView Of(InternalNote n) => new(n.Id, n.At, n.AuthorName, n.Body);
}

/// <summary>The caller's own State's work on a request: who is in charge, its internal notes. Nothing of the other State's.</summary>
public sealed class CaseWorkQueries(EntraideDbContext db, ICurrentActor current, Officers officers)
{
    public const int MaxNotes = 500;

    public async Task<AssignmentView> AssignmentAsync(Guid requestId, CancellationToken ct)
    {
        var (state, actor) = await RequireAsync(requestId, ct);
        var a = await db.Set<RequestAssignment>().AsNoTracking().SingleOrDefaultAsync(x => x.RequestId == requestId && x.StateCode == state, ct);
        IReadOnlyList<OfficerView> choices = actor.Has(Roles.CentralAuthority)
            ? [.. (await officers.OfAsync(state, ct)).Select(o => new OfficerView(o.AccountId, o.DisplayName))]
            : [];
        return new AssignmentView(a?.AssigneeId, a?.AssigneeName, a?.AssignedByName, a?.AssignedAt, choices);
    }

    public async Task<IReadOnlyList<NoteView>> NotesAsync(Guid requestId, CancellationToken ct)
    {
        var (state, _) = await RequireAsync(requestId, ct);
        var notes = await db.Set<InternalNote>().AsNoTracking().Where(n => n.RequestId == requestId && n.StateCode == state)
            .OrderBy(n => n.At).ThenBy(n => n.Id).Take(MaxNotes).ToListAsync(ct);
        return [.. notes.Select(NoteView.Of)];
    }

    private async Task<(string State, Actor Actor)> RequireAsync(Guid requestId, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        RequestAccess.Require(actor, r);
        return (actor.StateCode!, actor);
    }
}
