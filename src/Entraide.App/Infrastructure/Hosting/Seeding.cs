namespace Entraide.App.Infrastructure.Hosting;

/// <summary>
/// Puts data in place at start-up and from <c>entraide seed</c>. Reference data is seeded always;
/// demo data only when asked (<c>--demo</c>). Every seeder is idempotent: running it twice changes nothing.
/// </summary>
public interface ISeeder
{
    int Order => 100;

    Task SeedAsync(SeedContext context, CancellationToken ct);
}

/// <summary>
/// A seeder of reference data the server cannot serve without (the roles): run before
/// <c>/health/ready</c> answers. The other seeders (demo content, the search index) run in the
/// background once the server is ready; <c>entraide seed</c> runs them all. Register it as both
/// <see cref="ISeeder"/> and <see cref="IReferenceSeeder"/>: start-up then builds only these (and what
/// they need) before readiness.
/// </summary>
public interface IReferenceSeeder : ISeeder;

/// <summary>Which seeders a <see cref="Seeding.SeedRunner"/> runs.</summary>
public enum SeedStage
{
    /// <summary>Every seeder, in order (the CLI's <c>seed</c>).</summary>
    All,
    /// <summary>Only the reference seeders (at start-up, before readiness).</summary>
    Reference,
    /// <summary>The rest (at start-up, in the background after readiness).</summary>
    Background,
}

public sealed class SeedContext(IServiceProvider services, bool demo, TextWriter output)
{
    public IServiceProvider Services { get; } = services;
    public bool Demo { get; } = demo;
    public TextWriter Output { get; } = output;

    /// <summary>Demo credentials collected while seeding, printed at the end.</summary>
    public List<(string Account, string State, string Roles)> Accounts { get; } = [];
}
