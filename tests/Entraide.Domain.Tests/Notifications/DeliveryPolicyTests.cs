using Entraide.Domain.Notifications;

namespace Entraide.Domain.Tests.Notifications;

public sealed class DeliveryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NextAttempt_AfterEachFailure_WaitsLongerThanBefore()
    {
        var waits = Enumerable.Range(1, DeliveryPolicy.MaxAttempts - 1)
            .Select(n => DeliveryPolicy.NextAttempt(n, Now)!.Value - Now)
            .ToList();
        Assert.Equal(TimeSpan.FromSeconds(10), waits[0]);
        for (var i = 1; i < waits.Count; i++) Assert.True(waits[i] > waits[i - 1], $"wait {i + 1} should be longer than wait {i}");
        Assert.True(waits.Aggregate(TimeSpan.Zero, (a, b) => a + b) < TimeSpan.FromDays(1), "the last attempt falls within a day");
    }

    [Fact]
    public void NextAttempt_AfterTheLastAttempt_GivesUp()
    {
        Assert.NotNull(DeliveryPolicy.NextAttempt(DeliveryPolicy.MaxAttempts - 1, Now));
        Assert.Null(DeliveryPolicy.NextAttempt(DeliveryPolicy.MaxAttempts, Now));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(408, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(410, false)]
    public void IsTransient_ByStatus(int status, bool transient) => Assert.Equal(transient, DeliveryPolicy.IsTransient(status));

    [Fact]
    public void After_EachOutcome_SettlesTheJob()
    {
        Assert.Equal((DeliveryStatus.Delivered, null), DeliveryPolicy.After(1, DeliveryOutcome.Answered(204), Now));
        Assert.Equal((DeliveryStatus.Skipped, null), DeliveryPolicy.After(1, DeliveryOutcome.Skip(DeliveryErrors.SwitchedOff), Now));
        Assert.Equal((DeliveryStatus.Pending, Now.AddSeconds(10)), DeliveryPolicy.After(1, DeliveryOutcome.Answered(503), Now));
        Assert.Equal((DeliveryStatus.Pending, Now.AddSeconds(30)), DeliveryPolicy.After(2, DeliveryOutcome.Transient(DeliveryErrors.Timeout), Now));
        Assert.Equal((DeliveryStatus.Failed, null), DeliveryPolicy.After(1, DeliveryOutcome.Answered(410), Now));
        Assert.Equal((DeliveryStatus.Failed, null), DeliveryPolicy.After(1, DeliveryOutcome.Permanent(DeliveryErrors.AddressRefused), Now));
        Assert.Equal((DeliveryStatus.Failed, null),
            DeliveryPolicy.After(DeliveryPolicy.MaxAttempts, DeliveryOutcome.Transient(DeliveryErrors.Unreachable), Now));
    }

    [Fact]
    public void Kinds_AreAllWellFormedAndDistinct()
    {
        Assert.All(NotificationKinds.All, k => Assert.True(NotificationKinds.IsWellFormed(k), k));
        Assert.Equal(NotificationKinds.All.Count, NotificationKinds.All.Distinct().Count());
        Assert.False(NotificationKinds.IsWellFormed("Request Received"));
        Assert.False(NotificationKinds.IsWellFormed("norequest"));
    }
}
