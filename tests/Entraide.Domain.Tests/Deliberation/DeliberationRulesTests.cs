using Entraide.Domain.Common;
using Entraide.Domain.Deliberation;
using Entraide.Domain.Network;

namespace Entraide.Domain.Tests.Deliberation;

public sealed class ConsultationScheduleTests
{
    private static readonly DateTimeOffset Opened = new(2021, 8, 11, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = new(2021, 10, 29, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void Extend_LaterDeadline_KeepsHistoryAndMovesDeadline()
    {
        var s = new ConsultationSchedule(Opened, Deadline);
        var change = s.Extend(Deadline.AddDays(7), Opened.AddDays(60), "secretariat", "Requested by several delegations");
        var extended = new ConsultationSchedule(Opened, Deadline, [change]);
        Assert.Equal(Deadline, change.From);
        Assert.Equal(Deadline.AddDays(7), extended.Deadline);
        Assert.Single(extended.Changes);
    }

    [Fact]
    public void Extend_EarlierDeadline_IsRefused()
    {
        var s = new ConsultationSchedule(Opened, Deadline);
        var e = Assert.Throws<DomainException>(() => s.Extend(Deadline.AddDays(-1), Opened, "secretariat", null));
        Assert.Equal("deadline-not-later", e.Errors[0].Code);
    }

    [Fact]
    public void Extend_IntoThePast_IsRefused()
    {
        var s = new ConsultationSchedule(Opened, Deadline);
        var e = Assert.Throws<DomainException>(() => s.Extend(Deadline.AddDays(1), Deadline.AddDays(2), "secretariat", null));
        Assert.Equal("deadline-in-past", e.Errors[0].Code);
    }

    [Fact]
    public void EnsureCanSubmit_AtDeadline_IsOnTime_AndOneTickLater_IsLate()
    {
        var s = new ConsultationSchedule(Opened, Deadline);
        s.EnsureCanSubmit(Deadline, null);
        var e = Assert.Throws<DomainException>(() => s.EnsureCanSubmit(Deadline.AddTicks(1), null));
        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.Equal("submission-late", e.Errors[0].Code);
    }

    [Fact]
    public void EnsureCanSubmit_LateButAccepted_IsAllowedUntilTheAcceptanceEnds()
    {
        var s = new ConsultationSchedule(Opened, Deadline);
        s.EnsureCanSubmit(Deadline.AddDays(2), Deadline.AddDays(3));
        Assert.Throws<DomainException>(() => s.EnsureCanSubmit(Deadline.AddDays(4), Deadline.AddDays(3)));
    }
}

public sealed class CompilerTests
{
    private static readonly StateDirectory States = StateDirectory.Default;

    private static SubmissionForCompilation Sub(
        string state, string original, params (string Lang, TranslationStatus Status, string? Text)[] versions) =>
        new(state, original, new DateOnly(2021, 10, 29),
        [
            .. versions.Select(v => new SubmissionVersion(v.Lang, v.Status, v.Text, v.Status == TranslationStatus.Translated ? "J. Dupont" : null)),
        ]);

    [Fact]
    public void Compile_French_OrdersByFrenchCollation_AndHeadsSectionsAsInAAC2914()
    {
        var subs = new[]
        {
            Sub("USA", "en", ("en", TranslationStatus.Original, "Text US"), ("fr", TranslationStatus.Translated, "Texte É.-U.")),
            Sub("EGY", "ar", ("ar", TranslationStatus.Original, "نص"), ("fr", TranslationStatus.AwaitingTranslation, null)),
            Sub("AUS", "en", ("en", TranslationStatus.Original, "Text AU"),
                ("fr", TranslationStatus.Translated, "L’Australie se félicite.\n\nDeuxième paragraphe.")),
        };
        var doc = Compiler.Compile(States, "fr", "Commentaires", "A/AC.291/4", new DateOnly(2021, 11, 8), "Intro", subs);
        // Australie < Égypte < États-Unis: the accented É sorts with E.
        Assert.Equal(["AUS", "EGY", "USA"], doc.Sections.Select(s => s.State));
        var au = doc.Sections[0];
        Assert.Equal("Australie", au.Heading);
        Assert.Equal("[Original\u00a0: anglais]", au.OriginalLine);
        Assert.Equal("[29 octobre 2021]", au.DateLine);
        Assert.Equal(2, au.Paragraphs.Count);
        Assert.Equal(TranslationStatus.Translated, au.Status);
        Assert.Equal("J. Dupont", au.TranslatedBy);
        Assert.True(doc.Sections[1].AwaitingTranslation);
        Assert.Equal(["EGY"], doc.StatesAwaitingTranslation);
    }

    [Fact]
    public void Compile_InOriginalLanguage_IsOriginalEvenWithoutTranslations()
    {
        var doc = Compiler.Compile(States, "en", "Comments", null, new DateOnly(2021, 11, 8), null,
            [Sub("AUS", "en", ("en", TranslationStatus.Original, "Text"))]);
        Assert.Equal(TranslationStatus.Original, doc.Sections[0].Status);
        Assert.Equal("[Original: English]", doc.Sections[0].OriginalLine);
        Assert.Equal("[29 October 2021]", doc.Sections[0].DateLine);
    }

    [Theory]
    [InlineData("ru", "[Подлинный текст на английском языке]", "[29 октября 2021 года]")]
    [InlineData("ar", "[الأصل: بالإنكليزية]", "[29 تشرين الأول/أكتوبر 2021]")]
    [InlineData("zh", "[原件：英文]", "[2021年10月29日]")]
    [InlineData("es", "[Original: inglés]", "[29 de octubre de 2021]")]
    public void Compile_EachLanguage_WritesTheOriginalAndDateLinesInItsOwnForm(string lang, string original, string date)
    {
        var doc = Compiler.Compile(States, lang, "t", null, new DateOnly(2021, 11, 8), null, [Sub("AUS", "en")]);
        Assert.Equal(original, doc.Sections[0].OriginalLine);
        Assert.Equal(date, doc.Sections[0].DateLine);
    }
}

public sealed class ParagraphChecksTests
{
    [Theory]
    [InlineData("en", "Recalling its resolution 65/230 of 21 December 2010,")]
    [InlineData("en", "Deeply concerned by the growing threat,")]
    [InlineData("fr", "Rappelant sa résolution 65/230 du 21 décembre 2010,")]
    [InlineData("fr", "Profondément préoccupée par la menace,")]
    [InlineData("fr", "Consciente des défis,")]
    [InlineData("es", "Recordando su resolución 65/230,")]
    [InlineData("ru", "ссылаясь на свою резолюцию 65/230,")]
    [InlineData("ru", "с удовлетворением отмечая работу,")]
    [InlineData("ar", "إذ تشير إلى قرارها 65/230،")]
    [InlineData("ar", "وإذ تلاحظ مع القلق،")]
    [InlineData("zh", "回顾其2010年12月21日第65/230号决议，")]
    public void Check_ParticipleOpening_NoWarning(string lang, string text)
    {
        var w = ParagraphChecks.Check([new(ParagraphKind.Preambular, text), new(ParagraphKind.Operative, Operative(lang))], lang);
        Assert.Empty(w);
    }

    private static string Operative(string lang) => lang switch
    {
        "fr" => "1. Prie l’Office de continuer;",
        "es" => "1. Pide a la Oficina que continúe;",
        "ru" => "1. просит Управление продолжать;",
        "ar" => "1 - تطلب إلى المكتب أن يواصل؛",
        "zh" => "1. 请办公室继续；",
        _ => "1. Requests the Office to continue;",
    };

    [Theory]
    [InlineData("en", "The Assembly recalls its resolution,")]
    [InlineData("fr", "La Commission rappelle sa résolution,")]
    [InlineData("zh", "回顾其决议。")]
    public void Check_PreambularWithoutParticiple_Warns(string lang, string text)
    {
        var w = ParagraphChecks.Check([new(ParagraphKind.Preambular, text), new(ParagraphKind.Operative, Operative(lang))], lang);
        Assert.Contains(w, x => x.Index == 0 && x.Code == "preambular-not-participle");
    }

    [Fact]
    public void Check_OperativeNotNumbered_AndOutOfSequence_Warn()
    {
        var w = ParagraphChecks.Check(
        [
            new(ParagraphKind.Operative, "Requests the Office to continue;"),
            new(ParagraphKind.Operative, "1. Decides to remain seized of the matter."),
            new(ParagraphKind.Operative, "3. Invites Member States;"),
        ], "en");
        Assert.Contains(new ParagraphWarning(0, "operative-not-numbered"), w);
        Assert.Contains(new ParagraphWarning(2, "operative-numbering"), w);
        Assert.DoesNotContain(w, x => x.Index == 1);
    }

    [Fact]
    public void Check_OperativeNotOpeningWithVerb_Warns()
    {
        var w = ParagraphChecks.Check([new(ParagraphKind.Operative, "1. The Office to continue;")], "en");
        Assert.Contains(new ParagraphWarning(0, "operative-not-verb"), w);
    }
}

public sealed class ParagraphDiffTests
{
    [Fact]
    public void Compare_ReportsAddedRemovedAndReworded()
    {
        Paragraph P(string t) => new(ParagraphKind.Preambular, t);
        Paragraph O(string t) => new(ParagraphKind.Operative, t);
        var before = new[] { P("Recalling A,"), P("Noting B,"), O("1. Requests C;"), O("2. Decides D.") };
        var after = new[] { P("Recalling A,"), O("1. Requests C and E;"), O("2. Decides D."), O("3. Invites F.") };
        var diff = ParagraphDiff.Compare(before, after);
        Assert.Equal(
            [DiffKind.Unchanged, DiffKind.Removed, DiffKind.Changed, DiffKind.Unchanged, DiffKind.Added],
            diff.Select(d => d.Kind));
        Assert.Equal("1. Requests C and E;", diff[2].After);
    }
}

public sealed class VoteReportTests
{
    private static readonly StateDirectory States = StateDirectory.Default;
    private static readonly VoteSubject L11 = new("C.3", "A/C.3/74/L.11/Rev.1");

    private static Dictionary<string, VoteChoice> Ballots(int yes, int no, int abstain)
    {
        var members = States.All.Where(s => s.Status == UnStatus.Member).Select(s => s.Iso3).ToList();
        var d = new Dictionary<string, VoteChoice>();
        var i = 0;
        foreach (var c in members.Take(yes)) d[c] = VoteChoice.Yes;
        i += yes;
        foreach (var c in members.Skip(i).Take(no)) d[c] = VoteChoice.No;
        i += no;
        foreach (var c in members.Skip(i).Take(abstain)) d[c] = VoteChoice.Abstain;
        return d;
    }

    [Fact]
    public void Write_French_ReproducesTheOfficialFormula()
    {
        var r = VoteReport.Write(States, "fr", L11,
            VoteMethod.Recorded, RequiredMajority.Simple, new DateOnly(2019, 11, 18), Ballots(88, 58, 34), []);
        Assert.Equal("La Troisième Commission a adopté le projet de résolution A/C.3/74/L.11/Rev.1 par 88 voix contre 58, avec 34 abstentions.",
            r.Outcome);
        Assert.Equal(["Ont voté pour\u00a0:", "Ont voté contre\u00a0:", "Se sont abstenus\u00a0:"], r.Lists.Select(l => l.Heading));
        Assert.Equal(88, r.Lists[0].Names.Count);
        var sorted = r.Lists[0].Names.Order(Collation.For("fr")).ToList();
        Assert.Equal(sorted, r.Lists[0].Names);
    }

    [Fact]
    public void Write_NamesAsOnTheVoteDate_WithoutBracketedArticle()
    {
        var ballots = new Dictionary<string, VoteChoice> { ["DZA"] = VoteChoice.Yes, ["TUR"] = VoteChoice.Yes, ["SWZ"] = VoteChoice.No };
        var r = VoteReport.Write(States, "en", L11, VoteMethod.Recorded, RequiredMajority.Simple, new DateOnly(2017, 1, 1), ballots, []);
        Assert.Contains("Algeria", r.Lists[0].Names);
        Assert.Equal(States.ListName("TUR", "en", new DateOnly(2017, 1, 1)), r.Lists[0].Names.Single(n => n.StartsWith('T')));
        Assert.Equal(States.ListName("SWZ", "en", new DateOnly(2017, 1, 1)), r.Lists[1].Names[0]);
        Assert.DoesNotContain(r.Lists.SelectMany(l => l.Names), n => n.Contains('(') && n.EndsWith("(the)"));
    }

    [Theory]
    [InlineData("en", "The Third Committee adopted draft resolution A/C.3/74/L.11/Rev.1 by a recorded vote of 88 votes to 58, with 34 abstentions.")]
    [InlineData("es", "La Tercera Comisión aprobó el proyecto de resolución A/C.3/74/L.11/Rev.1 por 88 votos contra 58 y 34 abstenciones.")]
    [InlineData("ru", "Третий комитет принял проект резолюции A/C.3/74/L.11/Rev.1 88 голосами против 58 при 34 воздержавшихся.")]
    [InlineData("ar", "اعتمدت اللجنة الثالثة مشروع القرار A/C.3/74/L.11/Rev.1 بتصويت مسجل بأغلبية 88 صوتا مقابل 58، وامتناع 34 عضوا عن التصويت.")]
    [InlineData("zh", "第三委员会以88票赞成、58票反对、34票弃权的记录表决结果通过了决议草案A/C.3/74/L.11/Rev.1。")]
    public void Write_EachLanguage_UsesItsOfficialFormula(string lang, string expected)
    {
        var r = VoteReport.Write(States, lang, L11,
            VoteMethod.Recorded, RequiredMajority.Simple, new DateOnly(2019, 11, 18), Ballots(88, 58, 34), []);
        Assert.Equal(expected, r.Outcome);
    }

    [Fact]
    public void Write_WithoutAVote_HasNoLists()
    {
        var r = VoteReport.Write(States, "fr", new VoteSubject("GA", "A/74/L.5"),
            VoteMethod.WithoutVote, RequiredMajority.Simple, new DateOnly(2019, 12, 18),
            new Dictionary<string, VoteChoice>(), []);
        Assert.Equal("L’Assemblée générale a adopté le projet de résolution A/74/L.5 sans le mettre aux voix.", r.Outcome);
        Assert.Empty(r.Lists);
    }

    [Fact]
    public void Write_Footnote_DoesNotChangeTheTally()
    {
        var ballots = Ballots(10, 5, 2);
        var noVoter = ballots.First(b => b.Value == VoteChoice.No).Key;
        var r = VoteReport.Write(States, "en", L11, VoteMethod.Recorded, RequiredMajority.Simple, new DateOnly(2019, 11, 18), ballots,
            [new VoteFootnoteEntry(noVoter, VoteChoice.Yes, new DateOnly(2019, 11, 19))]);
        Assert.Contains("10 votes to 5", r.Outcome);
        Assert.Contains(States.ListName(noVoter, "en", new DateOnly(2019, 11, 18)), r.Lists[1].Names);
        Assert.Single(r.Footnotes);
        Assert.EndsWith("had intended to vote in favour.", r.Footnotes[0]);
    }

    [Fact]
    public void Tally_TwoThirds_RequiresTwoThirdsOfPresentAndVoting()
    {
        Assert.Equal(VoteOutcome.Adopted, new Tally(100, 50, 40, 3).Outcome(RequiredMajority.TwoThirds));
        Assert.Equal(VoteOutcome.Rejected, new Tally(99, 50, 40, 3).Outcome(RequiredMajority.TwoThirds));
        Assert.Equal(VoteOutcome.Rejected, new Tally(58, 58, 3, 0).Outcome(RequiredMajority.Simple));
    }

    [Fact]
    public void Import_ReadsCodeAndChoiceLines_AndSections_AndNamesBadLines()
    {
        var ballots = BallotRules.Import(States, Rows("state,choice\nFRA,yes\nbra,no\nabstain\nCHN\nIND\n"));
        Assert.Equal(VoteChoice.Yes, ballots["FRA"]);
        Assert.Equal(VoteChoice.No, ballots["BRA"]);
        Assert.Equal(VoteChoice.Abstain, ballots["IND"]);
        var e = Assert.Throws<DomainException>(() => BallotRules.Import(States, Rows("FRA,yes\nXXX,no\nFRA,no\nVAT,yes\n")));
        Assert.Equal(["ballot-unknown-state", "ballot-duplicate", "ballot-unknown-state"], e.Errors.Select(x => x.Code));
        // Each error names its line and the code it is about.
        Assert.Equal(["2", "XXX"], e.Errors[0].Arguments);
        Assert.Equal(["3", "FRA"], e.Errors[1].Arguments);
    }

    [Fact]
    public void Import_CodesUnderAHeading_MaySeparateByCommasSpacesOrLines()
    {
        var ballots = BallotRules.Import(States, Rows("yes\nFRA, BRA MEX\nEGY\nno\nCHN,USA\nabstain\nIND ZAF\n"));
        Assert.Equal(8, ballots.Count);
        Assert.Equal(VoteChoice.Yes, ballots["MEX"]);
        Assert.Equal(VoteChoice.No, ballots["USA"]);
        Assert.Equal(VoteChoice.Abstain, ballots["ZAF"]);
    }

    [Fact]
    public void Import_UnknownCodeOrCodesBeforeAnyHeading_NameTheCode()
    {
        var e = Assert.Throws<DomainException>(() => BallotRules.Import(States, Rows("FRA BRA\nyes\nMEX, QQQ\n")));
        Assert.Equal(["ballot-no-choice", "ballot-no-choice", "ballot-unknown-state"], e.Errors.Select(x => x.Code));
        Assert.Equal(["3", "QQQ"], e.Errors[2].Arguments);
    }

    /// <summary>The rows of a file without quoted cells, as the host's CSV reader gives them.</summary>
    private static IEnumerable<IReadOnlyList<string>> Rows(string content) =>
        content.Split('\n').Select(line => (IReadOnlyList<string>)line.Split(','));
}

public sealed class DraftSymbolTests
{
    [Theory]
    [InlineData("A/C.3/74/L.11", true)]
    [InlineData("A/74/L.5", true)]
    [InlineData("A/AC.291/L.1", true)]
    [InlineData("A/C.3/74/L.11/Rev.1", false)]
    [InlineData("L.11", false)]
    public void IsValidBase_RecognisesUnSymbols(string symbol, bool valid) => Assert.Equal(valid, DraftSymbol.IsValidBase(symbol));

    [Fact]
    public void Of_Revision_AppendsRev() => Assert.Equal("A/C.3/74/L.11/Rev.1", DraftSymbol.Of("A/C.3/74/L.11", 1));
}
