using System.Diagnostics;
using System.Globalization;
using System.Text;
using Entraide.App.Deliberation;
using Entraide.App.Deliberation.Consultations;
using Entraide.App.Deliberation.Votes;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Bench.Infrastructure;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Entraide.Bench.Deliberation;

/// <summary>
/// Times what the secretariat waits for: the compilation of 40 submissions, each in the six languages,
/// read from the database, ordered and written to DOCX (target under 2 s per language); and a vote
/// report of all 193 Member States read from the database and written in one language (target under 50 ms).
/// </summary>
public sealed class DeliberationDocuments : IBenchCommand
{
    public string Name => "deliberation";
    public string Description =>
        "Compilation of 40 submissions × 6 languages to DOCX, and a 193-State vote report " +
        "(--submissions 40 --runs 20 [--postgres \"Host=…\"])";

    public async Task<int> RunAsync(string[] args)
    {
        var submissions = BenchArgs.Int(args, "submissions", 40);
        var runs = BenchArgs.Int(args, "runs", 20);
        var postgres = BenchArgs.Get(args, "postgres", "");
        var (app, _, dataDir) = await BenchHost.StartAsync(postgres.Length > 0 ? postgres : null, demo: false);
        var states = StateDirectory.Default;
        var members = states.All.Where(s => s.Status == UnStatus.Member).Select(s => s.Iso3).ToList();

        Guid consultationId, voteId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var now = DateTimeOffset.UtcNow;
            var bench = new Actor("bench", "bench", null, new HashSet<string> { Roles.Secretariat });
            var opened = now.AddDays(-60);
            var c = Consultation.Open(new ConsultationInvitation("Comments on the scope, objectives and structure of the new convention", "?", "…",
                string.Join("\n\n", Enumerable.Repeat(Paragraph("en", 0), 3)), "en", "A/AC.291/4", now.AddDays(-1), null), states, bench, opened);
            db.Add(c);
            foreach (var (state, i) in members.Take(submissions).Select((s, i) => (s, i)))
            {
                var original = Languages.All[i % 6];
                var delegateOf = new Actor("bench-" + state, "bench", state, new HashSet<string> { Roles.Delegate });
                // About 1,500 words per language version, the size of a State's comments in A/AC.291/4.
                string Text(string l) => string.Join("\n\n", Enumerable.Range(0, 12).Select(p => Paragraph(l, p)));
                var s = Submission.First(c.Id, state);
                s.Replace(original, Text(original), [], late: false, delegateOf, now.AddDays(-2));
                foreach (var t in s.Texts.Where(t => t.Language != original)) t.Translate(Text(t.Language), "bench", bench, now.AddDays(-2));
                db.Add(s);
            }
            var motion = new VoteMotion("A/C.3/74/L.11/Rev.1", "C.3", null, null, null, new DateOnly(2019, 11, 18), "recorded", null);
            var v = Vote.Open(motion, null, bench, now);
            var ballots = members.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => (string?)VoteChoices.Code((VoteChoice)(x.i % 3)));
            v.RecordBallots(ballots, v.Version, states);
            v.Close(bench, v.Version, now);
            var intended = v.Ballots.Single(b => b.State == members[1]).Choice == VoteChoice.Yes ? "no" : "yes";
            v.AddFootnote(members[1], intended, v.Date, states, bench, now);
            db.Add(v);
            await db.SaveChangesAsync();
            consultationId = c.Id;
            voteId = v.Id;
        }

        var compile = new Dictionary<string, List<double>>();
        var report = new Dictionary<string, List<double>>();
        var pure = new Dictionary<string, List<double>>();
        var memberBallots = members.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => (VoteChoice)(x.i % 3));
        long docxBytes = 0;
        for (var run = 0; run < runs + 2; run++)
        {
            foreach (var lang in Languages.All)
            {
                await using var scope = app.Services.CreateAsyncScope();
                ((HttpCurrentActor)scope.ServiceProvider.GetRequiredService<ICurrentActor>())
                    .Set(new Actor("bench", "bench", null, new HashSet<string> { Roles.Secretariat }));
                var consultations = scope.ServiceProvider.GetRequiredService<ConsultationQueries>();
                var votes = scope.ServiceProvider.GetRequiredService<VoteQueries>();
                var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<DeliberationText>>();

                var t = Stopwatch.StartNew();
                var doc = await consultations.CompileAsync(consultationId, lang, CancellationToken.None);
                var bytes = CompilationExports.Docx(doc, CompilationLabels.For(text, lang));
                var compileMs = t.Elapsed.TotalMilliseconds;
                docxBytes = bytes.Length;

                t.Restart();
                var r = await votes.ReportAsync(voteId, lang, CancellationToken.None);
                _ = r.ToPlainText();
                var reportMs = t.Elapsed.TotalMilliseconds;

                // The same report from ballots already in memory: the rule's own cost, without the database.
                var ballots = memberBallots;
                t.Restart();
                _ = VoteReport.Write(states, lang, new VoteSubject("C.3", "A/C.3/74/L.11/Rev.1"), VoteMethod.Recorded, RequiredMajority.Simple,
                    new DateOnly(2019, 11, 18), ballots, []).ToPlainText();
                var pureMs = t.Elapsed.TotalMilliseconds;
                if (run < 2) continue; // warm-up: JIT, ICU collators, connection pool
                (compile.TryGetValue(lang, out var cl) ? cl : compile[lang] = []).Add(compileMs);
                (report.TryGetValue(lang, out var rl) ? rl : report[lang] = []).Add(reportMs);
                (pure.TryGetValue(lang, out var pl) ? pl : pure[lang] = []).Add(pureMs);
            }
        }

        var provider = postgres.Length > 0 ? "PostgreSQL" : "SQLite";
        var ok = true;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}; {submissions} submissions × 6 languages; {runs} runs after 2 warm-up runs; " +
            $"last DOCX {docxBytes / 1024} KB"));
        Console.WriteLine("| language | compilation + DOCX median | p95 | vote report median | p95 | report without database, median |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var lang in Languages.All)
        {
            var c = compile[lang].Order().ToList();
            var r = report[lang].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {lang} | {c[c.Count / 2]:0} ms | {c[(int)(c.Count * 0.95)]:0} ms | " +
                $"{r[r.Count / 2]:0.0} ms | {r[(int)(r.Count * 0.95)]:0.0} ms | " +
                $"{pure[lang].Order().ElementAt(pure[lang].Count / 2):0.00} ms |"));
            ok &= c[(int)(c.Count * 0.95)] < 2000 && r[(int)(r.Count * 0.95)] < 50;
        }
        await app.StopAsync();
        await app.DisposeAsync();
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
        return ok ? 0 : 1;
    }

    private static string Paragraph(string language, int n)
    {
        var sentence = language switch
        {
            Languages.French =>
                "La nouvelle convention devrait porter sur la coopération internationale en matière de lutte contre " +
                "la cybercriminalité et respecter les droits de l’homme. ",
            Languages.Spanish =>
                "La nueva convención debería centrarse en la cooperación internacional contra la ciberdelincuencia " +
                "y respetar los derechos humanos. ",
            Languages.Russian =>
                "Новая конвенция должна быть посвящена международному сотрудничеству " +
                "в борьбе с киберпреступностью и соблюдению прав человека. ",
            Languages.Arabic =>
                "ينبغي أن تركز الاتفاقية الجديدة على التعاون الدولي في مكافحة " +
                "الجريمة السيبرانية وأن تحترم حقوق الإنسان. ",
            Languages.Chinese => "新公约应侧重于打击网络犯罪的国际合作，并尊重人权。",
            _ => "The new convention should focus on international cooperation against cybercrime and respect human rights. ",
        };
        var sb = new StringBuilder();
        for (var i = 0; i < 6; i++) sb.Append(sentence);
        return sb.Append(n.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
