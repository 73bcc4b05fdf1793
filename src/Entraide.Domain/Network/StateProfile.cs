using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Network;

/// <summary>
/// A State's profile as in force now: its Convention status, declarations and notes. A State without
/// one has the defaults (<see cref="ProfileDetails.Default"/>). <see cref="Version"/> rises with every
/// change to the profile or to any of its authorities (<see cref="RecordChange"/>), so the numbered
/// versions (<see cref="ProfileVersion"/>) never collide and a lost race answers 409.
/// </summary>
public sealed class StateProfile : IStateOwned
{
    private StateProfile() { }

    public string State { get; private set; } = "";
    public ConventionStatus Status { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public DateOnly? RatifiedOn { get; private set; }
    public bool RequiresDualCriminalityForPreservation { get; private set; }
    public bool RequiresDualCriminality { get; private set; }
    public string PoliticalOffenceTerms { get; private set; } = "";
    public string AcceptedLanguages { get; private set; } = "";
    public bool AcceptsUrgentRequestsOrally { get; private set; }
    public bool AcceptsUrgentRequestsByEmail { get; private set; }
    public string CriminalisedOptionalCategories { get; private set; } = "";
    public string NotCriminalisedOptionalCategories { get; private set; } = "";
    public int EmergencyAcknowledgementHours { get; private set; } = Declarations.DefaultEmergencyAcknowledgementHours;
    public string? Notes { get; private set; }
    public int Version { get; private set; }

    /// <summary>Last change or confirmation by the State: what the twelve-month reminder counts from.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    string? IStateOwned.OwnerState => State;

    /// <summary>The profile a State has before its first change: the defaults, at version 0.</summary>
    public static StateProfile Open(string state)
    {
        var profile = new StateProfile { State = state };
        profile.Apply(ProfileDetails.Default);
        return profile;
    }

    /// <summary>A profile written whole by the system (demo data), as its first version.</summary>
    public static StateProfile Seed(string state, ProfileDetails details, Actor by, DateTimeOffset at)
    {
        var profile = Open(state);
        profile.Apply(details);
        profile.RecordChange(by, at);
        return profile;
    }

    public ProfileDetails Details => new(Status, SignedOn, RatifiedOn,
        new Declarations(RequiresDualCriminalityForPreservation, RequiresDualCriminality, StoredLists.Split(PoliticalOffenceTerms),
            StoredLists.Split(AcceptedLanguages), AcceptsUrgentRequestsOrally, AcceptsUrgentRequestsByEmail,
            StoredLists.Split(CriminalisedOptionalCategories), EmergencyAcknowledgementHours)
        {
            NotCriminalisedOptionalCategories = StoredLists.Split(NotCriminalisedOptionalCategories),
        },
        Notes);

    /// <summary>Refuses a change made from another version than the current one (409).</summary>
    public void EnsureVersion(int? expected)
    {
        if (expected is { } v && v != Version) throw DomainException.Conflict("stale-version");
    }

    /// <summary>
    /// The State's administrators change the status, declarations and notes: every problem is raised at
    /// once (422), then a change made from an older version is refused (409).
    /// </summary>
    public void Change(ProfileDetails details, int? expectedVersion, DateTimeOffset now)
    {
        var errors = details.Validate(DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        EnsureVersion(expectedVersion);
        Apply(details);
    }

    /// <summary>
    /// A change to the profile or to one of its authorities, or a confirmation that it is still
    /// accurate: a new version, and the review reminder starts again.
    /// </summary>
    public void RecordChange(Actor by, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        UpdatedBy = by.DisplayName;
    }

    /// <summary>When the profile is due for review, and whether it is overdue; a State without a profile is always due.</summary>
    public static (DateTimeOffset? LastUpdated, DateTimeOffset? DueOn, bool Overdue) ReviewOf(StateProfile? profile, DateTimeOffset now) =>
        profile is null ? (null, null, true)
        : (profile.UpdatedAt, ProfileReview.DueOn(profile.UpdatedAt), ProfileReview.IsOverdue(profile.UpdatedAt, now));

    private void Apply(ProfileDetails p)
    {
        Status = p.Status;
        SignedOn = p.SignedOn;
        RatifiedOn = p.RatifiedOn;
        var d = p.Declarations;
        RequiresDualCriminalityForPreservation = d.RequiresDualCriminalityForPreservation;
        RequiresDualCriminality = d.RequiresDualCriminality;
        PoliticalOffenceTerms = StoredLists.Join(d.PoliticalOffenceTerms);
        AcceptedLanguages = StoredLists.Join(d.AcceptedLanguages);
        AcceptsUrgentRequestsOrally = d.AcceptsUrgentRequestsOrally;
        AcceptsUrgentRequestsByEmail = d.AcceptsUrgentRequestsByEmail;
        CriminalisedOptionalCategories = StoredLists.Join(d.CriminalisedOptionalCategories);
        NotCriminalisedOptionalCategories = StoredLists.Join(d.NotCriminalisedOptionalCategories);
        EmergencyAcknowledgementHours = d.EmergencyAcknowledgementHours;
        Notes = p.Notes;
    }
}
