using Entraide.App.Infrastructure.Hosting;

namespace Entraide.App.Knowledge.Legislation;

public sealed record CreateLaw(string? State, string? Title, string? Type, string? OriginalLanguage, DateOnly? AdoptedOn,
    IReadOnlyList<ExpressionInput>? Expressions, bool Example = false);

/// <summary>Records a law of the caller's State (the secretariat: of any State) with its first versions and provisions.</summary>
public sealed class CreateLawHandler(LawStore store) : IHandler
{
    public async Task<LawSummary> HandleAsync(CreateLaw command, CancellationToken ct) =>
        (await store.CreateManyAsync([command], (_, f) => f, ct))[0];
}
