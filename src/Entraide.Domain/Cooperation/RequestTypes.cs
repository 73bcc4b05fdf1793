namespace Entraide.Domain.Cooperation;

/// <summary>
/// The kinds of request States exchange. Each has its own field list and clocks (see
/// <see cref="RequestCatalogue"/>); extradition, real-time collection, interception and joint
/// investigations are added as further entries of the catalogue, not as new code paths.
/// </summary>
public enum RequestType
{
    MutualLegalAssistance,
    ExpeditedPreservation,
    PreservedTrafficDisclosure,
    StoredDataAccess,
    EmergencyDisclosure,
    SpontaneousInformation,
}

/// <summary>Which side of a request an actor is on.</summary>
public enum Side
{
    Requesting,
    Requested,
}

/// <summary>How a request reaches the requested State.</summary>
public enum Channel
{
    /// <summary>Through the requested State's central authority (the default for MLA).</summary>
    CentralAuthority,
    /// <summary>Through the 24/7 network (urgent types).</summary>
    PointOfContact,
    /// <summary>Directly between judicial authorities; the central authority receives a copy.</summary>
    DirectJudicial,
}

public enum FieldKind
{
    Text,
    LongText,
    /// <summary>A statement the requester must make (e.g. intent to follow with an MLA request).</summary>
    Affirmation,
    Reference,
}

/// <summary>One item of content a request of a type carries, and the article that asks for it.</summary>
/// <param name="Required">False for content the article asks for "where possible" or "where needed".</param>
public sealed record FieldSpec(string Name, string Article, FieldKind Kind, bool Required = true, int MaxLength = 8000);

/// <summary>What the Convention says about one request type.</summary>
/// <param name="Code">Stable code used in the API and URLs.</param>
/// <param name="Urgent">Routed to the 24/7 point of contact and handled by it.</param>
/// <param name="Bilateral">False for information sent without a prior request: it is acknowledged, never assessed or executed.</param>
/// <param name="ConfidentialityAvailable">The requester may ask that the data subject not be notified.</param>
public sealed record TypeSpec(
    RequestType Type,
    string Code,
    string Article,
    bool Urgent,
    bool Bilateral,
    bool ConfidentialityAvailable,
    IReadOnlyList<FieldSpec> Fields)
{
    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Where another instrument governs the same measure: cited beside <see cref="Article"/>, labelled as a cross-reference.</summary>
    public CrossReference? CrossReference { get; init; }
}

/// <summary>Articles of another instrument that cover the same measure, cited as a cross-reference, never as the legal basis.</summary>
/// <param name="Instrument">A stable code of the instrument (<see cref="CrossReference.BudapestSecondProtocol"/>).</param>
/// <param name="Articles">The articles, as the instrument numbers them ("9–10").</param>
public sealed record CrossReference(string Instrument, string Articles)
{
    /// <summary>
    /// Second Additional Protocol to the Budapest Convention on enhanced co-operation and disclosure of electronic evidence (CETS 224).
    /// </summary>
    public const string BudapestSecondProtocol = "budapest-second-protocol";
}

/// <summary>
/// The content each request type must carry, article by article (UN Convention against Cybercrime;
/// Budapest equivalents in the comments). A submitted request lacking a required field is refused at
/// drafting time, naming the field and its article.
/// </summary>
public static class RequestCatalogue
{
    public const string RequestingAuthority = "requestingAuthority";
    public const string Subject = "subject";
    public const string ConductingAuthority = "conductingAuthority";
    public const string Facts = "facts";
    public const string AssistanceSought = "assistanceSought";
    public const string Procedure = "procedure";
    public const string PersonsConcerned = "personsConcerned";
    public const string Purpose = "purpose";
    public const string Offence = "offence";
    public const string DataToPreserve = "dataToPreserve";
    public const string RelationToOffence = "relationToOffence";
    public const string Custodian = "custodian";
    public const string Necessity = "necessity";
    public const string IntentToRequestMla = "intentToRequestMla";
    public const string PreservationReference = "preservationReference";
    public const string TrafficData = "trafficData";
    public const string DataSought = "dataSought";
    public const string Measure = "measure";
    public const string Vulnerability = "vulnerability";
    public const string RiskToLife = "riskToLife";
    public const string Information = "information";
    public const string UseConditions = "useConditions";

    private const string Art40 = "40";
    private const string Art42 = "42";
    private const string Art43 = "43";
    private const string Art44 = "44";
    // Art. 41: the 24/7 network, through which the platform carries emergency requests.
    private const string Art41 = "41";

    // Art. 40 [Budapest 27]: what every request for mutual legal assistance states.
    private static readonly TypeSpec Mla = new(RequestType.MutualLegalAssistance, "mla", Art40, Urgent: false, Bilateral: true,
        ConfidentialityAvailable: true,
    [
        new(RequestingAuthority, Art40, FieldKind.Text, MaxLength: 500),
        new(Subject, Art40, FieldKind.LongText),
        new(ConductingAuthority, Art40, FieldKind.Text, MaxLength: 500),
        new(Facts, Art40, FieldKind.LongText),
        new(AssistanceSought, Art40, FieldKind.LongText),
        new(Procedure, Art40, FieldKind.LongText, Required: false),
        new(PersonsConcerned, Art40, FieldKind.LongText, Required: false),
        new(Purpose, Art40, FieldKind.LongText),
    ]);

    // Art. 42 [29]: expedited preservation of stored computer data.
    private static readonly TypeSpec Preservation = new(RequestType.ExpeditedPreservation, "preservation", Art42, Urgent: true, Bilateral: true,
        ConfidentialityAvailable: true,
    [
        new(RequestingAuthority, Art42, FieldKind.Text, MaxLength: 500),
        new(Offence, Art42, FieldKind.Text, MaxLength: 1000),
        new(Facts, Art42, FieldKind.LongText),
        new(DataToPreserve, Art42, FieldKind.LongText),
        new(RelationToOffence, Art42, FieldKind.LongText),
        new(Custodian, Art42, FieldKind.Text, MaxLength: 1000),
        new(Necessity, Art42, FieldKind.LongText),
        new(IntentToRequestMla, Art42, FieldKind.Affirmation),
    ]);

    // Art. 43 [30]: disclosure of enough preserved traffic data to identify the providers and the path.
    private static readonly TypeSpec Traffic = new(RequestType.PreservedTrafficDisclosure, "traffic-data", Art43, Urgent: true, Bilateral: true,
        ConfidentialityAvailable: true,
    [
        new(RequestingAuthority, Art43, FieldKind.Text, MaxLength: 500),
        new(PreservationReference, Art43, FieldKind.Reference, MaxLength: 100),
        new(Facts, Art43, FieldKind.LongText),
        new(TrafficData, Art43, FieldKind.LongText),
    ]);

    // Art. 44 [31]: search, seizure or disclosure of stored data; usually follows a preservation.
    private static readonly TypeSpec Stored = new(RequestType.StoredDataAccess, "stored-data", Art44, Urgent: false, Bilateral: true,
        ConfidentialityAvailable: true,
    [
        new(RequestingAuthority, Art40, FieldKind.Text, MaxLength: 500),
        new(Subject, Art40, FieldKind.LongText),
        new(ConductingAuthority, Art40, FieldKind.Text, MaxLength: 500),
        new(Facts, Art40, FieldKind.LongText),
        new(PreservationReference, Art44, FieldKind.Reference, Required: false, MaxLength: 100),
        new(DataSought, Art44, FieldKind.LongText),
        new(Custodian, Art44, FieldKind.Text, MaxLength: 1000),
        new(Measure, Art44, FieldKind.Text, MaxLength: 1000),
        new(Vulnerability, Art44, FieldKind.LongText, Required: false),
        new(PersonsConcerned, Art40, FieldKind.LongText, Required: false),
        new(Purpose, Art40, FieldKind.LongText),
    ]);

    // Art. 41, the 24/7 network: a significant and imminent risk to life or safety. The Budapest Second Protocol's
    // emergency mutual assistance and disclosure (Arts 9–10) govern the same measure between its Parties: a cross-reference.
    private static readonly TypeSpec Emergency = new(RequestType.EmergencyDisclosure, "emergency", Art41, Urgent: true, Bilateral: true,
        ConfidentialityAvailable: true,
    [
        new(RequestingAuthority, Art41, FieldKind.Text, MaxLength: 500),
        new(RiskToLife, Art41, FieldKind.LongText),
        new(Facts, Art41, FieldKind.LongText),
        new(DataSought, Art41, FieldKind.LongText),
        new(Custodian, Art41, FieldKind.Text, MaxLength: 1000),
        new(PersonsConcerned, Art41, FieldKind.LongText, Required: false),
    ])
    {
        CrossReference = new(CrossReference.BudapestSecondProtocol, "9–10"),
    };

    // Art. 40: information sent without a prior request; the receiver respects confidentiality and use limits.
    private static readonly TypeSpec Spontaneous = new(RequestType.SpontaneousInformation, "spontaneous", Art40, Urgent: false,
        Bilateral: false, ConfidentialityAvailable: true,
    [
        new(RequestingAuthority, Art40, FieldKind.Text, MaxLength: 500),
        new(Subject, Art40, FieldKind.LongText),
        new(Information, Art40, FieldKind.LongText),
        new(UseConditions, Art40, FieldKind.LongText, Required: false),
    ]);

    public static readonly IReadOnlyList<TypeSpec> All = [Mla, Preservation, Traffic, Stored, Emergency, Spontaneous];

    public static TypeSpec Of(RequestType type) => All.First(t => t.Type == type);

    public static bool TryParse(string? code, out TypeSpec spec)
    {
        spec = All.FirstOrDefault(t => string.Equals(t.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return spec is not null;
    }

    /// <summary>Every field any type knows, for labels and for refusing unknown keys.</summary>
    public static readonly IReadOnlySet<string> KnownFields = All.SelectMany(t => t.Fields).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
}
