using Entraide.App.Infrastructure.Audit;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entraide.App.Network.Persistence;

/// <summary>
/// The profile as in force now. A State without a row has the defaults (see <see cref="ProfileDetails.Default"/>).
/// <see cref="Version"/> rises with every change to the profile or any of its authorities, so that the
/// numbered snapshots in <see cref="ProfileVersionRecord"/> never collide and a lost race answers 409.
/// </summary>
public sealed class StateProfileRecord : IStateOwned
{
    public required string State { get; set; }
    public ConventionStatus Status { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? RatifiedOn { get; set; }
    public bool RequiresDualCriminalityForPreservation { get; set; }
    public bool RequiresDualCriminality { get; set; }
    public string PoliticalOffenceTerms { get; set; } = "";
    public string AcceptedLanguages { get; set; } = "";
    public bool AcceptsUrgentRequestsOrally { get; set; }
    public bool AcceptsUrgentRequestsByEmail { get; set; }
    public string CriminalisedOptionalCategories { get; set; } = "";
    public int EmergencyAcknowledgementHours { get; set; } = Declarations.DefaultEmergencyAcknowledgementHours;
    public string? Notes { get; set; }
    public int Version { get; set; }
    /// <summary>Last change or confirmation by the State: what the twelve-month reminder counts from.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    string? IStateOwned.OwnerState => State;

    public ProfileDetails ToDetails() => new(Status, SignedOn, RatifiedOn,
        new Declarations(RequiresDualCriminalityForPreservation, RequiresDualCriminality, Lists.Split(PoliticalOffenceTerms),
            Lists.Split(AcceptedLanguages), AcceptsUrgentRequestsOrally, AcceptsUrgentRequestsByEmail,
            Lists.Split(CriminalisedOptionalCategories), EmergencyAcknowledgementHours),
        Notes);

    public void Apply(ProfileDetails p)
    {
        Status = p.Status;
        SignedOn = p.SignedOn;
        RatifiedOn = p.RatifiedOn;
        var d = p.Declarations;
        RequiresDualCriminalityForPreservation = d.RequiresDualCriminalityForPreservation;
        RequiresDualCriminality = d.RequiresDualCriminality;
        PoliticalOffenceTerms = Lists.Join(d.PoliticalOffenceTerms);
        AcceptedLanguages = Lists.Join(d.AcceptedLanguages);
        AcceptsUrgentRequestsOrally = d.AcceptsUrgentRequestsOrally;
        AcceptsUrgentRequestsByEmail = d.AcceptsUrgentRequestsByEmail;
        CriminalisedOptionalCategories = Lists.Join(d.CriminalisedOptionalCategories);
        EmergencyAcknowledgementHours = d.EmergencyAcknowledgementHours;
        Notes = p.Notes;
    }
}

/// <summary>An authority or point of contact designated by a State.</summary>
public sealed class AuthorityRecord : IStateOwned
{
    public Guid Id { get; set; }
    public required string State { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    /// <summary>International numbers, one per line.</summary>
    public string Phones { get; set; } = "";
    public string? Email { get; set; }
    public string Languages { get; set; } = "";
    /// <summary>Compact weekly schedule (<see cref="OfficeSchedule.ToString"/>).</summary>
    public string OfficeHours { get; set; } = "";
    public required string TimeZone { get; set; }
    public string PreferredChannel { get; set; } = ReplyChannels.Platform;
    public bool AroundTheClock { get; set; }
    public bool AddressPublic { get; set; }
    public bool EmailPublic { get; set; }
    public bool PhonesPublic { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last change of the details themselves; verification does not move it.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    /// <summary>When the point last acknowledged a verification message.</summary>
    public DateTimeOffset? LastVerifiedAt { get; set; }
    /// <summary>Deadline of the verification message it has not yet acknowledged, if any.</summary>
    public DateTimeOffset? PendingCheckDueBy { get; set; }

    string? IStateOwned.OwnerState => State;

    public AuthorityDetails ToDetails() => new(Kind, Name, Address, Lists.SplitLines(Phones), Email, Lists.Split(Languages),
        OfficeSchedule.Parse(OfficeHours), TimeZone, PreferredChannel, AroundTheClock, AddressPublic, EmailPublic, PhonesPublic);

    public void Apply(AuthorityDetails a)
    {
        Kind = a.Kind;
        Name = a.Name.Trim();
        Address = a.Address;
        Phones = string.Join('\n', a.Phones);
        Email = a.Email;
        Languages = Lists.Join(a.Languages);
        OfficeHours = a.OfficeHours.ToString();
        TimeZone = a.TimeZone;
        PreferredChannel = a.PreferredChannel;
        AroundTheClock = a.AroundTheClock;
        AddressPublic = a.AddressPublic;
        EmailPublic = a.EmailPublic;
        PhonesPublic = a.PhonesPublic;
    }

    public bool IsUnansweredAt(DateTimeOffset now) => PendingCheckDueBy is { } due && now >= due;
}

/// <summary>The whole profile (with its authorities) as it stood after one change: earlier versions stay readable.</summary>
public sealed class ProfileVersionRecord : IStateOwned
{
    public Guid Id { get; set; }
    public required string State { get; set; }
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    /// <summary>The operation that produced it, e.g. <c>network.authority.update</c>.</summary>
    public required string Change { get; set; }
    public required string Snapshot { get; set; }

    string? IStateOwned.OwnerState => State;
}

/// <summary>A point the secretariat raises on a profile (outdated contact, inconsistent declaration…), until resolved.</summary>
public sealed class ProfileFlagRecord : IStateOwned
{
    public Guid Id { get; set; }
    public required string State { get; set; }
    public required string Note { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public required string RaisedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }

    string? IStateOwned.OwnerState => State;
}

/// <summary>A round of verification messages, one to each 24/7 point of contact, started by the secretariat.</summary>
public sealed class VerificationRoundRecord
{
    public Guid Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public required string StartedBy { get; set; }
    public int ResponseMinutes { get; set; }
    public string? Message { get; set; }
}

/// <summary>One verification message to one point of contact, and its acknowledgement.</summary>
public sealed class VerificationCheckRecord : IStateOwned
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public required string State { get; set; }
    public Guid AuthorityId { get; set; }
    /// <summary>The point's name when the message was sent: history stays readable after the point is removed.</summary>
    public required string AuthorityName { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset DueBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }

    string? IStateOwned.OwnerState => State;

    public CheckTimes Times => new(SentAt, DueBy, AcknowledgedAt);
}

internal static class Lists
{
    public static IReadOnlyList<string> Split(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> SplitLines(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> items) => string.Join(',', items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal));
}

internal sealed class StateProfileConfiguration : IEntityTypeConfiguration<StateProfileRecord>
{
    public void Configure(EntityTypeBuilder<StateProfileRecord> b)
    {
        b.ToTable("network_profiles");
        b.HasKey(p => p.State);
        b.Property(p => p.State).HasMaxLength(3);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.PoliticalOffenceTerms).HasMaxLength(2000);
        b.Property(p => p.AcceptedLanguages).HasMaxLength(500);
        b.Property(p => p.CriminalisedOptionalCategories).HasMaxLength(2000);
        b.Property(p => p.Notes).HasMaxLength(8000);
        b.Property(p => p.UpdatedBy).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<AuthorityRecord>
{
    public void Configure(EntityTypeBuilder<AuthorityRecord> b)
    {
        b.ToTable("network_authorities");
        b.HasKey(a => a.Id);
        b.Property(a => a.State).HasMaxLength(3);
        b.Property(a => a.Kind).HasMaxLength(40);
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.Address).HasMaxLength(1000);
        b.Property(a => a.Phones).HasMaxLength(500);
        b.Property(a => a.Email).HasMaxLength(254);
        b.Property(a => a.Languages).HasMaxLength(200);
        b.Property(a => a.OfficeHours).HasMaxLength(1000);
        b.Property(a => a.TimeZone).HasMaxLength(64);
        b.Property(a => a.PreferredChannel).HasMaxLength(20);
        b.Property(a => a.UpdatedBy).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.State, a.Kind });
    }
}

internal sealed class ProfileVersionConfiguration : IEntityTypeConfiguration<ProfileVersionRecord>
{
    public void Configure(EntityTypeBuilder<ProfileVersionRecord> b)
    {
        b.ToTable("network_profile_versions");
        b.HasKey(v => v.Id);
        b.Property(v => v.State).HasMaxLength(3);
        b.Property(v => v.ActorId).HasMaxLength(200);
        b.Property(v => v.ActorName).HasMaxLength(200);
        b.Property(v => v.Change).HasMaxLength(60);
        b.HasIndex(v => new { v.State, v.Number }).IsUnique();
    }
}

internal sealed class ProfileFlagConfiguration : IEntityTypeConfiguration<ProfileFlagRecord>
{
    public void Configure(EntityTypeBuilder<ProfileFlagRecord> b)
    {
        b.ToTable("network_profile_flags");
        b.HasKey(f => f.Id);
        b.Property(f => f.State).HasMaxLength(3);
        b.Property(f => f.Note).HasMaxLength(2000);
        b.Property(f => f.RaisedBy).HasMaxLength(200);
        b.Property(f => f.ResolvedBy).HasMaxLength(200);
        b.Property(f => f.Resolution).HasMaxLength(2000);
        b.HasIndex(f => f.State);
    }
}

internal sealed class VerificationRoundConfiguration : IEntityTypeConfiguration<VerificationRoundRecord>
{
    public void Configure(EntityTypeBuilder<VerificationRoundRecord> b)
    {
        b.ToTable("network_verification_rounds");
        b.HasKey(r => r.Id);
        b.Property(r => r.StartedBy).HasMaxLength(200);
        b.Property(r => r.Message).HasMaxLength(2000);
    }
}

internal sealed class VerificationCheckConfiguration : IEntityTypeConfiguration<VerificationCheckRecord>
{
    public void Configure(EntityTypeBuilder<VerificationCheckRecord> b)
    {
        b.ToTable("network_verification_checks");
        b.HasKey(c => c.Id);
        b.Property(c => c.State).HasMaxLength(3);
        b.Property(c => c.AuthorityName).HasMaxLength(300);
        b.Property(c => c.AcknowledgedBy).HasMaxLength(200);
        b.HasIndex(c => c.RoundId);
        b.HasIndex(c => new { c.State, c.AcknowledgedAt });
        b.HasIndex(c => c.AuthorityId);
    }
}
