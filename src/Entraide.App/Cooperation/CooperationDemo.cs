using Entraide.App.Cooperation.Requests;
using Entraide.App.Infrastructure.Hosting;
using Entraide.Domain.Common;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Trust;
using static Entraide.Domain.Cooperation.RequestCatalogue;

namespace Entraide.App.Cooperation;

/// <summary>
/// With <c>--demo</c>, requests between the demo States in every status: sent, acknowledged, under assessment,
/// in consultation, accepted, in execution, partly and fully executed, postponed, refused, withdrawn, and a draft;
/// among them an emergency whose acknowledgement is overdue and a preservation about to expire. Each is sent and
/// moved through the real handlers by the demo officers, on a clock set back to when it happened. Each request is
/// sent under its own idempotency key, so a second start finds it sent and changes nothing.
/// <c>Entraide:DemoContent=false</c> leaves the requests out (the demo accounts remain).
/// </summary>
internal sealed class CooperationDemo(IConfiguration configuration) : ISeeder
{
    public int Order => 500;

    private sealed record Step(RequestAction Action, TimeSpan Ago, string? Ground = null, string? Reasons = null);

    private sealed record Story(string Key, RequestType Type, string From, string To, TimeSpan Ago, string Subject, params Step[] Steps);

    private static TimeSpan Days(double d) => TimeSpan.FromDays(d);
    private static TimeSpan Hours(double h) => TimeSpan.FromHours(h);

    private static readonly Story[] Stories =
    [
        new("demo-1", RequestType.MutualLegalAssistance, "USA", "FRA", Days(1), "Ransomware against a hospital network in Lyon"),
        new("demo-2", RequestType.MutualLegalAssistance, "BRA", "FRA", Days(6), "Phishing kit sold to Brazilian bank customers",
            new Step(RequestAction.Acknowledge, Days(5.5))),
        new("demo-3", RequestType.MutualLegalAssistance, "JPN", "FRA", Days(20), "Theft of cryptocurrency from a Tokyo exchange",
            new Step(RequestAction.Acknowledge, Days(19)), new Step(RequestAction.StartAssessment, Days(18))),
        new("demo-4", RequestType.MutualLegalAssistance, "FRA", "CHN", Days(40), "Botnet command servers hosted in Shenzhen",
            new Step(RequestAction.Acknowledge, Days(39)), new Step(RequestAction.StartAssessment, Days(37)),
            new Step(RequestAction.OpenConsultation, Days(30), Reasons: "We need to know whether the evidence may be used in a trial " +
                "for an offence punishable by imprisonment for life before we can accept.")),
        new("demo-5", RequestType.MutualLegalAssistance, "FRA", "JPN", Days(30), "Extortion by e-mail of French municipalities",
            new Step(RequestAction.Acknowledge, Days(29)), new Step(RequestAction.StartAssessment, Days(28)),
            new Step(RequestAction.Accept, Days(21))),
        new("demo-6", RequestType.MutualLegalAssistance, "EGY", "FRA", Days(50), "Online fraud against Egyptian pensioners",
            new Step(RequestAction.Acknowledge, Days(49)), new Step(RequestAction.StartAssessment, Days(45)),
            new Step(RequestAction.Accept, Days(40)), new Step(RequestAction.StartExecution, Days(35))),
        new("demo-7", RequestType.MutualLegalAssistance, "FRA", "USA", Days(90), "Sale of stolen card data on a dark-web market",
            new Step(RequestAction.Acknowledge, Days(89)), new Step(RequestAction.StartAssessment, Days(85)),
            new Step(RequestAction.Accept, Days(80)), new Step(RequestAction.StartExecution, Days(70)),
            new Step(RequestAction.RecordPartialExecution, Days(20))),
        new("demo-8", RequestType.ExpeditedPreservation, "FRA", "JPN", Days(56), "Preservation of a cloud account used for extortion",
            new Step(RequestAction.Acknowledge, Days(55.9)), new Step(RequestAction.StartAssessment, Days(55.8)),
            new Step(RequestAction.Accept, Days(55.7)), new Step(RequestAction.StartExecution, Days(55.6)),
            new Step(RequestAction.RecordExecution, Days(55.5))),
        new("demo-9", RequestType.MutualLegalAssistance, "MEX", "FRA", Days(35), "Laundering of ransom payments through online casinos",
            new Step(RequestAction.Acknowledge, Days(34)), new Step(RequestAction.StartAssessment, Days(30)),
            new Step(RequestAction.Postpone, Days(25), Grounds.OngoingProceedings, "A French investigation into the same casinos is " +
                "under way; executing now would alert its suspects. We expect to resume within three months.")),
        new("demo-10", RequestType.MutualLegalAssistance, "GBR", "CHN", Days(45), "Access to the e-mail of a journalist",
            new Step(RequestAction.Acknowledge, Days(44)), new Step(RequestAction.StartAssessment, Days(40)),
            new Step(RequestAction.Refuse, Days(33), Grounds.PoliticalOffence, "The conduct described is prosecuted as a political " +
                "offence; assistance cannot be given.")),
        new("demo-11", RequestType.MutualLegalAssistance, "FRA", "GBR", Days(25), "Intrusion into a ministry's mail server",
            new Step(RequestAction.Acknowledge, Days(24)), new Step(RequestAction.Withdraw, Days(10), Reasons:
                "The suspect has been identified by other means.")),
        new("demo-12", RequestType.EmergencyDisclosure, "FRA", "JPN", Hours(10), "Threat to kill posted from a Japanese account"),
        new("demo-13", RequestType.EmergencyDisclosure, "AUS", "IND", Hours(3), "Live-streamed abuse of a child",
            new Step(RequestAction.Acknowledge, Hours(2.5))),
        new("demo-14", RequestType.ExpeditedPreservation, "NGA", "ZAF", Days(2), "Business e-mail compromise of a Lagos importer"),
        new("demo-15", RequestType.ExpeditedPreservation, "IND", "GBR", Days(8), "Preservation of messages of an investment scam",
            new Step(RequestAction.Acknowledge, Days(7.9))),
        new("demo-16", RequestType.MutualLegalAssistance, "ZAF", "NGA", Days(12), "Romance scams run from a call centre",
            new Step(RequestAction.Acknowledge, Days(11))),
        new("demo-17", RequestType.MutualLegalAssistance, "CHN", "MEX", Days(4), "Counterfeit online shop taking payments in Mexico"),
        new("demo-18", RequestType.MutualLegalAssistance, "BRA", "EGY", Days(15), "Identity theft through a fake job portal",
            new Step(RequestAction.Acknowledge, Days(14))),
    ];

    public async Task SeedAsync(SeedContext context, CancellationToken ct)
    {
        if (!context.Demo || !configuration.GetValue("Entraide:DemoContent", true)) return;
        await using var scope = context.Services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoActors>();
        var sent = 0;
        foreach (var story in Stories)
        {
            try
            {
                if (await TellAsync(demo, story, ct)) sent++;
            }
            catch (DomainException e)
            {
                // One story the rules refuse (a profile changed by hand, say) does not stop the server.
                await context.Output.WriteLineAsync($"Demo request {story.Key} not seeded: {string.Join(", ", e.Errors.Select(x => x.Code))}");
            }
        }
        if (sent > 0)
        {
            var fra = await demo.ActorAsync("FRA", Roles.CentralAuthority, ct);
            await demo.Build<DraftRequestHandler>(fra, Days(1)).HandleAsync(Draft(RequestType.MutualLegalAssistance, "BRA",
                "Hacking of a football club's ticketing system"), ct);
            await context.Output.WriteLineAsync($"Cooperation: {sent} demo requests and a draft.");
        }
    }

    /// <summary>Sends the story's request and takes its steps; false when a previous start already did.</summary>
    private static async Task<bool> TellAsync(DemoActors demo, Story story, CancellationToken ct)
    {
        var urgent = Of(story.Type).Urgent;
        var role = urgent ? Roles.PointOfContact : Roles.CentralAuthority;
        var requesting = await demo.ActorAsync(story.From, role, ct);
        var requested = await demo.ActorAsync(story.To, role, ct);
        var (request, replayed) = await SubmitAsync(demo, requesting, story, ct);
        if (replayed) return false;
        foreach (var step in story.Steps)
        {
            var actor = step.Action == RequestAction.Withdraw ? requesting : requested;
            var transition = demo.Build<TransitionRequestHandler>(actor, step.Ago);
            await transition.HandleAsync(request.Id, new TransitionRequest(RequestLifecycle.Code(step.Action), step.Ground, step.Reasons), ct);
        }
        return true;
    }

    private static Task<(CooperationRequest Request, bool Replayed)> SubmitAsync(DemoActors demo, Actor actor, Story story, CancellationToken ct)
    {
        // The handler and the collaborators that read the clock, all on the story's time.
        var keys = demo.Build<SubmissionKeys>(actor, story.Ago);
        var submission = demo.Build<RequestSubmission>(actor, story.Ago, keys);
        var handler = demo.Build<SubmitNewRequestHandler>(actor, story.Ago, keys, submission);
        return handler.HandleAsync(new SubmitNewRequest(Draft(story.Type, story.To, story.Subject), story.Key), ct);
    }

    private static DraftRequest Draft(RequestType type, string to, string subject) =>
        new(Of(type).Code, to, "en", null, false, Fields(type, subject), null, null, null);

    /// <summary>The required content of a request of <paramref name="type"/>, written as an officer would.</summary>
    private static Dictionary<string, string?> Fields(RequestType type, string subject) =>
        Of(type).Fields.Where(f => f.Required).ToDictionary(f => f.Name, f => (string?)(f.Kind == FieldKind.Affirmation ? "true" : f.Name switch
        {
            RequestingAuthority => "Office of the Public Prosecutor, Cybercrime Unit",
            Subject => subject + ".",
            ConductingAuthority => "Investigating judge in charge of the case",
            Facts => subject + ". Between March and May the suspects used servers and accounts in the requested State to commit " +
                "the offences; the victims' losses exceed 2 million euros.\nThe investigation has identified the accounts listed below.",
            AssistanceSought => "Subscriber information and connection logs of the accounts listed, for the period of the offences.",
            Purpose => "To identify the persons who used the accounts, for their prosecution.",
            Offence => "Fraudulent access to an automated data processing system; extortion.",
            DataToPreserve => "All stored content and traffic data of the accounts listed, from 1 March to date.",
            RelationToOffence => "The accounts received the ransom demands' replies and the payments' confirmations.",
            Custodian => "The service provider hosting the accounts, through its law-enforcement portal.",
            Necessity => "The provider deletes inactive accounts' data after 90 days.",
            RiskToLife => "The author announces he will kill a named person tomorrow; the person's address is known to him.",
            DataSought => "Subscriber information and the last IP addresses used to connect to the account.",
            TrafficData => "The traffic data preserved under the reference given.",
            Measure => "Production order addressed to the service provider.",
            Information => subject + ".",
            _ => subject + ".",
        }));
}
