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

public sealed class SeedContext(IServiceProvider services, bool demo, TextWriter output)
{
    public IServiceProvider Services { get; } = services;
    public bool Demo { get; } = demo;
    public TextWriter Output { get; } = output;

    /// <summary>Demo credentials collected while seeding, printed at the end.</summary>
    public List<(string Account, string State, string Roles)> Accounts { get; } = [];
}
