using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Notifications.Outbox;
using Entraide.Domain.Cooperation;
using Entraide.Domain.Network;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// A unit of work that only adds rows is written as plain inserts built from the model: the rows read back
/// exactly as Entity Framework's own save writes them, with the same audit entries, on both databases.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AddedRowsWriterTests(AppFixture fixture)
{
    private static readonly DateTimeOffset At = new(2026, 3, 29, 1, 30, 15, 123, TimeSpan.Zero);

    [Theory, ClassData(typeof(Databases))]
    public async Task AddedRows_ReadBackAsEntityFrameworkWritesThem_WithTheSameAuditEntries(Db db)
    {
        var app = fixture.App(db);
        var viaEf = await SaveAsync(app, (ctx, _) => ctx.SaveChangesAsync());
        var viaWriter = await SaveAsync(app, (ctx, _) => ctx.SaveAddedRowsAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var ctx = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        // Found by their keys: the keys are written in the form queries compare them with (SQLite stores a Guid as text).
        var a = await ctx.Set<CooperationRequest>().AsNoTracking().SingleAsync(r => r.Id == viaEf.Request);
        var b = await ctx.Set<CooperationRequest>().AsNoTracking().SingleAsync(r => r.Id == viaWriter.Request);
        AssertSameExcept(ctx.Model.FindEntityType(typeof(CooperationRequest))!, a, b, "Id", "Reference");
        Assert.Equal(At.AddDays(3), b.DeadlineAt);
        Assert.Equal(RequestType.ExpeditedPreservation, b.Type);

        var ea = await ctx.Set<RequestEvent>().AsNoTracking().SingleAsync(e => e.RequestId == viaEf.Request);
        var eb = await ctx.Set<RequestEvent>().AsNoTracking().SingleAsync(e => e.RequestId == viaWriter.Request);
        AssertSameExcept(ctx.Model.FindEntityType(typeof(RequestEvent))!, ea, eb, "Id", "RequestId");

        var ma = await ctx.Set<NotificationMessage>().AsNoTracking().SingleAsync(m => m.SubjectId == viaEf.Request);
        var mb = await ctx.Set<NotificationMessage>().AsNoTracking().SingleAsync(m => m.SubjectId == viaWriter.Request);
        AssertSameExcept(ctx.Model.FindEntityType(typeof(NotificationMessage))!, ma, mb, "Id", "SubjectId");
        Assert.Equal(viaWriter.Message, mb.Id);

        // The same audited changes: one entry per audited row, the message (not audited) has none.
        var audit = await ctx.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == viaEf.Action || e.Action == viaWriter.Action).ToListAsync();
        var fromEf = audit.Where(e => e.Action == viaEf.Action).Select(e => e.EntityType).Order().ToList();
        var fromWriter = audit.Where(e => e.Action == viaWriter.Action).Select(e => e.EntityType).Order().ToList();
        Assert.Equal(["CooperationRequest", "RequestEvent"], fromEf);
        Assert.Equal(fromEf, fromWriter);
        Assert.Contains(audit, e => e.Action == viaWriter.Action && e.EntityId == viaWriter.Request.ToString() && e.AfterDigest is { Length: 64 });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AUnitOfWorkThatAlsoChangesARow_IsSavedByEntityFramework(Db db)
    {
        var app = fixture.App(db);
        var first = await SaveAsync(app, (ctx, _) => ctx.SaveAddedRowsAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var r = await ctx.Set<CooperationRequest>().SingleAsync(x => x.Id == first.Request);
            // The step changes the request's row and adds its event.
            r.Transition(RequestAction.Acknowledge, Side.Requested, Receiver, At, acceptConfidentiality: true);
            await ctx.SaveAddedRowsAsync();
        }
        Assert.Equal(RequestStatus.Received,
            await app.WithDbAsync(ctx => ctx.Set<CooperationRequest>().Where(x => x.Id == first.Request).Select(x => x.Status).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(ctx => ctx.Set<RequestEvent>().CountAsync(e => e.RequestId == first.Request)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AKeyAlreadyTaken_FailsAsAnyUpdate_AndWritesNothing(Db db)
    {
        var app = fixture.App(db);
        var first = await SaveAsync(app, (ctx, _) => ctx.SaveAddedRowsAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
            var r = Request();
            ctx.Add(r);
            // The event is inserted before the request whose key is taken: the whole command is undone.
            var taken = Request();
            ctx.Entry(taken).Property(x => x.Id).CurrentValue = first.Request;
            ctx.Add(taken);
            await Assert.ThrowsAsync<DbUpdateException>(() => ctx.SaveAddedRowsAsync());
            Assert.False(await ctx.Set<CooperationRequest>().AsNoTracking().AnyAsync(x => x.Id == r.Id));
            Assert.False(await ctx.Set<RequestEvent>().AsNoTracking().AnyAsync(x => x.RequestId == r.Id));
        }
    }

    private sealed record Saved(Guid Request, Guid Message, string Action);

    private static async Task<Saved> SaveAsync(TestApp app, Func<EntraideDbContext, CancellationToken, Task<int>> save)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var ctx = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var action = "test.added-rows." + Guid.NewGuid().ToString("N")[..8];
        scope.ServiceProvider.GetRequiredService<AuditRecorder>().Action = action;
        var r = Request();
        // Added in the wrong order on purpose: the event points to the request.
        ctx.Add(r.Events.Single());
        ctx.Add(r);
        var m = new NotificationMessage
        {
            Id = Guid.CreateVersion7(),
            Kind = "test.kind",
            RecipientState = "BRA",
            RecipientRoles = "central-authority",
            Link = "/requests/x",
            SubjectId = r.Id,
            Urgent = true,
            Arguments = "[\"a\",\"é\"]",
            CreatedAt = At,
        };
        ctx.Add(m);
        await save(ctx, default);
        Assert.All(ctx.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        return new Saved(r.Id, m.Id, action);
    }

    private static readonly Actor Sender = new("u1", "Agent", "FRA", new HashSet<string> { Roles.PointOfContact });
    private static readonly Actor Receiver = new("u2", "Agent", "BRA", new HashSet<string> { Roles.PointOfContact });

    // A submitted request, made by the domain's verbs, with its timeline event.
    private static CooperationRequest Request()
    {
        var fields = RequestCatalogue.Of(RequestType.ExpeditedPreservation).Fields.ToDictionary(f => f.Name, f => (string?)"données — 数据");
        fields[RequestCatalogue.IntentToRequestMla] = "true";
        var r = CooperationRequest.Draft(
            new DraftContent("preservation", "BRA", "fr", null, true, fields, ["illegal-access"], At.AddDays(3), "raisons"),
            Sender, At, StateDirectory.Default);
        r.Submit(Side.Requesting, Sender, At, new RequestedStateTerms([], null));
        return r;
    }

    private static void AssertSameExcept(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, object a, object b, params string[] except)
    {
        foreach (var p in type.GetProperties().Where(p => !except.Contains(p.Name) && p.PropertyInfo is not null))
            Assert.True(Equals(p.PropertyInfo!.GetValue(a), p.PropertyInfo.GetValue(b)),
                $"{type.ClrType.Name}.{p.Name}: {p.PropertyInfo.GetValue(a)} ≠ {p.PropertyInfo.GetValue(b)}");
    }
}
