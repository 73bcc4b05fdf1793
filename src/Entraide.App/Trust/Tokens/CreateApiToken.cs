using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Trust;

namespace Entraide.App.Trust.Tokens;

public sealed record CreateApiToken(string Name, IReadOnlyList<string> Roles, DateTimeOffset? ExpiresAt);

/// <summary>
/// A State administrator issues tokens for its own State's systems, with at most the roles a State
/// account can hold; the secretariat issues tokens for the secretariat. The secret is returned once.
/// </summary>
public sealed class CreateApiTokenHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock) : IHandler
{
    public async Task<CreatedApiToken> HandleAsync(CreateApiToken command, CancellationToken ct)
    {
        var actor = current.Current;
        TokenIssuers.Require(actor);

        var errors = new List<DomainError>();
        var name = command.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(DomainError.Required("name"));
        else if (name.Length > 200) errors.Add(TextRules.TooLong("name", 200));
        if (command.Roles is null || command.Roles.Count == 0) errors.Add(DomainError.Required("roles"));
        else
        {
            foreach (var r in command.Roles.Distinct())
            {
                if (!Domain.Trust.Roles.IsKnown(r)) errors.Add(new DomainError("unknown-role", "roles") { Arguments = [r] });
                else if (r == Domain.Trust.Roles.Secretariat && !actor.IsSecretariat) errors.Add(new DomainError("invalid-value", "roles"));
                else if (r != Domain.Trust.Roles.Secretariat && actor.StateCode is null && r != Domain.Trust.Roles.Donor)
                    errors.Add(new DomainError("invalid-value", "roles"));
            }
        }
        var now = clock.GetUtcNow();
        if (command.ExpiresAt is { } exp && exp <= now) errors.Add(new DomainError("invalid-value", "expiresAt"));
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);

        var (token, secret) = ApiToken.Issue(name, actor.StateCode, command.Roles!, actor.Id, now, command.ExpiresAt);
        audit.Action = "trust.token.create";
        db.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(ApiTokenView.Of(token, now), secret);
    }
}
