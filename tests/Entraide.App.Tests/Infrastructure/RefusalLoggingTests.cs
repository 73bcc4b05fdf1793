using System.Collections.Concurrent;
using System.Net;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Entraide.App.Tests.Infrastructure;

/// <summary>
/// A denial between States (a record that does not exist for the caller) is an expected event: logged
/// in one line at Information, without an exception or a stack trace, on pages as on the API.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RefusalLoggingTests(AppFixture fixture)
{
    [Fact]
    public async Task ForeignOrMissingRecord_IsLoggedAsOneLineRefusal_NotAsAnUnhandledException()
    {
        var app = fixture.App(Db.Sqlite);
        var logs = new CapturedLogs();
        await using var host = app.Derive(s => s.AddSingleton<ILoggerProvider>(logs));
        var client = SessionCookies.Client(host);
        var email = await SessionCookies.NewDelegateAsync(host.Services, "NOR");
        var (_, cookie) = await SessionCookies.SignInAsync(client, email);
        logs.Clear();

        var page = new HttpRequestMessage(HttpMethod.Get, $"/consultations/{Guid.NewGuid()}");
        page.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(page)).StatusCode);

        var api = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new("Bearer", app.IssueToken("NOR", Roles.CentralAuthority));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/requests/{Guid.NewGuid()}")).StatusCode);

        var entries = logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Exception is not null);
        var refusals = entries.Where(e => e.Message.StartsWith("Refused GET", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r =>
        {
            Assert.Equal(LogLevel.Information, r.Level);
            Assert.DoesNotContain('\n', r.Message);
            Assert.Contains("NotFound", r.Message, StringComparison.Ordinal);
        });
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IEnumerable<Entry> Entries => _entries;

        public void Clear() => _entries.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
