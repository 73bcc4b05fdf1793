using Entraide.Domain.Network;

namespace Entraide.Domain.Tests.Network;

public sealed class VerificationTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Sent.AddHours(24);

    [Fact]
    public void OutcomeAt_FollowsTheClock()
    {
        var open = new CheckTimes(Sent, Due, null);
        Assert.Equal(CheckOutcome.Pending, open.OutcomeAt(Due.AddTicks(-1)));
        Assert.Equal(CheckOutcome.Unanswered, open.OutcomeAt(Due));
        Assert.Equal(CheckOutcome.Acknowledged, (open with { AcknowledgedAt = Due }).OutcomeAt(Due.AddDays(3)));
        Assert.Equal(CheckOutcome.Late, (open with { AcknowledgedAt = Due.AddMinutes(1) }).OutcomeAt(Due.AddDays(3)));
    }

    [Fact]
    public void Summary_CountsSharesWithinOneHourAndOneDay()
    {
        CheckTimes Ack(double hours) => new(Sent, Due, Sent.AddHours(hours));
        var checks = new[] { Ack(0.25), Ack(1), Ack(3), Ack(30), new CheckTimes(Sent, Due, null) };
        var s = RoundSummary.Of(checks, Due.AddHours(10));
        Assert.Equal(5, s.Sent);
        Assert.Equal(4, s.Acknowledged);
        Assert.Equal(2, s.WithinOneHour);
        Assert.Equal(3, s.WithinOneDay);
        Assert.Equal(1, s.Late);
        Assert.Equal(1, s.Unanswered);
        Assert.Equal(0.4, s.ShareWithinOneHour, 3);
        Assert.Equal(0.6, s.ShareWithinOneDay, 3);
        Assert.Equal(TimeSpan.FromHours(2), s.MedianTimeToAcknowledge);
    }

    [Fact]
    public void Summary_EmptyRound_HasZeroSharesNotNaN()
    {
        var s = RoundSummary.Of([], Sent);
        Assert.Equal(0, s.ShareWithinOneHour);
        Assert.Null(s.MedianTimeToAcknowledge);
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(-1e308)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.2)]
    [InlineData(336.01)]
    public void ResponseTime_OutOfRange_IsAFieldErrorNotAnOverflow(double hours)
    {
        var errors = new List<Entraide.Domain.Common.DomainError>();
        Assert.Null(VerificationRules.ResponseTime(hours, errors));
        Assert.Equal("responseHours", Assert.Single(errors).Field);
    }

    [Fact]
    public void ResponseTime_InRange_IsRoundedToTheMinute()
    {
        var errors = new List<Entraide.Domain.Common.DomainError>();
        Assert.Equal(TimeSpan.FromMinutes(90), VerificationRules.ResponseTime(1.4999, errors));
        Assert.Equal(VerificationRules.DefaultResponseTime, VerificationRules.ResponseTime(null, errors));
        Assert.Equal(TimeSpan.FromDays(14), VerificationRules.ResponseTime(336, errors));
        Assert.Empty(errors);
    }
}
