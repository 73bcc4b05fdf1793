using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <summary>Sends a saved draft.</summary>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header: a retry with the same key returns the first result.</param>
public sealed record SubmitDraft(Guid RequestId, string? IdempotencyKey);

/// <summary>
/// Sends a saved draft; an incomplete one is refused with each missing field and its article, and stays
/// a draft. Retried with the same key, returns the first result.
/// </summary>
public sealed class SubmitDraftHandler(EntraideDbContext db, ICurrentActor current, SubmissionGate gate, SubmissionKeys keys,
    RequestSubmission submission)
    : IHandler
{
    public async Task<(CooperationRequest Request, bool Replayed)> HandleAsync(SubmitDraft command, CancellationToken ct)
    {
        var actor = current.Current;
        var key = SubmissionKeys.Require(command.IdempotencyKey);
        var digest = SubmissionKeys.DigestOfDraft(command.RequestId);
        if (await keys.ReplayAsync(actor, key, digest, ct) is { } first) return (first, true);

        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == command.RequestId, ct);
        var side = RequestAccess.Require(actor, r);
        using var turn = await gate.EnterAsync(r!.Spec.Urgent, ct);
        await submission.SubmitAsync(r, side, actor, ct);
        keys.Remember(actor, key, digest, r.Id);
        return await submission.SaveAsync(r, actor, key, digest, ct);
    }
}
