using Entraide.Domain.Trust;

namespace Entraide.Domain.Network;

/// <summary>The kinds of authority a State designates (Convention Arts 37, 40, 41).</summary>
public static class AuthorityKinds
{
    /// <summary>Central authority for mutual legal assistance (Art. 40).</summary>
    public const string CentralAuthority = "central-authority";
    /// <summary>Authority responsible for extradition and provisional arrest (Art. 37).</summary>
    public const string ExtraditionAuthority = "extradition-authority";
    /// <summary>Point of contact available 24 hours a day, 7 days a week (Art. 41).</summary>
    public const string PointOfContact = "point-of-contact";
    public const string CompetentAuthority = "competent-authority";

    public static readonly IReadOnlyList<string> All = [CentralAuthority, ExtraditionAuthority, PointOfContact, CompetentAuthority];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}

/// <summary>How an authority prefers to receive replies and urgent messages.</summary>
public static class ReplyChannels
{
    public const string Platform = "platform";
    public const string Email = "email";
    public const string Phone = "phone";

    public static readonly IReadOnlyList<string> All = [Platform, Email, Phone];
}

/// <summary>Who is looking at a contact: the fields shown depend on it.</summary>
public enum Audience
{
    /// <summary>A member of the public, or an account with no cooperation role.</summary>
    Public,
    /// <summary>The authorities of another State (and the secretariat): what cooperation needs.</summary>
    Authorities,
    /// <summary>The State itself: every field, including what it keeps to itself.</summary>
    Owner,
}

/// <summary>Who sees which fields of a State's profile and authorities.</summary>
public static class Audiences
{
    private static readonly string[] AuthorityRoles =
        [Roles.StateAdministrator, Roles.CentralAuthority, Roles.PointOfContact, Roles.Investigator];

    /// <summary>
    /// The State itself sees everything; the secretariat and other States' authorities see what
    /// cooperation needs; delegates, donors and the public see the public fields.
    /// </summary>
    public static Audience Of(Actor actor, string state) =>
        actor.BelongsTo(state) ? Audience.Owner
        : actor.IsSecretariat || (actor.StateCode is not null && actor.HasAny(AuthorityRoles)) ? Audience.Authorities
        : Audience.Public;
}
