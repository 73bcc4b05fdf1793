using Entraide.App.Infrastructure.Audit;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Trust;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>Units of work take their context from a pool: nothing one leaves behind may reach the next.</summary>
[Collection(AppCollection.Name)]
public sealed class PooledContextTests(AppFixture fixture)
{
    private sealed class AddsAToken(List<string> ran) : IBeforeSave
    {
        public void Complete(EntraideDbContext db) => ran.Add("sync");
        public Task CompleteAsync(EntraideDbContext db, CancellationToken ct) { ran.Add("async"); return Task.CompletedTask; }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AContextBackFromThePool_CarriesNothingOfTheLastUnitOfWork(Db db)
    {
        var app = fixture.App(db);
        var ran = new List<string>();
        var afterSave = 0;
        EntraideDbContext? left = null;
        EntraideDbContext? reused = null;
        AuditRecorder? firstRecorder = null;
        for (var attempt = 0; attempt < 50 && reused is null; attempt++)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var ctx = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
                if (left is null)
                {
                    left = ctx;
                    firstRecorder = scope.ServiceProvider.GetRequiredService<AuditRecorder>();
                    firstRecorder.Action = "left.behind";
                    ctx.Database.AutoSavepointsEnabled = false;
                    ctx.Add(new ApiToken
                    {
                        Id = Guid.CreateVersion7(),
                        Name = "never saved",
                        Roles = "x",
                        SecretDigest = Guid.NewGuid().ToString("N"),
                        Prefix = "p",
                        CreatedBy = "t",
                    });
                    ctx.BeforeNextSave(new AddsAToken(ran));
                    ctx.AfterEverySave(() => afterSave++);
                    continue;
                }
                if (!ReferenceEquals(ctx, left)) continue;
                reused = ctx;
                Assert.Empty(ctx.ChangeTracker.Entries());
                Assert.True(ctx.Database.AutoSavepointsEnabled);
                Assert.True(ctx.ChangeTracker.AutoDetectChangesEnabled);
                Assert.Null(ctx.Database.CurrentTransaction);
                var token = new ApiToken
                {
                    Id = Guid.CreateVersion7(),
                    Name = "saved",
                    Roles = "x",
                    SecretDigest = Guid.NewGuid().ToString("N"),
                    Prefix = "p",
                    CreatedBy = "t",
                };
                ctx.Add(token);
                scope.ServiceProvider.GetRequiredService<AuditRecorder>().Action = "pooled.test";
                await ctx.SaveChangesAsync();
                // The save is audited with this unit of work's recorder, not the last one's.
                var entry = await ctx.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityId == token.Id.ToString());
                Assert.Equal("pooled.test", entry.Action);
            }
        }
        Assert.NotNull(reused);
        Assert.Empty(ran);
        Assert.Equal(0, afterSave);
    }
}
