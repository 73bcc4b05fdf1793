using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Network;

/// <summary>
/// A point the secretariat raises on a profile (an outdated contact, an inconsistent declaration …)
/// for the State's administrators, until the State says what it did or the secretariat withdraws it.
/// The secretariat flags; it never edits a State's profile.
/// </summary>
public sealed class ProfileFlag : IStateOwned
{
    public const int MaxLength = 2000;

    private ProfileFlag() { }

    public Guid Id { get; private set; }
    public string State { get; private set; } = "";
    public string Note { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }
    public string? Resolution { get; private set; }

    string? IStateOwned.OwnerState => State;

    /// <summary>Only the secretariat raises a flag (403 for anyone else who reached this far).</summary>
    public static ProfileFlag Raise(string state, string? note, Actor by, DateTimeOffset now)
    {
        if (!by.IsSecretariat) throw new DomainException(FailureKind.Forbidden, "forbidden");
        var errors = new List<DomainError>();
        var text = TextRules.Check(note, "note", MaxLength, errors, required: true, multiline: true);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        return new ProfileFlag { Id = Guid.CreateVersion7(now), State = state, Note = text, RaisedAt = now, RaisedBy = by.DisplayName };
    }

    /// <summary>
    /// The State's administrators say what they did, or the secretariat withdraws the flag; a flag is
    /// resolved once (409 the second time).
    /// </summary>
    public void Resolve(string? resolution, Actor by, DateTimeOffset now)
    {
        var mayResolve = by.IsSecretariat || (by.BelongsTo(State) && by.Has(Roles.StateAdministrator));
        if (!mayResolve) throw new DomainException(FailureKind.Forbidden, "forbidden");
        if (ResolvedAt is not null) throw DomainException.Conflict("flag-resolved");
        var errors = new List<DomainError>();
        var text = TextRules.Check(resolution, "resolution", MaxLength, errors, multiline: true);
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
        ResolvedAt = now;
        ResolvedBy = by.DisplayName;
        Resolution = text.Length == 0 ? null : text;
    }
}
