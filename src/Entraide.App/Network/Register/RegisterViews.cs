using Entraide.App.Network.Authorities;

namespace Entraide.App.Network.Register;

/// <summary>Filters of the register; all optional.</summary>
/// <param name="Query">Part of a State's name (in the register's language), of its code, or of an authority's name.</param>
/// <param name="Language">ISO 639-1 code of a language the authority works in.</param>
public sealed record RegisterFilter(string? Region = null, string? Kind = null, string? Language = null, bool? AroundTheClock = null,
    string? Query = null)
{
    /// <summary>True when the filter narrows authorities, so States without a matching one drop out.</summary>
    public bool NarrowsAuthorities => Kind is not null || Language is not null || AroundTheClock is not null;
}

public sealed record RegisterState(
    string State,
    string Name,
    string Region,
    DateTimeOffset? ProfileUpdatedAt,
    DateTimeOffset? LastVerifiedAt,
    IReadOnlyList<AuthorityView> Authorities);

public sealed record RegisterView(string Language, DateTimeOffset GeneratedAt, int StateCount, int AuthorityCount,
    IReadOnlyList<RegisterState> States);
