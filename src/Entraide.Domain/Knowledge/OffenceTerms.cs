namespace Entraide.Domain.Knowledge;

/// <summary>
/// Stable codes of the offence taxonomy's core conduct (Convention Arts 7–17, and Art. 26 on participation
/// and attempt, which extends each of them). Conduct is named, not
/// national offence names: dual criminality is judged on these (Art. 35). The Knowledge module holds
/// the full, versioned taxonomy with labels in six languages and the optional categories.
/// </summary>
public static class OffenceTerms
{
    public const string IllegalAccess = "illegal-access";
    public const string IllegalInterception = "illegal-interception";
    public const string DataInterference = "data-interference";
    public const string SystemInterference = "system-interference";
    public const string MisuseOfDevices = "misuse-of-devices";
    public const string ComputerForgery = "computer-forgery";
    public const string ComputerFraud = "computer-fraud";
    public const string ChildSexualAbuseMaterial = "csam";
    public const string Grooming = "grooming";
    public const string IntimateImages = "intimate-images";
    public const string Laundering = "laundering";

    /// <summary>Art. 26 [Budapest 11]: participation (as accomplice, assistant or instigator) in, and attempt at, an offence of Arts 7–17.</summary>
    public const string ParticipationAndAttempt = "participation-attempt";

    public static readonly IReadOnlyList<string> Core =
    [
        IllegalAccess, IllegalInterception, DataInterference, SystemInterference, MisuseOfDevices,
        ComputerForgery, ComputerFraud, ChildSexualAbuseMaterial, Grooming, IntimateImages, Laundering, ParticipationAndAttempt,
    ];
}
