using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Network;

/// <summary>
/// An authority or point of contact designated by a State, with what verification rounds record on it:
/// when it last acknowledged a message, and the deadline of the one it has not yet acknowledged.
/// </summary>
public sealed class Authority : IStateOwned
{
    private Authority() { }

    public Guid Id { get; private set; }
    public string State { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Address { get; private set; }

    /// <summary>International numbers, one per line.</summary>
    public string Phones { get; private set; } = "";

    public string? Email { get; private set; }
    public string Languages { get; private set; } = "";

    /// <summary>Compact weekly schedule (<see cref="OfficeSchedule.ToString"/>).</summary>
    public string OfficeHours { get; private set; } = "";

    public string TimeZone { get; private set; } = "";
    public string PreferredChannel { get; private set; } = ReplyChannels.Platform;
    public bool AroundTheClock { get; private set; }
    public bool AddressPublic { get; private set; }
    public bool EmailPublic { get; private set; }
    public bool PhonesPublic { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Last change of the details themselves; verification does not move it.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>When the point last acknowledged a verification message.</summary>
    public DateTimeOffset? LastVerifiedAt { get; private set; }

    /// <summary>Deadline of the verification message it has not yet acknowledged, if any.</summary>
    public DateTimeOffset? PendingCheckDueBy { get; private set; }

    string? IStateOwned.OwnerState => State;

    public IReadOnlyList<string> PhoneList => StoredLists.SplitLines(Phones);
    public IReadOnlyList<string> LanguageList => StoredLists.Split(Languages);

    public AuthorityDetails Details => new(Kind, Name, Address, PhoneList, Email, LanguageList,
        OfficeSchedule.Parse(OfficeHours), TimeZone, PreferredChannel, AroundTheClock, AddressPublic, EmailPublic, PhonesPublic);

    /// <summary>A State designates an authority; every problem with its details is raised at once (422).</summary>
    /// <param name="idTime">The instant the identifier is made from (the demo data spreads them to keep an order).</param>
    public static Authority Designate(string state, AuthorityDetails details, Actor by, DateTimeOffset now, DateTimeOffset? idTime = null)
    {
        Validate(details);
        var authority = new Authority { Id = Guid.CreateVersion7(idTime ?? now), State = state, CreatedAt = now, Version = 1 };
        authority.Apply(details, by, now);
        return authority;
    }

    /// <summary>Refuses a change made from another version than the current one (409).</summary>
    public void EnsureVersion(int? expected)
    {
        if (expected is { } v && v != Version) throw DomainException.Conflict("stale-version");
    }

    /// <summary>
    /// The State changes the details. A point that stops being a 24/7 point has no verification to
    /// answer any more.
    /// </summary>
    public void Change(AuthorityDetails details, int? expectedVersion, Actor by, DateTimeOffset now)
    {
        Validate(details);
        EnsureVersion(expectedVersion);
        Apply(details, by, now);
        Version++;
        if (Kind != AuthorityKinds.PointOfContact) PendingCheckDueBy = null;
    }

    /// <summary>A verification message was sent to the point, to acknowledge by <paramref name="dueBy"/>.</summary>
    public void VerificationSent(DateTimeOffset dueBy) => PendingCheckDueBy = dueBy;

    /// <summary>
    /// The point acknowledged a message at <paramref name="at"/>; it stays awaited when a later message
    /// is still open (<paramref name="laterMessageSent"/>).
    /// </summary>
    public void Verified(DateTimeOffset at, bool laterMessageSent)
    {
        LastVerifiedAt = at;
        if (!laterMessageSent) PendingCheckDueBy = null;
    }

    public bool IsUnansweredAt(DateTimeOffset now) => PendingCheckDueBy is { } due && now >= due;

    private static void Validate(AuthorityDetails details)
    {
        var errors = details.Validate();
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
    }

    private void Apply(AuthorityDetails a, Actor by, DateTimeOffset now)
    {
        Kind = a.Kind;
        Name = a.Name.Trim();
        Address = a.Address;
        Phones = string.Join('\n', a.Phones);
        Email = a.Email;
        Languages = StoredLists.Join(a.Languages);
        OfficeHours = a.OfficeHours.ToString();
        TimeZone = a.TimeZone;
        PreferredChannel = a.PreferredChannel;
        AroundTheClock = a.AroundTheClock;
        AddressPublic = a.AddressPublic;
        EmailPublic = a.EmailPublic;
        PhonesPublic = a.PhonesPublic;
        UpdatedAt = now;
        UpdatedBy = by.DisplayName;
    }
}
