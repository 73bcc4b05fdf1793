namespace Entraide.Domain.Common;

/// <summary>
/// A rule that an operation broke. <see cref="Code"/> is stable and doubles as the key of the
/// localised message; <see cref="Field"/> names the input at fault and <see cref="Article"/> the
/// Convention article that makes the rule, where there is one.
/// </summary>
public sealed record DomainError(string Code, string? Field = null, string? Article = null)
{
    /// <summary>Values substituted into the localised message, in order.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static DomainError Required(string field, string? article = null) =>
        new("required", field, article);
}

/// <summary>What kind of failure a <see cref="DomainException"/> is, which fixes its HTTP status.</summary>
public enum FailureKind
{
    /// <summary>The input breaks a rule (422).</summary>
    Invalid,
    /// <summary>The record exists but is not in a state that allows the operation (409).</summary>
    Conflict,
    /// <summary>No such record for this actor (404). Also used for another State's records.</summary>
    NotFound,
    /// <summary>The actor may see the record but lacks the right for this step (403).</summary>
    Forbidden,
    /// <summary>A service the operation needs (a PDF printer, say) is not available now; nothing was changed (503, with a retry hint).</summary>
    Unavailable,
}

/// <summary>Thrown by domain rules; the host turns it into an RFC 7807 problem detail.</summary>
public sealed class DomainException : Exception
{
    public DomainException(FailureKind kind, IReadOnlyList<DomainError> errors)
        : base(string.Join("; ", errors.Select(e => e.Field is null ? e.Code : $"{e.Code}:{e.Field}")))
    {
        Kind = kind;
        Errors = errors;
    }

    public DomainException(FailureKind kind, DomainError error) : this(kind, [error]) { }

    public DomainException(FailureKind kind, string code, string? field = null, string? article = null)
        : this(kind, new DomainError(code, field, article)) { }

    public FailureKind Kind { get; }
    public IReadOnlyList<DomainError> Errors { get; }

    public static DomainException NotFound(string what) => new(FailureKind.NotFound, "not-found", what);
    public static DomainException Conflict(string code, params string[] args) =>
        new(FailureKind.Conflict, new DomainError(code) { Arguments = args });
    public static DomainException Invalid(string code, string? field = null, string? article = null) =>
        new(FailureKind.Invalid, code, field, article);
}
