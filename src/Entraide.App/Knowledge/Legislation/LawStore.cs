using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Knowledge.Search;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Entraide.Domain.Knowledge;
using Entraide.Domain.Trust;

namespace Entraide.App.Knowledge.Legislation;

/// <summary>
/// Who maintains a State's laws, and how new laws are stored: a State's administrators maintain their
/// own State's laws, the secretariat curates every State's. Every law is validated first and all are
/// stored in one save, or none — an import with one bad line leaves the repository as it was — then
/// mirrored to the search index.
/// </summary>
public sealed class LawStore(EntraideDbContext db, ICurrentActor current, AuditRecorder audit, TimeProvider clock, KnowledgeIndexer indexer)
{
    private static OffenceTaxonomy Taxonomy => OffenceTaxonomy.Current;

    /// <summary>
    /// May the actor maintain this State's laws? Secretariat: any State. Otherwise its own, as administrator.
    /// A law of another State answers as missing (<paramref name="hideForeign"/>), so a State learns nothing from trying.
    /// </summary>
    internal static void EnsureCanMaintain(Actor actor, string state, bool hideForeign)
    {
        if (actor.IsSecretariat) return;
        if (!actor.BelongsTo(state))
        {
            if (hideForeign) throw DomainException.NotFound("law");
            throw new DomainException(FailureKind.Forbidden, "forbidden");
        }
        if (!actor.Has(Roles.StateAdministrator)) throw new DomainException(FailureKind.Forbidden, "forbidden");
    }

    /// <param name="locate">Where in the input a field of law <c>i</c> is, so every error points at the user's file.</param>
    internal async Task<IReadOnlyList<LawSummary>> CreateManyAsync(IReadOnlyList<CreateLaw> laws, Func<int, string, string> locate,
        CancellationToken ct)
    {
        Validate(laws, locate);
        var actor = current.Current;
        foreach (var law in laws) EnsureCanMaintain(actor, law.State!.Trim().ToUpperInvariant(), hideForeign: false);
        audit.Action = laws.Count == 1 ? "knowledge.law.create" : "knowledge.law.import";
        return await StoreAsync(laws, ct);
    }

    /// <summary>Demo content, written by the system at seeding: validated like any input, with no actor to authorise.</summary>
    internal async Task<IReadOnlyList<LawSummary>> SeedAsync(IReadOnlyList<CreateLaw> laws, CancellationToken ct)
    {
        Validate(laws, (i, f) => $"laws[{i}].{f}");
        audit.Action = "knowledge.law.seed";
        return await StoreAsync(laws, ct);
    }

    private static void Validate(IReadOnlyList<CreateLaw> laws, Func<int, string, string> locate)
    {
        var errors = new List<DomainError>();
        for (var i = 0; i < laws.Count; i++)
        {
            var index = i;
            errors.AddRange(LawValidator.Validate(laws[i], Taxonomy, f => locate(index, f)));
        }
        if (errors.Count > 0) throw new DomainException(FailureKind.Invalid, errors);
    }

    private async Task<IReadOnlyList<LawSummary>> StoreAsync(IReadOnlyList<CreateLaw> laws, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var works = new List<(LegalWork Work, List<LegalExpression> Expressions)>();
        foreach (var cmd in laws)
        {
            var work = LegalWork.Record(cmd.State!.Trim().ToUpperInvariant(), cmd.Title!.Trim(), cmd.Type!, cmd.OriginalLanguage!, cmd.AdoptedOn,
                cmd.Example, now);
            db.Add(work);
            var expressions = new List<LegalExpression>();
            foreach (var e in cmd.Expressions!)
            {
                var (expression, provisions) = work.Express(e.Language!, e.Date!.Value, e.Title!.Trim(), Note(e), Texts(e), now);
                db.Add(expression);
                db.AddRange(provisions);
                expressions.Add(expression);
            }
            works.Add((work, expressions));
        }
        await db.SaveChangesAsync(ct);
        await indexer.IndexWorksAsync([.. works.Select(w => w.Work.Id)], ct);
        return [.. works.Select(w => LegislationQueries.Summary(w.Work, w.Expressions))];
    }

    internal static string? Note(ExpressionInput e) => string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim();

    /// <summary>The provisions of a checked version, trimmed, as the domain records them.</summary>
    internal static IEnumerable<ProvisionText> Texts(ExpressionInput e) => e.Provisions!.Select(p => new ProvisionText(p!.Eid!, p.Number!.Trim(),
        string.IsNullOrWhiteSpace(p.Heading) ? null : p.Heading.Trim(), p.Text!.Trim(), [.. (p.Terms ?? []).OfType<string>()],
        p.PenaltyMinMonths, p.PenaltyMaxMonths));
}
