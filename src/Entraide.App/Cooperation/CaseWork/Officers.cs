using Entraide.App.Trust;
using Entraide.Domain.Cooperation;

namespace Entraide.App.Cooperation.CaseWork;

/// <summary>The accounts of a State that handle requests (investigators, central authority, 24/7 point), through Trust's directory.</summary>
public sealed class Officers(IAccountDirectory accounts)
{
    public async Task<IReadOnlyList<Officer>> OfAsync(string state, CancellationToken ct)
    {
        var roles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var role in RequestAccess.CooperationRoles)
        {
            foreach (var holder in await accounts.RoleHoldersAsync(state, [role], ct))
            {
                if (!roles.TryGetValue(holder.AccountId, out var held)) roles[holder.AccountId] = held = [];
                held.Add(role);
            }
        }
        if (roles.Count == 0) return [];
        var names = await accounts.MailboxesAsync(roles.Keys, ct);
        return [.. roles.Where(kv => names.ContainsKey(kv.Key))
            .Select(kv => new Officer(kv.Key, names[kv.Key].DisplayName, state, kv.Value))
            .OrderBy(o => o.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(o => o.AccountId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The officer of <paramref name="state"/> with <paramref name="accountId"/>; null when there is none (or it is another State's).
    /// </summary>
    public async Task<Officer?> FindAsync(string state, string? accountId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(accountId)) return null;
        var id = accountId.Trim();
        return (await OfAsync(state, ct)).FirstOrDefault(o => o.AccountId == id);
    }
}
