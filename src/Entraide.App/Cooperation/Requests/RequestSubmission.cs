using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Network;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <summary>
/// The step both submission use cases share (<see cref="SubmitDraftHandler"/>, <see cref="SubmitNewRequestHandler"/>):
/// the requested State's terms, the preservation the request follows up, the request's verb, the
/// notification to the requested State; then the save, which answers a retry with the first result.
/// </summary>
public sealed partial class RequestSubmission(
    EntraideDbContext db,
    AuditRecorder audit,
    TimeProvider clock,
    IStateProfiles profiles,
    RequestNotices notices,
    SubmissionKeys keys,
    ILogger<RequestSubmission> logger)
{
    public async Task SubmitAsync(CooperationRequest r, Side side, Actor actor, CancellationToken ct)
    {
        var profile = await profiles.GetCooperationProfileAsync(r.RequestedState, ct);
        var preservation = await PreservationOfAsync(r, ct);
        r.Submit(side, actor, clock.GetUtcNow(), new RequestedStateTerms(profile.AcceptedLanguages, profile.EmergencyAcknowledgementTime),
            preservation);
        notices.Received(r);
        audit.Action = "cooperation.request.submit";
    }

    /// <summary>Saves the submission with its key; when the key was taken meanwhile (a retry racing), the first result.</summary>
    public async Task<(CooperationRequest Request, bool Replayed)> SaveAsync(CooperationRequest r, Actor actor, string key, string digest,
        CancellationToken ct)
    {
        try
        {
            // A new submission only adds rows: written as plain inserts (a draft sent later changes its row, and is saved as usual).
            await db.SaveAddedRowsAsync(ct);
            LogSubmitted(logger, r.Reference, r.RequestingState, r.RequestedState);
            return (r, false);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // The key was used before (a retry, or two retries racing): the first result is the answer.
            // Any other failure (the storage is full, the connection was lost) is reported as it is.
            db.ChangeTracker.Clear();
            if (await keys.ReplayAsync(actor, key, digest, ct) is { } first) return (first, true);
            throw;
        }
    }

    // Only a follow-up looks its preservation up: an ordinary submission makes no query here.
    private async Task<CooperationRequest?> PreservationOfAsync(CooperationRequest r, CancellationToken ct)
    {
        var set = db.Set<CooperationRequest>();
        if (r.PrecedingRequestId is { } preceding) return await set.SingleOrDefaultAsync(x => x.Id == preceding, ct);
        if (r.UnlinkedPreservationReference is not { } reference) return null;
        // A preservation already followed up, or whose follow-up is being drafted, keeps that one.
        return await set.SingleOrDefaultAsync(x => x.Reference == reference && x.RequestingState == r.RequestingState
            && x.RequestedState == r.RequestedState && x.Type == RequestType.ExpeditedPreservation && x.FollowUpRequestId == null
            && !set.Any(f => f.PrecedingRequestId == x.Id), ct);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {Reference} submitted by {From} to {To}")]
    private static partial void LogSubmitted(ILogger logger, string reference, string from, string to);
}
