using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Cooperation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Cooperation.Requests;

/// <summary>The parties of a request, read for other modules (<see cref="IRequestParties"/>).</summary>
internal sealed class RequestParties(EntraideDbContext db) : IRequestParties
{
    public async Task<RequestPartiesView?> FindAsync(Guid requestId, CancellationToken ct)
    {
        var r = await db.Set<CooperationRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId, ct);
        return r is null ? null : new RequestPartiesView(r.Id, r.Reference, r.Language, RequestAccess.PartiesOf(r));
    }
}
