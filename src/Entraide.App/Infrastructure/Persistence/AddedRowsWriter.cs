using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entraide.App.Infrastructure.Persistence;

/// <summary>
/// Writes the rows a unit of work adds as one command of plain <c>INSERT</c> statements, built from the
/// model (tables, columns, the providers' own type mappings and converters), instead of Entity Framework's
/// update pipeline. A submission only adds rows (the request, its event, its idempotency key, its audit
/// entries and its notification's rows): the pipeline's per-row commands, column modifications and
/// generated SQL were the largest share of its processor time. Rows are ordered so that a row comes after
/// the rows its foreign keys point to. The command goes through Entity Framework's raw SQL execution, so
/// its connection, transaction, interceptors and diagnostics are those of any other command.
/// See docs/decisions/0010-added-rows-writer.md.
/// </summary>
internal sealed class AddedRowsWriter
{
    private static readonly ConditionalWeakTable<IModel, AddedRowsWriter> ForModel = new();

    private readonly ISqlGenerationHelper _sql;
    private readonly ConcurrentDictionary<IEntityType, Plan?> _plans = new();
    private readonly Dictionary<IEntityType, int> _rank;

    private AddedRowsWriter(IModel model, ISqlGenerationHelper sql)
    {
        _sql = sql;
        _rank = Ranks(model);
    }

    public static AddedRowsWriter For(DbContext db) =>
        ForModel.GetValue(db.Model, m => new AddedRowsWriter(m, db.GetService<ISqlGenerationHelper>()));

    /// <summary>
    /// Whether the unit of work only adds rows, all of tables this writer can write (otherwise the caller
    /// saves through Entity Framework). Collects nothing: <see cref="AddedOnly"/> gathers the rows.
    /// </summary>
    public bool CanWrite(ChangeTracker tracker) => Scan(tracker, null);

    /// <summary>
    /// The rows to write, in foreign-key order, when the unit of work only adds rows of tables this writer
    /// can write; otherwise null (the caller saves through Entity Framework).
    /// </summary>
    public List<EntityEntry>? AddedOnly(ChangeTracker tracker)
    {
        var added = new List<EntityEntry>();
        // OrderBy is stable: rows of one table keep the order they were added in.
        return Scan(tracker, added) ? [.. added.OrderBy(e => _rank[e.Metadata])] : null;
    }

    // True when there is at least one added row and every changed entry is an added row this writer can
    // write; the rows are collected into `added` when it is given.
    private bool Scan(ChangeTracker tracker, List<EntityEntry>? added)
    {
        var any = false;
        foreach (var e in tracker.Entries())
        {
            switch (e.State)
            {
                case EntityState.Unchanged or EntityState.Detached:
                    continue;
                case EntityState.Added when PlanOf(e.Metadata) is not null:
                    any = true;
                    added?.Add(e);
                    continue;
                default:
                    return false;
            }
        }
        return any;
    }

    /// <summary>The statements and their parameters; rows whose key the database generates are flagged.</summary>
    public (string Sql, List<object> Parameters, bool[] StoreKeyed) Build(DbConnection connection, List<EntityEntry> rows)
    {
        using var factory = connection.CreateCommand();
        var sql = new StringBuilder(rows.Count * 256);
        var parameters = new List<object>(rows.Count * 16);
        var storeKeyed = new bool[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var entry = rows[r];
            var plan = PlanOf(entry.Metadata)!;
            // A key the database generates (an identity column) holds a temporary value until the save.
            var omitGenerated = false;
            foreach (var g in plan.StoreGenerated)
            {
                if (entry.Property(g.Name).IsTemporary) omitGenerated = true;
            }
            storeKeyed[r] = omitGenerated;
            sql.Append(omitGenerated ? plan.PrefixWithoutGenerated : plan.Prefix);
            var first = true;
            for (var i = 0; i < plan.Columns.Length; i++)
            {
                var p = plan.Columns[i];
                if (omitGenerated && plan.IsStoreGenerated[i]) continue;
                var value = plan.Getters[i] is { } get ? get.GetClrValueUsingContainingEntity(entry.Entity) : entry.Property(p.Name).CurrentValue;
                var name = _sql.GenerateParameterName("p" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                parameters.Add(plan.Mappings[i].CreateParameter(factory, name, value, p.IsNullable));
                if (!first) sql.Append(", ");
                first = false;
                sql.Append(name);
            }
            sql.Append(')').Append(_sql.StatementTerminator).Append('\n');
        }
        return (sql.ToString(), parameters, storeKeyed);
    }

    private Plan? PlanOf(IEntityType type) => _plans.GetOrAdd(type, t => Plan.For(t, _sql));

    // Principals first: a type's rank is one more than the highest rank of the types its foreign keys point to.
    private static Dictionary<IEntityType, int> Ranks(IModel model)
    {
        var rank = new Dictionary<IEntityType, int>();
        var visiting = new HashSet<IEntityType>();
        int Of(IEntityType t)
        {
            if (rank.TryGetValue(t, out var known)) return known;
            if (!visiting.Add(t)) return 0;
            var r = 0;
            foreach (var fk in t.GetForeignKeys())
            {
                if (fk.PrincipalEntityType != t) r = Math.Max(r, Of(fk.PrincipalEntityType) + 1);
            }
            visiting.Remove(t);
            return rank[t] = r;
        }
        foreach (var t in model.GetEntityTypes()) Of(t);
        return rank;
    }

    private sealed class Plan
    {
        public required IProperty[] Columns { get; init; }
        public required RelationalTypeMapping[] Mappings { get; init; }
        /// <summary>The property's getter; null for a shadow property (read from the entry).</summary>
        public required IClrPropertyGetter?[] Getters { get; init; }
        public required bool[] IsStoreGenerated { get; init; }
        public required IProperty[] StoreGenerated { get; init; }
        public required string Prefix { get; init; }
        public required string PrefixWithoutGenerated { get; init; }

        /// <summary>
        /// Null for what a plain INSERT of the properties would not write as Entity Framework does: a type
        /// without its own table, a self-referencing key (order within one table), store defaults or
        /// computed columns (Entity Framework leaves such a column out when the value is the default).
        /// </summary>
        public static Plan? For(IEntityType t, ISqlGenerationHelper sql)
        {
            var table = t.GetTableName();
            if (table is null || t.GetViewName() is not null || t.BaseType is not null || t.GetDerivedTypes().Any()) return null;
            if (t.GetForeignKeys().Any(fk => fk.PrincipalEntityType == t)) return null;
            if (t.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || t.GetComplexProperties().Any()) return null;
            var store = StoreObjectIdentifier.Table(table, t.GetSchema());
            var columns = t.GetProperties().ToArray();
            var names = new string[columns.Length];
            var mappings = new RelationalTypeMapping[columns.Length];
            var generated = new bool[columns.Length];
            var getters = new IClrPropertyGetter?[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                var p = columns[i];
                if (p.GetColumnName(store) is not { } column) return null;
                if (p.GetDefaultValueSql() is not null || p.TryGetDefaultValue(out _) || p.GetComputedColumnSql() is not null) return null;
                if (p.ValueGenerated == ValueGenerated.OnUpdate || p.ValueGenerated == ValueGenerated.OnAddOrUpdate) return null;
                names[i] = sql.DelimitIdentifier(column);
                mappings[i] = (RelationalTypeMapping)p.GetTypeMapping();
                // Generated on add and not by the application: an integer key (identity column). A Guid key
                // generated on add gets its value on the client when it is tracked, so it is always written.
                generated[i] = p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid) && p.ClrType != typeof(string);
                getters[i] = p.IsShadowProperty() ? null : p.GetGetter();
            }
            string Insert(bool withGenerated) =>
                $"INSERT INTO {sql.DelimitIdentifier(table, t.GetSchema())} "
                + $"({string.Join(", ", names.Where((_, i) => withGenerated || !generated[i]))}) VALUES (";
            return new Plan
            {
                Columns = columns,
                Mappings = mappings,
                Getters = getters,
                IsStoreGenerated = generated,
                StoreGenerated = columns.Where((_, i) => generated[i]).ToArray(),
                Prefix = Insert(withGenerated: true),
                PrefixWithoutGenerated = Insert(withGenerated: false),
            };
        }
    }
}
