using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Deliberation;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation.Drafts;

/// <summary>The public record of resolutions, for other modules: only what <c>/resolutions</c> shows anyone.</summary>
internal sealed class AdoptedResolutions(EntraideDbContext db) : IAdoptedResolutions
{
    public async Task<ResolutionRecord?> FindBySymbolAsync(string symbol, CancellationToken ct)
    {
        var s = DraftSymbol.Normalise(symbol);
        var d = await db.Set<DraftResolution>().AsNoTracking().SingleOrDefaultAsync(x => x.Symbol == s && x.Status != DraftStatus.Working, ct);
        return d is null ? null
            : new ResolutionRecord(d.Id, d.Symbol!, d.CurrentSymbol!, d.Title, d.Status.ToString().ToLowerInvariant(), d.IssuedAt);
    }
}
