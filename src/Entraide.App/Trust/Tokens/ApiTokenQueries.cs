using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust.Tokens;

/// <summary>The tokens of the actor's State (the secretariat's for the secretariat), newest first.</summary>
public sealed class ApiTokenQueries(EntraideDbContext db, ICurrentActor current, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(CancellationToken ct)
    {
        var state = current.Current.StateCode;
        var now = clock.GetUtcNow();
        var tokens = await db.Set<ApiToken>().AsNoTracking().Where(t => t.StateCode == state).ToListAsync(ct);
        return [.. tokens.OrderByDescending(t => t.CreatedAt).Select(t => ApiTokenView.Of(t, now))];
    }
}
