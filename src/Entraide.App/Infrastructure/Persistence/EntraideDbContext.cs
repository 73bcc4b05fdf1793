using Entraide.App.Infrastructure.Audit;
using Entraide.App.Trust;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Entraide.App.Infrastructure.Persistence;

/// <summary>
/// The one database of Entraide. Modules keep their own tables (prefixed with the module's name) and
/// their own <c>IEntityTypeConfiguration</c> classes, which are picked up from the assembly; a module
/// reaches its tables through <c>Set&lt;T&gt;()</c> and never another module's.
/// Every save appends audit entries for what it changed (see <see cref="AuditRecorder"/>).
/// </summary>
public abstract class EntraideDbContext : IdentityDbContext<EntraideUser, IdentityRole, string>, IDataProtectionKeyContext
{
    private AuditRecorder? _audit;
    private EntityChanges? _changes;
    private List<IBeforeSave>? _beforeSave;
    private List<Action>? _afterSave;
    private HashSet<Type>? _uncommitted;

    protected EntraideDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>
    /// Contexts are pooled (<see cref="DatabaseSetup.AddEntraideDatabase"/>): each unit of work takes one
    /// and gives it its audit recorder; whatever the previous unit of work left on it is dropped here.
    /// Entity Framework resets the rest (tracked entities, transaction, settings) when it is returned.
    /// </summary>
    internal void Lease(AuditRecorder? audit, EntityChanges? changes)
    {
        _audit = audit;
        _changes = changes;
        _beforeSave = null;
        _afterSave = null;
        _uncommitted = null;
    }

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The host's data-protection keys (<see cref="Security.KeyStorage"/>), shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<EntraideUser>().ToTable("trust_users");
        builder.Entity<IdentityRole>().ToTable("trust_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("trust_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("trust_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("trust_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("trust_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("trust_role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(EntraideDbContext).Assembly, t => !t.IsAbstract);
    }

    /// <summary>
    /// Work to finish inside the next save, before the audit is recorded: rows whose content needs the
    /// database (e.g. a notification's recipients) are added then, without blocking a thread at the
    /// moment they were asked for.
    /// </summary>
    public void BeforeNextSave(IBeforeSave work) => (_beforeSave ??= []).Add(work);

    /// <summary>Work to run after each successful save of this unit of work (e.g. waking a worker).</summary>
    public void AfterEverySave(Action work) => (_afterSave ??= []).Add(work);

    private void RunAfterSave()
    {
        if (_afterSave is null) return;
        foreach (var work in _afterSave) work();
    }

    private async Task CompleteBeforeSaveAsync(bool synchronous, CancellationToken ct)
    {
        while (_beforeSave is { Count: > 0 } pending)
        {
            _beforeSave = null;
            foreach (var work in pending)
            {
                if (synchronous) work.Complete(this);
                else await work.CompleteAsync(this, ct);
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CompleteBeforeSaveAsync(synchronous: true, default).GetAwaiter().GetResult();
        using var detected = DetectChangesOnce();
        var changed = RecordChanges();
        int n;
        if (SharedNames(changed) is not { } shared)
        {
            n = base.SaveChanges(acceptAllChangesOnSuccess);
        }
        else if (Database.CurrentTransaction is not null)
        {
            n = base.SaveChanges(acceptAllChangesOnSuccess);
            Announce(shared);
        }
        else
        {
            using var tx = Database.BeginTransaction();
            n = base.SaveChanges(acceptAllChangesOnSuccess);
            Announce(shared);
            tx.Commit();
        }
        Saved(changed);
        return n;
    }

    // The shared types (ScaleOut.SharedChanges) this save changes, to announce to the other processes; on
    // PostgreSQL only (one process serves a SQLite file).
    private string? SharedNames(HashSet<Type>? changed) => Provider == DatabaseProvider.Postgres ? _changes?.SharedNames(changed) : null;

    // In the saving transaction: PostgreSQL delivers the notification when, and only if, it commits.
    private void Announce(string names) =>
        Database.ExecuteSqlRaw("SELECT pg_notify({0}, {1})", ScaleOut.SharedChanges.Channel, ScaleOut.SharedChanges.Payload(_changes!.Origin, names));

    private Task AnnounceAsync(string names, CancellationToken ct) =>
        Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})",
            [ScaleOut.SharedChanges.Channel, ScaleOut.SharedChanges.Payload(_changes!.Origin, names)], ct);

    // Runs a save, and the announcement of the shared types it changes, in one transaction (the caller's when there is one).
    private async Task<int> SaveAnnouncingAsync(Func<Task<int>> save, string? shared, CancellationToken ct)
    {
        if (shared is null) return await save();
        if (Database.CurrentTransaction is not null)
        {
            var inside = await save();
            await AnnounceAsync(shared, ct);
            return inside;
        }
        await using var tx = await Database.BeginTransactionAsync(ct);
        var n = await save();
        await AnnounceAsync(shared, ct);
        await tx.CommitAsync(ct);
        return n;
    }

    // Before the save: its audit entries, and the entity types it changes (for the change counters).
    private HashSet<Type>? RecordChanges()
    {
        _audit?.Record(this);
        return _changes is null ? null : EntityChanges.Collect(this);
    }

    // After a successful save: the counters, the audit chainer's wake-up and the unit of work's own after-save work.
    private void Saved(HashSet<Type>? changed)
    {
        Committed(changed);
        _audit?.Saved();
        RunAfterSave();
    }

    /// <summary>
    /// Compares the tracked entities with their snapshots once for the whole save: the audit, the change
    /// counters and the save itself would otherwise each do it again (a third of a save's processor time).
    /// Rows added meanwhile (audit entries) are tracked as added without it.
    /// </summary>
    private AutoDetectRestore DetectChangesOnce()
    {
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        if (auto) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new AutoDetectRestore(ChangeTracker, auto);
    }

    private readonly struct AutoDetectRestore(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, bool auto) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = auto;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await CompleteBeforeSaveAsync(synchronous: false, cancellationToken);
        using var detected = DetectChangesOnce();
        var changed = RecordChanges();
        var n = await SaveAnnouncingAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), SharedNames(changed),
            cancellationToken);
        Saved(changed);
        return n;
    }

    /// <summary>
    /// Saves a unit of work that only adds rows (a submission) as one command of plain inserts
    /// (<see cref="AddedRowsWriter"/>), with the same audit entries, change counters and after-save work as
    /// <see cref="SaveChangesAsync(bool, CancellationToken)"/>, and in one transaction. A unit of work that
    /// also changes or removes rows is saved by <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// A failure of the database surfaces as a <see cref="DbUpdateException"/>, as from any save.
    /// </summary>
    public async Task<int> SaveAddedRowsAsync(CancellationToken ct = default)
    {
        await CompleteBeforeSaveAsync(synchronous: false, ct);
        var writer = AddedRowsWriter.For(this);
        using (DetectChangesOnce())
        {
            if (writer.CanWrite(ChangeTracker)) return await WriteAddedRowsAsync(writer, ct);
        }
        return await SaveChangesAsync(ct);
    }

    // The insert-only save itself, changes already detected: the audit entries join the rows, and all go in one command.
    private async Task<int> WriteAddedRowsAsync(AddedRowsWriter writer, CancellationToken ct)
    {
        var changed = RecordChanges();
        var rows = writer.AddedOnly(ChangeTracker)!;
        var (sql, parameters, storeKeyed) = writer.Build(Database.GetDbConnection(), rows);
        try
        {
            // PostgreSQL runs the statements of one command in one implicit transaction; SQLite runs
            // them one by one, so it needs an explicit one. Inside the caller's transaction, that one.
            if (Provider == DatabaseProvider.Sqlite && Database.CurrentTransaction is null)
            {
                await using var tx = await Database.BeginTransactionAsync(ct);
                await Database.ExecuteSqlRawAsync(sql, parameters, ct);
                await tx.CommitAsync(ct);
            }
            else
            {
                await SaveAnnouncingAsync(() => Database.ExecuteSqlRawAsync(sql, parameters, ct), SharedNames(changed), ct);
            }
        }
        catch (System.Data.Common.DbException e)
        {
            throw new DbUpdateException("An error occurred while saving the added rows. See the inner exception for details.", e);
        }
        // Rows whose key the database generated (audit entries) are not read back: nothing uses them after the save.
        for (var i = 0; i < rows.Count; i++)
        {
            if (storeKeyed[i]) rows[i].State = EntityState.Detached;
        }
        ChangeTracker.AcceptAllChanges();
        Saved(changed);
        return rows.Count;
    }

    // Inside a wider transaction the rows are not committed yet, and a cache filled between the save
    // and the commit would keep the old rows: the counters move now and again when the transaction
    // commits (EntityChangesOnCommit).
    private void Committed(HashSet<Type>? changed)
    {
        if (changed is null) return;
        _changes!.Committed(changed);
        if (Database.CurrentTransaction is not null) (_uncommitted ??= []).UnionWith(changed);
    }

    internal void TransactionEnded(bool committed)
    {
        var changed = _uncommitted;
        _uncommitted = null;
        if (committed) _changes?.Committed(changed);
    }
}

/// <summary>Rows to add to a unit of work when it is saved (see <see cref="EntraideDbContext.BeforeNextSave"/>).</summary>
public interface IBeforeSave
{
    /// <summary>Used by <c>SaveChanges</c>.</summary>
    void Complete(EntraideDbContext db);

    /// <summary>Used by <c>SaveChangesAsync</c>.</summary>
    Task CompleteAsync(EntraideDbContext db, CancellationToken ct);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class SqliteEntraideDbContext(DbContextOptions<SqliteEntraideDbContext> options) : EntraideDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type: store instants as UTC ticks so they sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresEntraideDbContext(DbContextOptions<PostgresEntraideDbContext> options) : EntraideDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

internal sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
