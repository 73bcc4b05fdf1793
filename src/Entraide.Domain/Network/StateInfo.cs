namespace Entraide.Domain.Network;

public enum UnStatus
{
    Member,
    Observer,
}

/// <summary>One UN Member or observer State, as the reference data describes it.</summary>
public sealed record StateInfo(
    string Iso3,
    string Iso2,
    string M49,
    UnStatus Status,
    string Region,
    string SubRegion,
    bool LeastDeveloped,
    bool Landlocked,
    bool SmallIsland);

/// <summary>A State's names in the six languages for a period; <see cref="ValidUntil"/> is exclusive.</summary>
public sealed record StateNames(
    IReadOnlyDictionary<string, string> Short,
    IReadOnlyDictionary<string, string> Formal,
    DateOnly? ValidUntil);
