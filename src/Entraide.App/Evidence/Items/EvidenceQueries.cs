using Entraide.App.Evidence.Uploads;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Evidence.Items;

/// <summary>
/// A request's evidence as the caller's State sees it: all of its own items, and the other State's sealed ones.
/// A request the caller's State is not party to does not exist (404).
/// </summary>
public sealed class EvidenceQueries(EntraideDbContext db, ICurrentActor current, EvidenceLoader loader)
{
    public const int MaxItems = 1000;

    public async Task<EvidenceListView> ListAsync(string? requestId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requestId)) throw DomainException.Invalid("required", "requestId");
        if (!Guid.TryParse(requestId, out var id)) throw DomainException.Invalid("invalid-value", "requestId");
        return new EvidenceListView(id, await ItemsAsync(id, ct));
    }

    public async Task<IReadOnlyList<EvidenceItemView>> ItemsAsync(Guid requestId, CancellationToken ct)
    {
        await loader.PartiesAsync(requestId, ct);
        var state = current.Current.StateCode;
        var items = await db.Set<EvidenceItem>().AsNoTracking()
            .Where(i => i.RequestId == requestId && (i.OwnerStateCode == state || i.Status == EvidenceStatus.Sealed))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Take(MaxItems).ToListAsync(ct);
        return [.. items.Select(EvidenceItemView.Of)];
    }

    /// <summary>The item and its chain of custody in order: by instant, and events of one instant in the order of an item's life.</summary>
    public async Task<EvidenceDetailView> GetAsync(Guid itemId, CancellationToken ct)
    {
        var (item, _) = await loader.ForReadingAsync(itemId, ct);
        var custody = item.Events.OrderBy(e => e.At).ThenBy(e => e.Kind).ThenBy(e => e.Id).Select(CustodyEventView.Of);
        return new EvidenceDetailView(EvidenceItemView.Of(item), [.. custody]);
    }
}
