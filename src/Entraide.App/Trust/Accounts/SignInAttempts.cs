using System.Security.Cryptography;
using System.Text;
using Entraide.App.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Trust.Accounts;

/// <summary>
/// Failed passwords, counted per e-mail address and per client address, whether the account exists or
/// not, so that the answers do not tell them apart:
/// <list type="bullet">
/// <item>five failures for one account from one address within 15 minutes refuse that account from that
/// address (with the same answer as a wrong password) until the oldest is 15 minutes old: a guesser
/// cannot lock the account's owner out from elsewhere;</item>
/// <item>more than <c>Entraide:SignInAttemptsPerMinute</c> (10) failures in a minute for one account,
/// from all addresses, or from one address, for all accounts, pause sign-in for them (429 with
/// Retry-After). Page views and right passwords are not counted.</item>
/// </list>
/// </summary>
public sealed class SignInAttempts(EntraideDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const int FailuresPerAddress = 5;
    public static readonly TimeSpan LockWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ThrottleWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    private int PerMinute => Math.Max(1, configuration.GetValue("Entraide:SignInAttemptsPerMinute", 10));

    /// <summary>The digest under which an e-mail address (normalised by Identity) is counted.</summary>
    public static string AccountKey(string? normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail ?? "")));

    /// <summary>How long to wait when this account or this address had too many failures in the last minute; null when neither.</summary>
    public async Task<TimeSpan?> PauseAsync(string account, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - ThrottleWindow;
        var recent = db.Set<SignInFailure>().AsNoTracking().Where(f => f.At > since);
        TimeSpan? wait = null;
        foreach (var q in new[] { recent.Where(f => f.Account == account), recent.Where(f => f.Address == address) })
        {
            var times = await q.OrderByDescending(f => f.At).Select(f => f.At).Take(PerMinute).ToListAsync(ct);
            if (times.Count < PerMinute) continue;
            // Free again once the oldest of the last PerMinute failures leaves the window.
            var until = times[^1] + ThrottleWindow - now;
            if (wait is null || until > wait) wait = until;
        }
        return wait is { } w ? (w < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : w) : null;
    }

    /// <summary>True when this account has failed <see cref="FailuresPerAddress"/> times from this address within <see cref="LockWindow"/>.</summary>
    public async Task<bool> LockedAsync(string account, string address, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - LockWindow;
        return await db.Set<SignInFailure>().CountAsync(f => f.Account == account && f.Address == address && f.At > since, ct) >= FailuresPerAddress;
    }

    public async Task FailedAsync(string account, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var old = now - Kept;
        await db.Set<SignInFailure>().Where(f => f.At < old).ExecuteDeleteAsync(ct);
        db.Add(new SignInFailure { Id = Guid.CreateVersion7(), Account = account, Address = address, At = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A right password from this address clears this account's failures from it.</summary>
    public Task SucceededAsync(string account, string address, CancellationToken ct) =>
        db.Set<SignInFailure>().Where(f => f.Account == account && f.Address == address).ExecuteDeleteAsync(ct);

    public static string AddressOf(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
