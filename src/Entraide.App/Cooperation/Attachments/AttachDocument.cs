using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Attachments;

/// <summary>A document to attach, with the sender's use limitation and retention in days (Art. 36).</summary>
/// <param name="Length">The size the upload declares, in bytes.</param>
public sealed record AttachDocument(string? FileName, string? ContentType, Stream Content, long Length, string? UseLimitation, int? RetentionDays);

/// <summary>Attaches a document to a request; once the request is sent, the other side is told.</summary>
public sealed class AttachDocumentHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock,
    RequestNotices notices)
    : IHandler
{
    public async Task<RequestAttachment> HandleAsync(Guid requestId, AttachDocument command, CancellationToken ct)
    {
        var actor = current.Current;
        var r = await db.Set<CooperationRequest>().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        var side = RequestAccess.Require(actor, r);
        // The description is checked before a byte is read: a refused upload is never held in memory.
        var upload = r!.PrepareAttachment(side, command.FileName, command.ContentType, command.Length, command.UseLimitation, command.RetentionDays);
        var content = await ReadAsync(command.Content, upload.Length, ct);
        var a = r.Attach(upload, content, side, actor, clock.GetUtcNow());
        notices.Changed(r, side);
        audit.Action = "cooperation.request.attach";
        await db.SaveChangesAsync(ct);
        return a;
    }

    // Reads at most one byte more than the limit, whatever the upload declared: the verb refuses what is over it.
    private static async Task<byte[]> ReadAsync(Stream content, long declared, CancellationToken ct)
    {
        var limit = CooperationRequest.MaxAttachmentBytes + 1;
        using var buffer = new MemoryStream((int)Math.Min(declared, limit));
        var chunk = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > limit) n = (int)(limit - buffer.Length);
            buffer.Write(chunk, 0, n);
            if (buffer.Length >= limit) break;
        }
        return buffer.ToArray();
    }
}
