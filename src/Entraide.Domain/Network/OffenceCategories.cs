using Entraide.Domain.Knowledge;

namespace Entraide.Domain.Network;

/// <summary>
/// The offence categories a profile may name: the core every party criminalises (Arts 7–17) and the
/// broader content offences some States asked for (A/AC.291/4), which each State declares or not.
/// </summary>
public static class OffenceCategories
{
    public const string Terrorism = "terrorism-content";
    public const string Extremism = "extremism-content";
    public const string IncitementToViolence = "incitement-to-violence";
    public const string Disinformation = "false-information";
    public const string CopyrightInfringement = "copyright-infringement";
    public const string IllicitTrafficking = "online-illicit-trafficking";
    public const string Gambling = "online-gambling";
    public const string PrivacyViolation = "privacy-violation";

    public static readonly IReadOnlyList<string> Optional =
        [Terrorism, Extremism, IncitementToViolence, Disinformation, CopyrightInfringement, IllicitTrafficking, Gambling, PrivacyViolation];

    public static bool IsKnown(string term) => OffenceTerms.Core.Contains(term) || Optional.Contains(term);
}
