using Entraide.App.Deliberation.Consultations;
using Entraide.App.Deliberation.Drafts;
using Entraide.App.Deliberation.Votes;
using Entraide.App.Infrastructure.Hosting;
using Entraide.App.Infrastructure.Persistence;
using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Deliberation;

/// <summary>
/// With <c>--demo</c>, the secretariat's work under way: an open consultation to which three delegations have
/// submitted comments (in French, Arabic and English), a draft resolution issued under its symbol, and the
/// recorded vote on it, closed. All through the real handlers, by the demo delegates and the secretariat, on a
/// clock set back to when it happened; a second start finds the consultation and adds nothing.
/// <c>Entraide:DemoContent=false</c> leaves it out.
/// </summary>
internal sealed class DeliberationDemo(IConfiguration configuration) : ISeeder
{
    public int Order => 510;

    internal const string ConsultationTitle = "Protocol on the collection of evidence in electronic form: scope and safeguards";
    internal const string DraftSymbol = "A/C.3/80/L.11";

    private static TimeSpan Days(double d) => TimeSpan.FromDays(d);

    private static readonly (string State, string Language, string Text)[] Comments =
    [
        ("FRA", "fr", "La France se félicite de l'ouverture de cette consultation.\n\nElle propose que le protocole couvre la " +
            "conservation et la production des données stockées, assorties des garanties de l'article 24."),
        ("EGY", "ar", "ترحب جمهورية مصر العربية بهذه المشاورة.\n\nوتقترح أن يشمل البروتوكول حفظ البيانات المخزنة والكشف العاجل عنها " +
            "في حالات الطوارئ، مع ضمانات تحمي حقوق الإنسان."),
        ("JPN", "en", "Japan welcomes the consultation.\n\nThe protocol should set common time limits for the answer to a " +
            "preservation request and state the safeguards that apply to subscriber information."),
    ];

    private static readonly string[] Yes = ["FRA", "BRA", "EGY", "MEX", "JPN", "AUS", "GBR", "ZAF", "NGA", "IND"];
    private static readonly string[] No = ["CHN"];
    private static readonly string[] Abstain = ["USA"];

    public async Task SeedAsync(SeedContext context, CancellationToken ct)
    {
        if (!context.Demo || !configuration.GetValue("Entraide:DemoContent", true)) return;
        await using var scope = context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        if (await db.Set<Consultation>().AnyAsync(c => c.Title == ConsultationTitle, ct)) return;
        try
        {
            await TellAsync(scope.ServiceProvider.GetRequiredService<DemoActors>(), ct);
            await context.Output.WriteLineAsync("Deliberation: a consultation with three submissions, an issued draft and a closed vote.");
        }
        catch (DomainException e)
        {
            // Rules that refuse a step (a symbol taken by hand, say) do not stop the server.
            await context.Output.WriteLineAsync($"Demo deliberation not fully seeded: {string.Join(", ", e.Errors.Select(x => x.Code))}");
        }
    }

    private static async Task TellAsync(DemoActors demo, CancellationToken ct)
    {
        var secretariat = await demo.ActorAsync(null, Roles.Secretariat, ct);

        var consultation = await demo.Build<OpenConsultationHandler>(secretariat, Days(10)).HandleAsync(new OpenConsultation(
            ConsultationTitle,
            "Which powers should the protocol cover, and which conditions and safeguards should apply to each?",
            "The Chair of the Ad Hoc Committee invites Member States to submit their comments on the scope of the protocol and " +
                "on the conditions and safeguards that should apply. Comments may be submitted in any official language.",
            null, "en", "A/AC.291/2026/INF/3", DateTimeOffset.UtcNow.AddDays(20),
            ["FRA", "EGY", "JPN", "BRA", "CHN", "MEX", "USA", "GBR", "IND", "NGA", "ZAF", "AUS"]), ct);
        for (var i = 0; i < Comments.Length; i++)
        {
            var (state, language, text) = Comments[i];
            var delegate_ = await demo.ActorAsync(state, Roles.Delegate, ct);
            var delegation = demo.Build<SubmitCommentsHandler>(delegate_, Days(6 - i), demo.Build<ConsultationQueries>(delegate_, Days(6 - i)));
            await delegation.HandleAsync(consultation.Id, new SubmitComments(language, text, []), ct);
        }

        var fra = await demo.ActorAsync("FRA", Roles.Delegate, ct);
        var draft = await demo.Build<CreateDraftHandler>(fra, Days(40)).HandleAsync(new CreateDraft(
            "Countering the use of information and communications technologies for criminal purposes", "107", "en",
            [
                new ParagraphInput("preambular", "Recalling its resolution 79/243 of 24 December 2024,"),
                new ParagraphInput("preambular", "Noting with appreciation the work of the United Nations Office on Drugs and Crime,"),
                new ParagraphInput("operative", "1. Urges Member States to designate their central authorities and 24/7 points of contact;"),
                new ParagraphInput("operative", "2. Requests the Office to continue to provide technical assistance;"),
                new ParagraphInput("operative", "3. Decides to remain seized of the matter."),
            ], null, null), ct);
        var issued = await demo.Build<IssueDraftHandler>(secretariat, Days(30), demo.Build<DraftQueries>(secretariat, Days(30)))
            .HandleAsync(draft.Id, new IssueDraft(DraftSymbol, draft.Version), ct);

        var vote = await demo.Build<CreateVoteHandler>(secretariat, Days(20)).HandleAsync(
            new CreateVote(issued.Id, null, "C.3", null, null, null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-20)), "recorded", null), ct);
        var ballots = Yes.Select(s => (s, "yes")).Concat(No.Select(s => (s, "no"))).Concat(Abstain.Select(s => (s, "abstain")))
            .ToDictionary(b => b.s, b => (string?)b.Item2, StringComparer.Ordinal);
        var votes = demo.Build<VoteQueries>(secretariat, Days(20));
        vote = await demo.Build<RecordBallotsHandler>(secretariat, Days(20), votes)
            .HandleAsync(vote.Id, new RecordBallots(ballots, vote.Version), ct);
        await demo.Build<CloseVoteHandler>(secretariat, Days(20), votes).HandleAsync(vote.Id, new CloseVote(vote.Version), ct);
    }
}
