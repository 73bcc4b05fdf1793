using System.CommandLine;
using Entraide.App.Knowledge.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Entraide.Cli;

/// <summary>
/// <c>entraide search reindex</c>: rebuilds the knowledge search index from the database, which is
/// the record. Run it after restoring a database backup, after losing the index directory, or after
/// changing how text is analysed.
/// </summary>
public static class KnowledgeCommands
{
    public static Command Build(Option<string?> connection, Option<string?> provider, Func<string?, string?, IHost> buildHost, TextWriter stdout,
        TextWriter stderr)
    {
        var search = new Command("search", "The knowledge search index.");
        var reindex = new Command("reindex", "Rebuild the search index of laws, case law and documents from the database.");
        reindex.SetAction(async (p, ct) =>
        {
            using var host = buildHost(p.GetValue(connection), p.GetValue(provider));
            await using var scope = host.Services.CreateAsyncScope();
            var index = scope.ServiceProvider.GetRequiredService<KnowledgeIndex>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var n = await scope.ServiceProvider.GetRequiredService<KnowledgeIndexer>().RebuildAsync(ct);
                await stdout.WriteLineAsync($"Search index rebuilt: {n} items in {started.Elapsed.TotalSeconds:0.0} s ({index.Location}).");
                return 0;
            }
            catch (LockObtainFailedException)
            {
                await stderr.WriteLineAsync($"The search index at {index.Location} is held by a running Entraide server. Stop it, or ask the " +
                    $"secretariat to call POST /api/v1/knowledge/search/reindex.");
                return 1;
            }
        });
        search.Subcommands.Add(reindex);
        return search;
    }
}
