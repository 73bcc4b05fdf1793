using System.Diagnostics;
using System.Globalization;
using Entraide.App.Knowledge.Search;
using Entraide.Bench.Infrastructure;
using Entraide.Domain.Common;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Npgsql;
using NpgsqlTypes;

namespace Entraide.Bench.Knowledge;

/// <summary>
/// Knowledge search at scale: generates N provisions across the six languages, indexes them with the
/// product's analyzers and document shape, loads the same corpus into PostgreSQL with a per-language
/// tsvector and a GIN index, then runs the same fixed queries against both. Reports indexing rate,
/// p50/p95 latency of the product's search (facets and highlighted snippets included) and of
/// PostgreSQL full-text search (top 20 by ts_rank plus the match count), and recall against the
/// generator's ground truth. Targets: p95 under 20 ms, 5× faster than PostgreSQL, 5,000 provisions/s.
/// </summary>
public sealed class KnowledgeSearchBench : IBenchCommand
{
    public string Name => "knowledge-search";
    public string Description => "Knowledge search vs PostgreSQL full-text (--provisions 1000000 --postgres \"Host=…\" [--runs 20])";

    private static readonly Dictionary<string, string> PgConfig = new()
    {
        ["ar"] = "arabic", ["zh"] = "simple", ["en"] = "english", ["fr"] = "french", ["ru"] = "russian", ["es"] = "spanish",
    };

    public async Task<int> RunAsync(string[] args)
    {
        var n = BenchArgs.Int(args, "provisions", 1_000_000);
        var runs = BenchArgs.Int(args, "runs", 20);
        var postgres = BenchArgs.Get(args, "postgres", Environment.GetEnvironmentVariable("ENTRAIDE_TEST_POSTGRES") ?? "");
        var generator = new ProvisionGenerator();
        var queries = generator.Queries();
        var truth = queries.Select(_ => new HashSet<int>()).ToArray();
        var dir = Path.Combine(Path.GetTempPath(), "entraide-bench-knowledge-" + Guid.NewGuid().ToString("N")[..8]);

        // Index: the product's document shape and analyzers, committed once at the end as a reindex does.
        using var index = new KnowledgeIndex(dir);
        var sw = Stopwatch.StartNew();
        var batch = new List<Lucene.Net.Documents.Document>(1000);
        var rows = new List<(int Id, string Language, string State, string Term, string Body)>(postgres.Length > 0 ? n : 0);
        for (var i = 0; i < n; i++)
        {
            var (item, words) = generator.Provision(i);
            for (var q = 0; q < queries.Count; q++)
                if (queries[q].Language == item.Language && queries[q].Words.All(words.Contains)) truth[q].Add(i);
            batch.Add(KnowledgeIndexer.ToDocument(item));
            if (postgres.Length > 0) rows.Add((i, item.Language, item.State!, item.Terms[0], item.Body));
            if (batch.Count == 1000) { index.Writer.AddDocuments(batch); batch.Clear(); }
        }
        index.Writer.AddDocuments(batch);
        index.Writer.ForceMerge(4);
        index.Commit();
        var indexSeconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine(Inv($"lucene: indexed {n:N0} provisions in {indexSeconds:0.0} s = {n / indexSeconds:N0} provisions/s (generation, analysis, merge to 4 segments and commit included)"));

        var search = new KnowledgeSearch(index);
        // Warm up until the JIT has promoted the search path to optimised code: tier-0 code would be timed otherwise.
        for (var w = 0; w < 30; w++)
            foreach (var (language, words) in queries) search.Search(new SearchRequest(ProvisionGenerator.QueryText(language, words), language));
        var lucene = new List<double>[queries.Count];
        var luceneRecall = new double[queries.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            var (language, words) = queries[q];
            var text = ProvisionGenerator.QueryText(language, words);
            var request = new SearchRequest(text, language);
            lucene[q] = [];
            for (var r = 0; r < runs; r++)
            {
                var t = Stopwatch.GetTimestamp();
                search.Search(request);
                lucene[q].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            luceneRecall[q] = Recall(truth[q], LuceneMatches(index, text));
        }

        List<double>[]? pg = null;
        double[]? pgRecall = null;
        if (postgres.Length > 0)
        {
            var name = "entraide_bench_" + Guid.NewGuid().ToString("N")[..8];
            await using (var c = new NpgsqlConnection(postgres)) { await c.OpenAsync(); await Exec(c, $"CREATE DATABASE {name}"); }
            var cs = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ToString();
            try
            {
                await using var conn = new NpgsqlConnection(cs);
                await conn.OpenAsync();
                sw.Restart();
                await Exec(conn, "CREATE TABLE provisions (id int PRIMARY KEY, lang text NOT NULL, state text NOT NULL, term text NOT NULL, body text NOT NULL, tsv tsvector)");
                await using (var copy = await conn.BeginBinaryImportAsync("COPY provisions (id, lang, state, term, body) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var row in rows)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(row.Id, NpgsqlDbType.Integer);
                        await copy.WriteAsync(row.Language, NpgsqlDbType.Text);
                        await copy.WriteAsync(row.State, NpgsqlDbType.Text);
                        await copy.WriteAsync(row.Term, NpgsqlDbType.Text);
                        await copy.WriteAsync(row.Body, NpgsqlDbType.Text);
                    }
                    await copy.CompleteAsync();
                }
                rows.Clear();
                await Exec(conn, "UPDATE provisions SET tsv = to_tsvector(CASE lang WHEN 'ar' THEN 'arabic' WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'ru' THEN 'russian' WHEN 'es' THEN 'spanish' ELSE 'simple' END::regconfig, body)");
                await Exec(conn, "CREATE INDEX provisions_tsv ON provisions USING gin (tsv)");
                await Exec(conn, "VACUUM ANALYZE provisions");
                Console.WriteLine(Inv($"postgres: loaded and indexed {n:N0} provisions in {sw.Elapsed.TotalSeconds:0.0} s = {n / sw.Elapsed.TotalSeconds:N0} provisions/s"));

                pg = new List<double>[queries.Count];
                pgRecall = new double[queries.Count];
                for (var q = 0; q < queries.Count; q++)
                {
                    var (language, words) = queries[q];
                    var text = ProvisionGenerator.QueryText(language, words);
                    for (var w = 0; w < 3; w++) await PgSearchAsync(conn, language, text);
                    pg[q] = [];
                    for (var r = 0; r < runs; r++)
                    {
                        var t = Stopwatch.GetTimestamp();
                        await PgSearchAsync(conn, language, text);
                        pg[q].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    }
                    pgRecall[q] = Recall(truth[q], await PgMatchesAsync(conn, language, text));
                }
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await using var c = new NpgsqlConnection(postgres);
                await c.OpenAsync();
                await Exec(c, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }

        Console.WriteLine(Inv($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} at the end of the run"));
        Console.WriteLine();
        Console.WriteLine("| language | query | matches (truth) | Lucene p50 / p95 ms | Lucene recall | PostgreSQL p50 / p95 ms | PostgreSQL recall |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        for (var q = 0; q < queries.Count; q++)
        {
            var (language, words) = queries[q];
            Console.WriteLine(Inv($"| {language} | {ProvisionGenerator.QueryText(language, words)} | {truth[q].Count:N0} | {P(lucene[q], 50):0.0} / {P(lucene[q], 95):0.0} | {luceneRecall[q]:P1} | ") +
                (pg is null ? "— | — |" : Inv($"{P(pg[q], 50):0.0} / {P(pg[q], 95):0.0} | {pgRecall![q]:P1} |")));
        }
        var allLucene = lucene.SelectMany(l => l).ToList();
        Console.WriteLine();
        Console.WriteLine(Inv($"lucene, all queries: p50 {P(allLucene, 50):0.0} ms, p95 {P(allLucene, 95):0.0} ms; mean recall {luceneRecall.Average():P1}"));
        var ok = P(allLucene, 95) < 20 && n / indexSeconds >= 5000;
        if (pg is not null)
        {
            var allPg = pg.SelectMany(l => l).ToList();
            Console.WriteLine(Inv($"postgres, all queries: p50 {P(allPg, 50):0.0} ms, p95 {P(allPg, 95):0.0} ms; mean recall {pgRecall!.Average():P1}"));
            Console.WriteLine(Inv($"speed-up at p95: {P(allPg, 95) / P(allLucene, 95):0.0}×, at p50: {P(allPg, 50) / P(allLucene, 50):0.0}×"));
            ok &= P(allPg, 95) / P(allLucene, 95) >= 5;
        }
        index.Dispose();
        try { Directory.Delete(dir, true); } catch (IOException) { }
        return ok ? 0 : 1;
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; } catch (IOException) { return "?"; }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static double Recall(HashSet<int> truth, HashSet<int> found) =>
        truth.Count == 0 ? 1 : (double)truth.Count(found.Contains) / truth.Count;

    /// <summary>Every provision the product's text query matches (taxonomy expansion aside), to compare with the truth.</summary>
    private static HashSet<int> LuceneMatches(KnowledgeIndex index, string text)
    {
        var searcher = index.Acquire();
        try
        {
            var language = Languages.All;
            var any = new BooleanQuery();
            foreach (var l in language)
            {
                var field = KnowledgeAnalyzers.Field(l);
                var tokens = KnowledgeAnalyzers.Tokens(KnowledgeAnalyzers.For(l), field, text).Distinct().ToList();
                if (tokens.Count == 0) continue;
                var all = new BooleanQuery();
                foreach (var t in tokens) all.Add(new TermQuery(new Term(field, t)), Occur.MUST);
                any.Add(all, Occur.SHOULD);
            }
            var docs = searcher.Search(any, Math.Max(1, searcher.IndexReader.MaxDoc));
            return [.. docs.ScoreDocs.Select(d => int.Parse(searcher.Doc(d.Doc).Get(KnowledgeFields.Key)["provision:".Length..], CultureInfo.InvariantCulture))];
        }
        finally { index.Release(searcher); }
    }

    private static async Task PgSearchAsync(NpgsqlConnection conn, string language, string text)
    {
        var cfg = PgConfig[language];
        await using var cmd = new NpgsqlCommand(
            $"SELECT id, ts_headline('{cfg}', body, q) FROM (SELECT id, body, q FROM provisions, plainto_tsquery('{cfg}', @q) q WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 20) top; " +
            $"SELECT state, count(*) FROM provisions WHERE tsv @@ plainto_tsquery('{cfg}', @q) GROUP BY state", conn);
        cmd.Parameters.AddWithValue("q", text);
        await using var reader = await cmd.ExecuteReaderAsync();
        do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
    }

    private static async Task<HashSet<int>> PgMatchesAsync(NpgsqlConnection conn, string language, string text)
    {
        await using var cmd = new NpgsqlCommand($"SELECT id FROM provisions WHERE tsv @@ plainto_tsquery('{PgConfig[language]}', @q)", conn);
        cmd.Parameters.AddWithValue("q", text);
        var ids = new HashSet<int>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
