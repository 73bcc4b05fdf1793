namespace Entraide.Domain.Trust;

/// <summary>The roles an account can hold. Every role but <see cref="Secretariat"/> is held for one State.</summary>
public static class Roles
{
    public const string StateAdministrator = "state-admin";
    public const string CentralAuthority = "central-authority";
    public const string PointOfContact = "point-of-contact";
    public const string Investigator = "investigator";
    public const string Delegate = "delegate";
    public const string Secretariat = "secretariat";
    public const string Donor = "donor";

    public static readonly IReadOnlyList<string> All =
        [StateAdministrator, CentralAuthority, PointOfContact, Investigator, Delegate, Secretariat, Donor];

    /// <summary>Roles that touch cooperation requests and so must sign in with two factors.</summary>
    public static readonly IReadOnlySet<string> RequireTwoFactor =
        new HashSet<string> { CentralAuthority, PointOfContact, Investigator, StateAdministrator, Secretariat };

    public static bool IsKnown(string role) => All.Contains(role);
}

/// <summary>Who is acting: an account or an API token of one State (or the secretariat), with its roles.</summary>
public sealed record Actor(string Id, string DisplayName, string? StateCode, IReadOnlySet<string> Roles, bool IsMachine = false)
{
    public static readonly Actor System = new("system", "Entraide", null, new HashSet<string>(), IsMachine: true);
    public static readonly Actor Anonymous = new("anonymous", "public", null, new HashSet<string>());

    public bool IsSecretariat => Roles.Contains(Trust.Roles.Secretariat);
    public bool IsAuthenticated => Id != Anonymous.Id;
    public bool Has(string role) => Roles.Contains(role);
    public bool HasAny(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>True when the actor belongs to <paramref name="stateCode"/>.</summary>
    public bool BelongsTo(string? stateCode) => StateCode is not null && string.Equals(StateCode, stateCode, StringComparison.Ordinal);
}
