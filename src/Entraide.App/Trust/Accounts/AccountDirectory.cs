using Entraide.App.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust.Accounts;

/// <summary><see cref="IAccountDirectory"/> over Identity's tables, in the unit of work of the scope.</summary>
internal sealed class AccountDirectory(EntraideDbContext db, EntityChanges changes) : IAccountDirectory
{
    private static readonly Type[] AccountTypes = [typeof(EntraideUser), typeof(IdentityUserRole<string>), typeof(IdentityRole)];

    public long ChangeStamp => changes.Stamp(AccountTypes);

    public async Task<List<RoleHolder>> RoleHoldersAsync(string? state, IReadOnlyCollection<string> roles, CancellationToken ct) =>
        Reachable(await HoldersQuery(state, roles).ToListAsync(ct));

    public List<RoleHolder> RoleHolders(string? state, IReadOnlyCollection<string> roles) => Reachable([.. HoldersQuery(state, roles)]);

    public async Task<Dictionary<string, AccountMailbox>> MailboxesAsync(IReadOnlyCollection<string> accountIds, CancellationToken ct)
    {
        if (accountIds.Count == 0) return [];
        return await db.Users.AsNoTracking()
            .Where(u => accountIds.Contains(u.Id))
            .Select(u => new AccountMailbox(u.Id, u.DisplayName, u.Email, u.PreferredLanguage))
            .ToDictionaryAsync(m => m.AccountId, ct);
    }

    // One indexed query on the accounts of one State.
    private IQueryable<Holder> HoldersQuery(string? state, IReadOnlyCollection<string> roles)
    {
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.AsNoTracking()
            .Where(u => u.StateCode == state)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new Holder(u.Id, u.Email, u.LockoutEnd));
    }

    // An account locked for good (its lockout ends in year 9999, as a lockout "forever" does) is disabled;
    // one locked for a few minutes after wrong passwords is still someone at work.
    private static List<RoleHolder> Reachable(List<Holder> holders) =>
        [.. holders.Where(h => h.LockoutEnd is not { Year: >= 9999 }).Select(h => new RoleHolder(h.Id, h.Email))];

    private sealed record Holder(string Id, string? Email, DateTimeOffset? LockoutEnd);
}
