using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.App.Deliberation.Drafts;

/// <param name="MainSponsors">Named by the secretariat only; a delegate's draft has its own State as main sponsor.</param>
public sealed record CreateDraft(
    string? Title, string? AgendaItem, string? Language, IReadOnlyList<ParagraphInput?>? Paragraphs, string? BudgetImplications,
    IReadOnlyList<string?>? MainSponsors);

/// <summary>A delegate starts a draft for its State, or the secretariat enters one for its main sponsors.</summary>
public sealed class CreateDraftHandler(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, StateDirectory states)
    : IHandler
{
    public async Task<DraftResolution> HandleAsync(CreateDraft command, CancellationToken ct)
    {
        var actor = current.Current;
        if (!actor.IsSecretariat && (actor.StateCode is null || !actor.Has(Roles.Delegate))) throw new DomainException(FailureKind.Forbidden,
            "forbidden");
        var d = DraftResolution.Start(actor, command.Title, command.AgendaItem, command.Language, DraftParagraphs.Parse(command.Paragraphs),
            command.BudgetImplications, command.MainSponsors, states, clock.GetUtcNow());
        audit.Action = "deliberation.draft.create";
        db.Add(d);
        await db.SaveChangesAsync(ct);
        return d;
    }
}
