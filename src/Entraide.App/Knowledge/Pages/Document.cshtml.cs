using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Knowledge.Cases;
using Entraide.App.Knowledge.Criminalisation;
using Entraide.App.Knowledge.Legislation;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge.Pages;

[AllowAnonymous]
public sealed class DocumentModel(EntraideDbContext db, StateDirectory states) : KnowledgePage(states)
{
    public KnowledgeDocument Document { get; private set; } = null!;

    public async Task OnGetAsync(Guid documentId, CancellationToken ct) =>
        Document = await db.Set<KnowledgeDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct)
            ?? throw DomainException.NotFound("document");
}
