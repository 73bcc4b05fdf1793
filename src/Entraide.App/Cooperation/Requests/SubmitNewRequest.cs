using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;

namespace Entraide.App.Cooperation.Requests;

/// <summary>Drafts and sends in one call, as a State's own system does.</summary>
/// <param name="Request">The request's content: the body of the call.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header: a retry with the same key never creates a second request.</param>
public sealed record SubmitNewRequest(DraftRequest Request, string? IdempotencyKey);

/// <summary>
/// Drafts and sends in one call. A first submission (nearly all of them) only adds rows, written as plain
/// inserts; a retry with the same key answers with the first request.
/// </summary>
public sealed class SubmitNewRequestHandler(
    EntraideDbContext db,
    ICurrentActor current,
    TimeProvider clock,
    StateDirectory states,
    SubmissionGate gate,
    RequestSubmission submission,
    SubmissionKeys keys) : IHandler
{
    public async Task<(CooperationRequest Request, bool Replayed)> HandleAsync(SubmitNewRequest command, CancellationToken ct)
    {
        var actor = current.Current;
        var key = SubmissionKeys.Require(command.IdempotencyKey);
        var digest = SubmissionKeys.DigestOf(command.Request);
        using var turn = await gate.EnterAsync(RequestCatalogue.TryParse(command.Request.Type, out var spec) && spec.Urgent, ct);

        // The key is not looked up first: a first submission saves without that round trip, and a retry
        // fails on the key's primary key and answers with the first result.
        CooperationRequest r;
        try
        {
            r = CooperationRequest.Draft(command.Request.Content, actor, clock.GetUtcNow(), states);
            await submission.SubmitAsync(r, Side.Requesting, actor, ct);
            db.Add(r);
        }
        catch (DomainException)
        {
            // A retry of a submission accepted earlier (whose deadline has passed since, say) still gets the first result.
            db.ChangeTracker.Clear();
            if (await keys.ReplayAsync(actor, key, digest, ct) is { } first) return (first, true);
            throw;
        }
        keys.Remember(actor, key, digest, r.Id);
        return await submission.SaveAsync(r, actor, key, digest, ct);
    }
}
