using Entraide.App.Infrastructure.Audit;

namespace Entraide.App.Trust.Accounts;

/// <summary>
/// One wrong password, for an address and an e-mail address (existing account or not). The e-mail
/// address is kept as a digest of its normalised form: what people type in the wrong field is not kept.
/// Rows older than a day are removed as new ones come.
/// </summary>
[NotAudited]
public sealed class SignInFailure
{
    public Guid Id { get; init; }
    public required string Account { get; init; }
    public required string Address { get; init; }
    public DateTimeOffset At { get; init; }
}
