using Entraide.App.Infrastructure.Http;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entraide.App.Cooperation.CaseWork;

/// <summary>A State's own work on a request: assigning an officer, internal notes. The other State has no route to them.</summary>
internal static class CaseWorkEndpoints
{
    private static readonly string[] Cooperation = RequestAccess.CooperationRoles;

    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/requests").WithTags("Cooperation");
        g.MapGet("/{requestId:guid}/assignment", GetAssignmentAsync).RequireRoles(Cooperation).WithName("GetRequestAssignment")
            .WithSummary("Who in the caller's State is in charge of the request, and (for a central authority) whom it may assign.");
        g.MapPut("/{requestId:guid}/assignment", AssignAsync).RequireRoles(Roles.CentralAuthority).WithName("AssignRequest")
            .WithSummary("Puts an officer of the caller's own State in charge of the request (nobody, when no assignee is given). "
                + "The other State does not see it.");
        g.MapDelete("/{requestId:guid}/assignment", UnassignAsync).RequireRoles(Roles.CentralAuthority).WithName("UnassignRequest")
            .WithSummary("Leaves the request with nobody of the caller's State in charge; the officer who was is told.");
        g.MapGet("/{requestId:guid}/notes", ListNotesAsync).RequireRoles(Cooperation).WithName("ListRequestNotes")
            .WithSummary("The caller's State's internal notes on the request, oldest first. The other State never sees them.");
        g.MapPost("/{requestId:guid}/notes", WriteNoteAsync).RequireRoles(Cooperation).WithName("WriteRequestNote")
            .WithSummary("Adds an internal note of the caller's State (at most 4,000 characters).");
    }

    private static async Task<Ok<AssignmentView>> GetAssignmentAsync(Guid requestId, CaseWorkQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.AssignmentAsync(requestId, ct));

    private static async Task<Ok<AssignmentView>> AssignAsync(Guid requestId, AssignRequest command, AssignRequestHandler handler,
        CaseWorkQueries queries, CancellationToken ct)
    {
        await handler.HandleAsync(requestId, command, ct);
        return TypedResults.Ok(await queries.AssignmentAsync(requestId, ct));
    }

    private static async Task<Ok<AssignmentView>> UnassignAsync(Guid requestId, AssignRequestHandler handler, CaseWorkQueries queries,
        CancellationToken ct)
    {
        await handler.HandleAsync(requestId, new AssignRequest(null), ct);
        return TypedResults.Ok(await queries.AssignmentAsync(requestId, ct));
    }

    private static async Task<Ok<IReadOnlyList<NoteView>>> ListNotesAsync(Guid requestId, CaseWorkQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.NotesAsync(requestId, ct));

    private static async Task<Created<NoteView>> WriteNoteAsync(Guid requestId, WriteNote command, WriteNoteHandler handler, CancellationToken ct)
    {
        var note = await handler.HandleAsync(requestId, command, ct);
        return TypedResults.Created($"/api/v1/requests/{requestId}/notes", NoteView.Of(note));
    }
}
