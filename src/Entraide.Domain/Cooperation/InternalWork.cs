using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Cooperation;

/// <summary>An account a central authority may put in charge of a request: an officer of its own State.</summary>
public sealed record Officer(string AccountId, string DisplayName, string? StateCode, IReadOnlyCollection<string> Roles);

/// <summary>
/// Who, in one of the two States, is in charge of a request. Each State assigns its own officer; the
/// assignment is that State's internal business and never shown to the other State (its
/// <see cref="StateCode"/> owns it).
/// </summary>
public sealed class RequestAssignment : IStateOwned
{
    private RequestAssignment()
    {
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string StateCode { get; private set; } = "";
    public string AssigneeId { get; private set; } = "";
    public string AssigneeName { get; private set; } = "";
    public string AssignedBy { get; private set; } = "";
    public string AssignedByName { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }
    public int Version { get; private set; }

    string? IStateOwned.OwnerState => StateCode;

    /// <summary>
    /// Puts <paramref name="officer"/> in charge of <paramref name="request"/> for <paramref name="actor"/>'s State, replacing
    /// <paramref name="current"/> (that State's assignment so far, if any). Only a central authority assigns (403 for anyone
    /// else); the officer must be an account of the same State holding a role that handles requests (422 on <c>assignee</c>).
    /// </summary>
    public static RequestAssignment Assign(CooperationRequest request, RequestAssignment? current, Side side, Officer? officer, Actor actor,
        DateTimeOffset now)
    {
        var state = AssigningState(request, side, actor);
        if (officer is null || officer.StateCode != state || !officer.Roles.Any(RequestAccess.CooperationRoles.Contains))
            throw DomainException.Invalid("assignee-not-an-officer", "assignee");
        if (current is not null && current.StateCode != state) throw new ArgumentException("Another State's assignment.", nameof(current));
        var a = current ?? new RequestAssignment { Id = Guid.CreateVersion7(), RequestId = request.Id, StateCode = state };
        a.AssigneeId = officer.AccountId;
        a.AssigneeName = officer.DisplayName;
        a.AssignedBy = actor.Id;
        a.AssignedByName = actor.DisplayName;
        a.AssignedAt = now;
        a.Version++;
        return a;
    }

    /// <summary>
    /// Leaves <paramref name="request"/> without an officer in charge for <paramref name="actor"/>'s State: the assignment
    /// to remove (<paramref name="current"/>), or null when nobody was in charge. Only a central authority of that State
    /// clears it (403 for anyone else), as only it assigns.
    /// </summary>
    public static RequestAssignment? Clear(CooperationRequest request, RequestAssignment? current, Side side, Actor actor)
    {
        var state = AssigningState(request, side, actor);
        if (current is not null && current.StateCode != state) throw new ArgumentException("Another State's assignment.", nameof(current));
        return current;
    }

    /// <summary>The State on <paramref name="side"/> of the request, when <paramref name="actor"/> is its central authority.</summary>
    private static string AssigningState(CooperationRequest request, Side side, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var state = side == Side.Requesting ? request.RequestingState : request.RequestedState;
        if (actor.StateCode != state || !actor.Has(Roles.CentralAuthority)) throw new DomainException(FailureKind.Forbidden, "forbidden");
        return state;
    }
}

/// <summary>
/// A note one State keeps on a request for its own officers (where the case stands, who was called): never
/// shown to the other State, nor to the secretariat.
/// </summary>
public sealed class InternalNote : IStateOwned
{
    public const int MaxLength = 4000;

    private InternalNote()
    {
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string StateCode { get; private set; } = "";
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string Body { get; private set; } = "";

    string? IStateOwned.OwnerState => StateCode;

    /// <summary>A note of <paramref name="actor"/>'s State (the <paramref name="side"/> it is on) on <paramref name="request"/>.</summary>
    public static InternalNote Write(CooperationRequest request, Side side, string? body, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var state = side == Side.Requesting ? request.RequestingState : request.RequestedState;
        if (actor.StateCode != state) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var errors = new List<DomainError>();
        var text = TextRules.Check(body, "body", MaxLength, errors, required: true, multiline: true);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return new InternalNote
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.Id,
            StateCode = state,
            AuthorId = actor.Id,
            AuthorName = actor.DisplayName,
            At = now,
            Body = text,
        };
    }
}
