using Entraide.App.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// The server runs on the compiled EF models under <c>Infrastructure/Persistence/CompiledModels</c>.
/// They must describe exactly the model the configuration classes build; when an entity changes, this
/// fails until they are regenerated (the command is in docs/operations.md).
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate =
        "The compiled EF model is stale: regenerate it with the `dotnet ef dbcontext optimize` commands in docs/operations.md.";

    [Fact]
    public void Sqlite_compiled_model_matches_the_configured_model()
    {
        var b = new DbContextOptionsBuilder<SqliteEntraideDbContext>();
        DatabaseSetup.ConfigureSqlite(b, "Data Source=:memory:");
        using var db = new SqliteEntraideDbContext(b.Options);
        Assert.True(
            Describe(db.Model) == Describe(Entraide.App.Infrastructure.Persistence.CompiledModels.Sqlite.SqliteEntraideDbContextModel.Instance),
            Regenerate);
    }

    [Fact]
    public void Postgres_compiled_model_matches_the_configured_model()
    {
        var b = new DbContextOptionsBuilder<PostgresEntraideDbContext>();
        DatabaseSetup.ConfigurePostgres(b, "Host=localhost;Database=unused");
        using var db = new PostgresEntraideDbContext(b.Options);
        Assert.True(
            Describe(db.Model) == Describe(Entraide.App.Infrastructure.Persistence.CompiledModels.Postgres.PostgresEntraideDbContextModel.Instance),
            Regenerate);
    }

    /// <summary>The server skips this check when it migrates (it would rebuild the whole model), so it is made here.</summary>
    [Fact]
    public void Migrations_cover_the_model()
    {
        var sqlite = new DbContextOptionsBuilder<SqliteEntraideDbContext>();
        DatabaseSetup.ConfigureSqlite(sqlite, "Data Source=:memory:");
        using (var db = new SqliteEntraideDbContext(sqlite.Options))
            Assert.False(db.Database.HasPendingModelChanges(), "SQLite: the model has changes no migration covers.");
        var postgres = new DbContextOptionsBuilder<PostgresEntraideDbContext>();
        DatabaseSetup.ConfigurePostgres(postgres, "Host=localhost;Database=unused");
        using (var db = new PostgresEntraideDbContext(postgres.Options))
            Assert.False(db.Database.HasPendingModelChanges(), "PostgreSQL: the model has changes no migration covers.");
    }

    [Fact]
    public void The_server_uses_the_compiled_model()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:", Path.GetTempPath());
        services.AddEntraideDatabase(settings);
        using var sp = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(sp);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<EntraideDbContext>(
            scope.ServiceProvider);
        Assert.Same(Entraide.App.Infrastructure.Persistence.CompiledModels.Sqlite.SqliteEntraideDbContextModel.Instance, db.Model);
    }

    /// <summary>Tables, columns with their store types and nullability, keys, foreign keys and indexes.</summary>
    private static string Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var e in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            lines.Add($"entity {e.Name} table {e.GetTableName()} base {e.BaseType?.Name}");
            var table = StoreObjectIdentifier.Table(e.GetTableName() ?? "", e.GetSchema());
            foreach (var p in e.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                lines.Add($"  property {p.Name} {p.ClrType} column {p.GetColumnName(table)} {p.GetColumnType()} " +
                          $"null={p.IsNullable} max={p.GetMaxLength()} " +
                          $"generated={p.ValueGenerated} converter={p.GetTypeMapping().Converter?.GetType().Name} " +
                          $"concurrency={p.IsConcurrencyToken}");
            }
            foreach (var k in e.GetKeys()) lines.Add($"  key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}");
            foreach (var f in e.GetForeignKeys())
            {
                lines.Add($"  fk {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} " +
                          $"delete={f.DeleteBehavior} required={f.IsRequired} unique={f.IsUnique}");
            }
            foreach (var i in e.GetIndexes())
            {
                lines.Add($"  index {i.GetDatabaseName()} {string.Join(",", i.Properties.Select(p => p.Name))} " +
                          $"unique={i.IsUnique} filter={i.GetFilter()}");
            }
            foreach (var n in e.GetNavigations()) lines.Add($"  navigation {n.Name} -> {n.TargetEntityType.Name}");
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
