using Entraide.App.Tests.Infrastructure;

namespace Entraide.App.Tests.Cooperation;

/// <summary>
/// The indexes on the clocks and the follow-up link cover only the requests whose column is set: an
/// ordinary submission, which has none of them, writes no entry in them. A model change that dropped
/// the filter would go unnoticed (the queries would still work, every insert would just cost more).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClockIndexTests(AppFixture fixture)
{
    /// <summary>Each partial index and the column its rows must have set.</summary>
    private static readonly (string Index, string Column)[] Partial =
    [
        ("IX_cooperation_requests_AcknowledgeBy", "AcknowledgeBy"),
        ("IX_cooperation_requests_PreservationExpiresAt", "PreservationExpiresAt"),
        ("IX_cooperation_requests_RequestedState_DeadlineAt", "DeadlineAt"),
        ("IX_cooperation_requests_RequestedState_AcknowledgeBy", "AcknowledgeBy"),
        ("IX_cooperation_requests_RequestingState_DeadlineAt", "DeadlineAt"),
        ("IX_cooperation_requests_RequestingState_AcknowledgeBy", "AcknowledgeBy"),
        ("IX_cooperation_requests_DeadlineAt", "DeadlineAt"),
        ("IX_cooperation_requests_PrecedingRequestId", "PrecedingRequestId"),
    ];

    [Theory, ClassData(typeof(Databases))]
    public async Task ClockIndexes_ArePartial_OnTheirNullableColumn(Db db)
    {
        var app = fixture.App(db);
        var definitions = await SchemaIndexes.OfAsync(app, db, "cooperation_requests");

        foreach (var (index, column) in Partial)
        {
            var definition = Assert.Contains(index, definitions);
            // PostgreSQL gives the predicate back in parentheses, SQLite as it was written.
            var predicate = definition.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);
            Assert.True(predicate.Contains($"WHERE \"{column}\" IS NOT NULL", StringComparison.OrdinalIgnoreCase),
                $"{index} should be partial (WHERE \"{column}\" IS NOT NULL): {definition}");
        }
    }
}
