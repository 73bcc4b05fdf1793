using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;

namespace Entraide.Domain.Tests.Deliberation;

public sealed class ConsultationTests
{
    private static readonly DateTimeOffset Now = new(2021, 8, 11, 12, 0, 0, TimeSpan.Zero);
    private static readonly StateDirectory States = StateDirectory.Default;
    private static readonly Actor Secretariat = new("sec", "Secretariat", null, new HashSet<string> { Roles.Secretariat });

    private static ConsultationInvitation Invitation(string? title = "Scope of the convention", params string?[] invited) =>
        new(title, "What should the scope be?", "The Chair invites Member States to comment.", null, "en", "A/AC.291/4", Now.AddDays(30), invited);

    [Fact]
    public void Open_RefusesControlCharacters_AndUnknownStates_BesideTheirFields()
    {
        var e = Assert.Throws<DomainException>(() => Consultation.Open(Invitation("Scope\u0000", "FRA", null), States, Secretariat, Now));
        Assert.Equal([("control-characters", "title"), ("unknown-state", "invitedStates")], e.Errors.Select(x => (x.Code, x.Field)));
    }

    [Fact]
    public void Parties_AreTheInvitedStates_OrEveryStateWhenNoneIsNamed()
    {
        var some = Consultation.Open(Invitation("Scope", "fra", "BRA"), States, Secretariat, Now);
        Assert.Equal(["FRA", "BRA"], some.Parties(States).Select(p => p.State));
        var all = Consultation.Open(Invitation(), States, Secretariat, Now);
        Assert.Contains(all.Parties(States), p => p.State == "MEX");
        Assert.NotNull(new Actor("d", "D", "MEX", new HashSet<string> { Roles.Delegate }).PartyOf(all.Parties(States)));
        Assert.Null(new Actor("d", "D", "MEX", new HashSet<string> { Roles.Delegate }).PartyOf(some.Parties(States)));
    }

    [Fact]
    public void Extend_KeepsEachChange_AndAStaleVersionChangesNothing()
    {
        var c = Consultation.Open(Invitation(), States, Secretariat, Now);
        var deadline = c.Deadline;
        Assert.Equal(FailureKind.Conflict, Assert.Throws<DomainException>(() => c.Extend(deadline.AddDays(5), null, 3, Secretariat, Now)).Kind);
        c.Extend(deadline.AddDays(5), " Requested ", c.Version, Secretariat, Now);
        Assert.Equal(deadline.AddDays(5), c.Deadline);
        Assert.Equal(deadline, c.OriginalDeadline);
        Assert.Equal("Requested", c.DeadlineChanges.Single().Reason);
    }

    [Fact]
    public void AcceptLate_OnlyForAnInvitedState_AfterTheDeadline()
    {
        var c = Consultation.Open(Invitation("Scope", "FRA"), States, Secretariat, Now);
        Assert.Equal("unknown-state", Assert.Throws<DomainException>(() => c.AcceptLate("BRA", c.Deadline.AddDays(1), States, Secretariat,
            Now)).Errors[0].Code);
        Assert.Equal("deadline-not-later", Assert.Throws<DomainException>(() => c.AcceptLate("FRA", c.Deadline, States, Secretariat,
            Now)).Errors[0].Code);
        Assert.Equal("FRA", c.AcceptLate("fra", c.Deadline.AddDays(1), States, Secretariat, Now).State);
    }
}

public sealed class SubmissionTests
{
    private static readonly DateTimeOffset Now = new(2021, 9, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Actor France = new("d-fra", "Delegate of France", "FRA", new HashSet<string> { Roles.Delegate });

    private static SubmissionFile File(string name) => new(name, "text/plain", [1, 2, 3]);

    [Fact]
    public void Replace_ReplacesTheTextAndTheFiles_AndResetsTranslations()
    {
        var s = Submission.First(Guid.CreateVersion7(), "FRA");
        s.Replace("fr", "Première version.", [File("a.txt")], late: false, France, Now);
        s.Texts.Single(t => t.Language == "en").Translate("First version.", null, France, Now);
        Assert.Equal(0, s.Version);

        s.Replace("en", "Second version.", [File("b.txt"), File("c.txt")], late: false, France, Now);
        Assert.Equal(1, s.Version);
        Assert.Equal(["b.txt", "c.txt"], s.Attachments.Select(a => a.FileName));
        Assert.Equal(6, s.Texts.Count);
        Assert.Equal(TranslationStatus.Original, s.Texts.Single(t => t.Language == "en").Status);
        Assert.Equal(TranslationStatus.AwaitingTranslation, s.Texts.Single(t => t.Language == "fr").Status);
        Assert.Null(s.Texts.Single(t => t.Language == "fr").Text);
    }

    [Theory]
    [InlineData("note\u202Etxt.exe", "text/plain")]
    [InlineData("../a.txt", "text/plain")]
    [InlineData("a.txt", "text/plain\u0000")]
    public void Check_FileNameOrTypeAnAttackerChose_IsRefused(string name, string type)
    {
        var e = Assert.Throws<DomainException>(() => Submission.Check("Text.", "en", [new SubmissionFile(name, type, [1])]));
        Assert.Equal("attachments", e.Errors[0].Field);
    }

    [Fact]
    public void Translate_TheOriginal_IsAConflict()
    {
        var s = Submission.First(Guid.CreateVersion7(), "FRA");
        s.Replace("fr", "Texte.", [], late: false, France, Now);
        Assert.Equal(FailureKind.Conflict,
            Assert.Throws<DomainException>(() => s.Texts.Single(t => t.Language == "fr").Translate("x", null, France, Now)).Kind);
    }
}
