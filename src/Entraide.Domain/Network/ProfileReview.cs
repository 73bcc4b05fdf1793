namespace Entraide.Domain.Network;

/// <summary>When a profile has gone too long without review (Art. 41 asks for an up-to-date register).</summary>
public static class ProfileReview
{
    public const int MonthsBeforeReminder = 12;

    public static DateTimeOffset DueOn(DateTimeOffset lastUpdated) => lastUpdated.AddMonths(MonthsBeforeReminder);

    public static bool IsOverdue(DateTimeOffset lastUpdated, DateTimeOffset now) => now >= DueOn(lastUpdated);
}
