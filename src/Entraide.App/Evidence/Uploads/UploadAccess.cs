using Entraide.App.Cooperation;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Evidence;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Evidence.Uploads;

/// <summary>
/// Loads an item for the caller through <see cref="EvidenceAccess"/>: 404 for a State that is not party to its request,
/// and for the other party while the upload is unfinished; 403 when the other party tries to change it.
/// </summary>
public sealed class EvidenceLoader(EntraideDbContext db, ICurrentActor current, IRequestParties requests)
{
    public async Task<(EvidenceItem Item, IReadOnlyList<Party> Parties)> ForReadingAsync(Guid itemId, CancellationToken ct, bool tracked = false)
    {
        var (item, parties) = await LoadAsync(itemId, tracked, ct);
        EvidenceAccess.EnsureCanSee(current.Current, parties, item);
        return (item!, parties);
    }

    public async Task<EvidenceItem> ForChangingAsync(Guid itemId, CancellationToken ct)
    {
        var (item, parties) = await LoadAsync(itemId, tracked: true, ct);
        EvidenceAccess.EnsureCanChange(current.Current, parties, item);
        return item!;
    }

    /// <summary>The parties of a request the caller is one of; 404 otherwise.</summary>
    public async Task<IReadOnlyList<Party>> PartiesAsync(Guid requestId, CancellationToken ct)
    {
        var request = await requests.FindAsync(requestId, ct);
        if (request is null || current.Current.PartyOf(request.Parties) is null) throw DomainException.NotFound("request");
        return request.Parties;
    }

    private async Task<(EvidenceItem?, IReadOnlyList<Party>)> LoadAsync(Guid itemId, bool tracked, CancellationToken ct)
    {
        var set = tracked ? db.Set<EvidenceItem>() : db.Set<EvidenceItem>().AsNoTracking();
        var item = await set.Include(i => i.Events).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) throw DomainException.NotFound("evidence");
        var request = await requests.FindAsync(item.RequestId, ct);
        return (item, request?.Parties ?? []);
    }
}
