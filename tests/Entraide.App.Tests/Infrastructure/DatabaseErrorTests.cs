using System.Text.Json;
using Entraide.App.Infrastructure.Http;
using Entraide.App.Infrastructure.Persistence;
using Entraide.App.Trust;
using Entraide.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// What the API answers for a failed save, with the exceptions each database really raises: a lost race
/// (a concurrency token, a unique key) is a 409 the client may retry; any other refusal of the database
/// is Entraide's fault, a 500 with a trace id, and logged. Refusals of the rules are logged too.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DatabaseErrorTests(AppFixture fixture)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task AUniqueKeyTakenMeanwhile_IsAConflict(Db db)
    {
        var app = fixture.App(db);
        var name = "race-" + Guid.NewGuid().ToString("N")[..8];
        await SaveAsync(app, d => d.Add(new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() }));
        var e = await FailedSaveAsync(app, d => d.Add(new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() }));

        await RemoveRoleAsync(app, name);

        var (status, body, log) = await HandleAsync(app, e);
        Assert.Equal(409, status);
        Assert.Equal(ProblemResponses.TypeBase + "concurrent-change", body.GetProperty("type").GetString());
        Assert.DoesNotContain(log, l => l.Level >= LogLevel.Error);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task ARowChangedMeanwhile_IsAConflict(Db db)
    {
        var app = fixture.App(db);
        var name = "stamp-" + Guid.NewGuid().ToString("N")[..8];
        var role = new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() };
        await SaveAsync(app, d => d.Add(role));
        await using var scope = app.Services.CreateAsyncScope();
        var stale = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        var mine = await stale.Set<IdentityRole>().SingleAsync(r => r.Id == role.Id);
        await SaveAsync(app, d =>
        {
            var theirs = d.Set<IdentityRole>().Single(r => r.Id == role.Id);
            theirs.Name = name + "-theirs";
            theirs.ConcurrencyStamp = Guid.NewGuid().ToString();
        });
        mine.Name = name + "-mine";
        mine.ConcurrencyStamp = Guid.NewGuid().ToString();
        var e = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        await RemoveRoleAsync(app, name + "-theirs");

        var (status, body, _) = await HandleAsync(app, e);
        Assert.Equal(409, status);
        Assert.Equal(ProblemResponses.TypeBase + "concurrent-change", body.GetProperty("type").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task AnyOtherRefusalOfTheDatabase_IsAServerError_WithATraceId_AndLogged(Db db)
    {
        var app = fixture.App(db);
        // A role given to an account that does not exist: a foreign key, which no concurrent request explains.
        var e = await FailedSaveAsync(app, d => d.Add(new IdentityUserRole<string> { UserId = "nobody-" + Guid.NewGuid(), RoleId = "no-role" }));

        var (status, body, log) = await HandleAsync(app, e);
        Assert.Equal(500, status);
        Assert.Equal(ProblemResponses.TypeBase + "server-error", body.GetProperty("type").GetString());
        var traceId = body.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrEmpty(traceId));
        var entry = Assert.Single(log, l => l.Level == LogLevel.Error);
        Assert.Same(e, entry.Exception);
        Assert.Contains(traceId!, entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FailureKind.NotFound, 404, LogLevel.Information)]
    [InlineData(FailureKind.Invalid, 422, LogLevel.Debug)]
    [InlineData(FailureKind.Conflict, 409, LogLevel.Debug)]
    [InlineData(FailureKind.Forbidden, 403, LogLevel.Information)]
    public async Task ARefusalOfTheRules_IsAnsweredAndLogged(FailureKind kind, int expected, LogLevel level)
    {
        var app = fixture.App(Db.Sqlite);
        var (status, _, log) = await HandleAsync(app, new DomainException(kind, "some-rule", "field"));
        Assert.Equal(expected, status);
        var entry = Assert.Single(log);
        Assert.Equal(level, entry.Level);
        Assert.Contains("some-rule", entry.Message, StringComparison.Ordinal);
    }

    // The shared application's roles are the catalogue's (HostTests): the probe roles go once they have served.
    private static Task RemoveRoleAsync(TestApp app, string name) =>
        SaveAsync(app, d => d.RemoveRange(d.Set<IdentityRole>().Where(r => r.Name == name).ToList()));

    private static async Task SaveAsync(TestApp app, Action<EntraideDbContext> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var d = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        change(d);
        await d.SaveChangesAsync();
    }

    private static async Task<Microsoft.EntityFrameworkCore.DbUpdateException> FailedSaveAsync(TestApp app, Action<EntraideDbContext> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var d = scope.ServiceProvider.GetRequiredService<EntraideDbContext>();
        change(d);
        return await Assert.ThrowsAnyAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => d.SaveChangesAsync());
    }

    /// <summary>Runs the host's exception handler on an API request that failed with <paramref name="e"/>.</summary>
    private static async Task<(int Status, JsonElement Body, List<LogLine> Log)> HandleAsync(TestApp app, Exception e)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = new List<LogLine>();
        var handler = new DomainExceptionHandler(new ListLogger<DomainExceptionHandler>(log));
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "POST";
        http.Request.Path = "/api/v1/anything";
        http.Response.Body = new MemoryStream();
        Assert.True(await handler.TryHandleAsync(http, e, CancellationToken.None));
        http.Response.Body.Position = 0;
        var body = (await JsonDocument.ParseAsync(http.Response.Body)).RootElement.Clone();
        return (http.Response.StatusCode, body, log);
    }

    internal sealed record LogLine(LogLevel Level, string Message, Exception? Exception);

    private sealed class ListLogger<T>(List<LogLine> lines) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add(new LogLine(logLevel, formatter(state, exception), exception));
    }
}
