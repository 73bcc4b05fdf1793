using System.Diagnostics;
using System.Globalization;
using Entraide.App.Knowledge.Search;
using Entraide.Bench.Infrastructure;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Entraide.Bench.Knowledge;

/// <summary>
/// Where a Lucene search's time goes, query by query, on the bench corpus: the product's whole search
/// beside its parts done with plain Lucene (scoring to a top 20, counting every hit, the hits of the
/// taxonomy terms alone). The index is kept in <c>--index DIR</c> and reused by the next run, so a
/// change to the search can be profiled without indexing again. No PostgreSQL.
/// </summary>
public sealed class KnowledgeProfileBench : IBenchCommand
{
    public string Name => "knowledge-profile";
    public string Description => "Knowledge search, time per part of each query (--provisions 1000000 --index DIR [--runs 30])";

    public Task<int> RunAsync(string[] args)
    {
        var n = BenchArgs.Int(args, "provisions", 1_000_000);
        var runs = BenchArgs.Int(args, "runs", 30);
        var dir = BenchArgs.Get(args, "index", Path.Combine(Path.GetTempPath(), "entraide-profile-knowledge"));
        var generator = new ProvisionGenerator();
        var queries = generator.Queries();
        using var index = new KnowledgeIndex(dir);
        if (index.Count != n)
        {
            var sw = Stopwatch.StartNew();
            index.Clear();
            index.AddAll(Enumerable.Range(0, n).Select(i => generator.Provision(i).Item));
            index.Commit();
            Console.WriteLine(Inv($"indexed {n:N0} provisions in {sw.Elapsed.TotalSeconds:0.0} s"));
        }
        Console.WriteLine(Inv($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        var search = new KnowledgeSearch(index);
        for (var w = 0; w < 30; w++)
            foreach (var (language, words) in queries) search.Search(new SearchRequest(ProvisionGenerator.QueryText(language, words), language));

        Console.WriteLine("| query | hits | search p50 / p95 | text top 20 | text count | terms count | expanded |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        var all = new List<double>();
        foreach (var (language, words) in queries)
        {
            var text = ProvisionGenerator.QueryText(language, words);
            var request = new SearchRequest(text, language);
            var result = search.Search(request);
            var textQuery = KnowledgeSearch.TextMatchQuery(text);
            var terms = new BooleanQuery();
            foreach (var t in result.ExpandedTerms) terms.Add(new TermQuery(new Term(KnowledgeFields.Term, t)), Occur.SHOULD);
            var whole = Time(runs, () => search.Search(request));
            all.AddRange(whole);
            var searcher = index.Acquire();
            try
            {
                var top = textQuery is null ? [0.0] : Time(runs, () => searcher.Search(textQuery, 20));
                var count = textQuery is null ? [0.0] : Time(runs, () => searcher.Search(textQuery, new TotalHitCountCollector()));
                var termCount = terms.Clauses.Count == 0 ? [0.0] : Time(runs, () => searcher.Search(terms, new TotalHitCountCollector()));
                Console.WriteLine(
                    Inv($"| {language} {text} | {result.Total:N0} | {P(whole, 50):0.00} / {P(whole, 95):0.00} | {P(top, 50):0.00} | ") +
                    Inv($"{P(count, 50):0.00} | {P(termCount, 50):0.00} | {string.Join(" ", result.ExpandedTerms)} |"));
            }
            finally { index.Release(searcher); }
        }
        Console.WriteLine(Inv(
            $"all: p50 {P(all, 50):0.00} ms, p95 {P(all, 95):0.00} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return Task.FromResult(0);
    }

    private static List<double> Time(int runs, Action action)
    {
        var list = new List<double>(runs);
        for (var r = 0; r < runs; r++)
        {
            var t = Stopwatch.GetTimestamp();
            action();
            list.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        return list;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
