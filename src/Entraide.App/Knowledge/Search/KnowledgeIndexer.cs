using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Knowledge;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Knowledge.Search;

/// <summary>What one indexed item is made of, independent of where it came from (database or bench generator).</summary>
public sealed record IndexItem(string Key, string Group, string Type, string? State, IReadOnlyList<string> Terms, string Language,
    DateOnly Date, string Title, string? Number, string Body, Guid? Law, bool Example);

/// <summary>
/// Mirrors the database into the index. Writes call it after their save commits; if the index fails
/// the record is still safe in the database and a reindex restores the copy, so a failure here is
/// logged, not thrown at the user whose write succeeded.
/// </summary>
public sealed partial class KnowledgeIndexer(EntraideDbContext db, KnowledgeIndex index, TimeProvider clock, ILogger<KnowledgeIndexer> logger)
{
    public const string ProvisionType = "provision";
    public const string CaseType = "case";
    public const string DocumentType = "document";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task IndexWorkAsync(Guid workId, CancellationToken ct) => IndexWorksAsync([workId], ct);

    public async Task IndexWorksAsync(IReadOnlyList<Guid> workIds, CancellationToken ct)
    {
        try
        {
            var groups = new List<(string, IEnumerable<Document>)>();
            foreach (var chunk in workIds.Chunk(500))
            {
                var items = await ProvisionItemsAsync(db.Set<LegalWork>().AsNoTracking().Where(w => chunk.Contains(w.Id)), ct);
                var byGroup = items.ToLookup(i => i.Group);
                groups.AddRange(chunk.Select(id => ("law:" + id, (IEnumerable<Document>)[.. byGroup["law:" + id].Select(ToDocument)])));
            }
            index.Replace(groups);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIndexFailed(logger, ex, "law", string.Join(",", workIds));
        }
    }

    public async Task IndexCaseAsync(Guid caseId, CancellationToken ct)
    {
        try
        {
            var note = await db.Set<CaseNote>().AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
            index.Replace([("case:" + caseId, [ToDocument(CaseItem(note))])]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIndexFailed(logger, ex, "case", caseId.ToString());
        }
    }

    /// <summary>Rebuilds the whole index from the database; returns the number of items indexed.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        index.Clear();
        var n = 0;
        var works = await db.Set<LegalWork>().AsNoTracking().Select(w => w.Id).ToListAsync(ct);
        // The database read of the next chunk overlaps the (parallel) analysis of the current one.
        var chunks = works.Chunk(500).ToList();
        Task<List<IndexItem>>? next = chunks.Count > 0
            ? ProvisionItemsAsync(db.Set<LegalWork>().AsNoTracking().Where(w => chunks[0].Contains(w.Id)), ct)
            : null;
        for (var c = 0; c < chunks.Count; c++)
        {
            var items = await next!;
            var following = c + 1 < chunks.Count ? chunks[c + 1] : null;
            next = following is null ? null : ProvisionItemsAsync(db.Set<LegalWork>().AsNoTracking().Where(w => following.Contains(w.Id)), ct);
            index.AddAll(items);
            n += items.Count;
        }
        var notes = await db.Set<CaseNote>().AsNoTracking().ToListAsync(ct);
        index.AddAll(notes.Select(CaseItem));
        n += notes.Count;
        var documents = await db.Set<KnowledgeDocument>().AsNoTracking().ToListAsync(ct);
        index.AddAll(documents.SelectMany(DocumentItems));
        n += documents.Count;
        index.Commit();
        return n;
    }

    public async Task IndexDocumentAsync(Guid documentId, CancellationToken ct)
    {
        var doc = await db.Set<KnowledgeDocument>().AsNoTracking().SingleAsync(d => d.Id == documentId, ct);
        index.Replace([("doc:" + doc.Id, [.. DocumentItems(doc).Select(ToDocument)])]);
    }

    /// <summary>The provisions of each law's versions in force today, one item per language version.</summary>
    private async Task<List<IndexItem>> ProvisionItemsAsync(IQueryable<LegalWork> works, CancellationToken ct)
    {
        var today = Today;
        var list = await works.ToListAsync(ct);
        var ids = list.Select(w => w.Id).ToList();
        var expressions = await db.Set<LegalExpression>().AsNoTracking().Where(e => ids.Contains(e.WorkId)).ToListAsync(ct);
        var byWork = expressions.ToLookup(e => e.WorkId);
        var inForce = new Dictionary<Guid, (LegalWork Work, LegalExpression Expression)>();
        foreach (var w in list)
        {
            var expr = byWork[w.Id].ToList();
            foreach (var e in LegislationHistory.InForce(expr.Select(x => new ExpressionDate(x.Id, x.Language, x.Date)), today, w.RepealedOn))
                inForce[e.Id] = (w, expr.Single(x => x.Id == e.Id));
        }
        var expressionIds = inForce.Keys.ToList();
        var items = new List<IndexItem>();
        foreach (var chunk in expressionIds.Chunk(500))
        {
            var provisions = await db.Set<LegalProvision>().AsNoTracking().Where(p => chunk.Contains(p.ExpressionId)).ToListAsync(ct);
            items.AddRange(provisions.Select(p =>
            {
                var (w, e) = inForce[p.ExpressionId];
                return new IndexItem("provision:" + p.Id, "law:" + w.Id, ProvisionType, w.State, p.TermList, e.Language, e.Date,
                    e.Title, p.Number, string.IsNullOrEmpty(p.Heading) ? p.Text : p.Heading + "\n" + p.Text, w.Id, w.Example);
            }));
        }
        return items;
    }

    private static IndexItem CaseItem(CaseNote c) =>
        new("case:" + c.Id, "case:" + c.Id, CaseType, c.State, c.TermList, c.Language, c.Date, c.Title, c.Source, c.Summary, null, c.Example);

    /// <summary>Long documents are indexed by paragraph groups, so a hit lands near the words and its snippet is from there.</summary>
    private static IEnumerable<IndexItem> DocumentItems(KnowledgeDocument d)
    {
        var paragraphs = d.Text.Split(["\n\n", "\r\n\r\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var part = 0;
        var buffer = new System.Text.StringBuilder();
        foreach (var p in paragraphs)
        {
            buffer.Append(p).Append("\n\n");
            if (buffer.Length < 1500) continue;
            yield return Item(buffer.ToString(), part++);
            buffer.Clear();
        }
        if (buffer.Length > 0) yield return Item(buffer.ToString(), part);

        IndexItem Item(string text, int n) =>
            new($"doc:{d.Id}:{n}", "doc:" + d.Id, DocumentType, null, [], d.Language, d.Date, d.Title, d.Symbol, text.Trim(), null, false);
    }

    /// <summary>A new document for <paramref name="item"/> (the bulk path reuses one builder per thread instead).</summary>
    public static Document ToDocument(IndexItem item) => new KnowledgeDocumentBuilder().Build(item);

    [LoggerMessage(LogLevel.Error, "Search index not updated for {Kind} {Id}; the database holds the change, run `entraide search reindex`.")]
    private static partial void LogIndexFailed(ILogger logger, Exception ex, string kind, string id);
}
