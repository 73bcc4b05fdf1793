using Entraide.Domain.Trust;

namespace Entraide.App.Trust;

/// <summary>
/// What other modules may know of the accounts without reading Identity's tables: who holds a role
/// for a State, and how to write to an account. Reads go through the caller's unit of work (its
/// connection and transaction).
/// </summary>
public interface IAccountDirectory
{
    /// <summary>
    /// A number that changes whenever this process commits a change to accounts, roles or role
    /// grants. A cache of what the directory answered is current while it has not moved; changes made
    /// by another process (the CLI, another server instance) do not move it.
    /// </summary>
    long ChangeStamp { get; }

    /// <summary>
    /// The accounts of <paramref name="state"/> (the secretariat's when null) holding any of
    /// <paramref name="roles"/>, leaving out disabled ones.
    /// </summary>
    Task<List<RoleHolder>> RoleHoldersAsync(string? state, IReadOnlyCollection<string> roles, CancellationToken ct);

    /// <inheritdoc cref="RoleHoldersAsync"/>
    List<RoleHolder> RoleHolders(string? state, IReadOnlyCollection<string> roles);

    /// <summary>The name, e-mail address and language of each of <paramref name="accountIds"/> that still exists.</summary>
    Task<Dictionary<string, AccountMailbox>> MailboxesAsync(IReadOnlyCollection<string> accountIds, CancellationToken ct);
}

/// <summary>An account that holds a role, and its e-mail address if it has one.</summary>
public sealed record RoleHolder(string AccountId, string? Email);

/// <summary>How to write to an account: to whom, where, in which language (an official language's code).</summary>
public sealed record AccountMailbox(string AccountId, string DisplayName, string? Email, string PreferredLanguage);

/// <summary>Who is acting in this scope: the signed-in account, the API token, or the system.</summary>
public interface ICurrentActor
{
    Actor Current { get; }
}

/// <summary>
/// Whether the session or API token of a principal still holds (not signed out, its security stamp unchanged;
/// the token neither revoked nor expired): for responses that outlive the request that opened them.
/// </summary>
public interface ISessionCheck
{
    Task<bool> StillValidAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct);
}

/// <summary>The claims Entraide adds to a session or a token's principal.</summary>
public static class EntraideClaims
{
    public const string State = "entraide:state";
    public const string DisplayName = "entraide:name";
    public const string TokenId = "entraide:token";
}

/// <summary>What <c>GET /api/v1/me</c> answers: who the caller is.</summary>
public sealed record MeView(string Id, string Name, string? State, IReadOnlyList<string> Roles, bool Machine);
