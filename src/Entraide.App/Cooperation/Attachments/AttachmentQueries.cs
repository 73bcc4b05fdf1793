using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Attachments;

/// <summary>Reading a request's documents: their list (never their content) and one document's bytes.</summary>
public sealed class AttachmentQueries(EntraideDbContext db, ICurrentActor current, TimeProvider clock)
{
    /// <summary>The document, once the receiver accepted its conditions and while its retention lasts.</summary>
    public async Task<RequestAttachment> DownloadAsync(Guid requestId, Guid attachmentId, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        var found = await db.Set<RequestAttachment>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == attachmentId && x.RequestId == requestId, ct);
        var a = r!.AttachmentSeenBy(found, side);
        a.EnsureCanOpen(actor, clock.GetUtcNow());
        return a;
    }

    /// <summary>The documents of a request as <paramref name="actor"/> sees them, oldest first, read without their bytes.</summary>
    public async Task<List<AttachmentView>> OfRequestAsync(Guid requestId, Actor actor, CancellationToken ct)
    {
        var rows = await db.Set<RequestAttachment>().AsNoTracking().Where(a => a.RequestId == requestId).OrderBy(a => a.At)
            .Select(a => new
            {
                a.Id,
                a.FileName,
                a.ContentType,
                a.Size,
                a.Sha256,
                a.At,
                a.UploadedByName,
                a.UploadedByState,
                a.UseLimitation,
                a.RetentionDays,
                a.ConditionsAcknowledgedAt,
                a.OnwardTransferAuthorisedTo,
                a.OnwardTransferRequestedTo,
                a.OnwardTransferReasons,
            }).ToListAsync(ct);
        return [.. rows.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.At, a.UploadedByName, a.UploadedByState,
            a.UseLimitation, a.RetentionDays, a.RetentionDays is { } d ? a.At.AddDays(d) : null, a.ConditionsAcknowledgedAt,
            RequestAttachment.MustAcknowledge(actor, a.UploadedByState, a.UseLimitation, a.RetentionDays, a.ConditionsAcknowledgedAt),
            Codes(a.OnwardTransferAuthorisedTo), a.OnwardTransferRequestedTo, a.OnwardTransferReasons))];
    }

    public static AttachmentView ViewOf(RequestAttachment a, Actor actor) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.At,
        a.UploadedByName, a.UploadedByState, a.UseLimitation, a.RetentionDays, a.RetainUntil, a.ConditionsAcknowledgedAt, a.MustAcknowledge(actor),
        Codes(a.OnwardTransferAuthorisedTo), a.OnwardTransferRequestedTo, a.OnwardTransferReasons);

    private static string[] Codes(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
