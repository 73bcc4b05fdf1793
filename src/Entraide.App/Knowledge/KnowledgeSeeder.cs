using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Knowledge.Search;

namespace Entraide.App.Knowledge;

/// <summary>
/// Demo content (with <c>--demo</c>): the UN source documents, held in full for search, and example
/// provisions for the demo States, each law marked as an example. Always: builds the search index
/// from the database when it is empty (a fresh install, or a deleted index directory) or was built with
/// an older document shape (<see cref="KnowledgeIndex.Schema"/>). When the index
/// already holds documents start-up only reads its commit point; opening and warming it happen in the
/// background, so a large index does not hold back readiness.
/// </summary>
internal sealed class KnowledgeSeeder : ISeeder
{
    public int Order => 400;

    public async Task SeedAsync(SeedContext context, CancellationToken ct)
    {
        var services = context.Services;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (context.Demo) await KnowledgeDemo.SeedAsync(sp, context.Output, ct);
        var index = sp.GetRequiredService<KnowledgeIndex>();
        if (index.NeedsRebuild())
        {
            var n = await sp.GetRequiredService<KnowledgeIndexer>().RebuildAsync(ct);
            if (n > 0) await context.Output.WriteLineAsync($"Search index built: {n} items.");
        }
        _ = index.WarmInBackground(KnowledgeSearch.Warm);
    }
}
