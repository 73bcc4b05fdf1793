using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Entraide.App.Tests.Notifications;

/// <summary>
/// A local HTTP endpoint standing in for a State's system: it records every call (headers and raw
/// body) and answers with the statuses queued by the test (200 once the queue is empty).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly Lock _gate = new();
    private readonly Task _serving;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record Call(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredWith);

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public string UrlFor(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public IReadOnlyList<Call> Calls => [.. _calls];

    public void AnswerNext(params int[] statuses)
    {
        foreach (var s in statuses) _answers.Enqueue(s);
    }

    public async Task<Call> WaitForAsync(Func<Call, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (_gate) next = _arrived.Task;
            var found = _calls.FirstOrDefault(match);
            if (found is not null) return found;
            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching webhook call arrived; {_calls.Count} received in all.");
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            using var body = new MemoryStream();
            await ctx.Request.InputStream.CopyToAsync(body);
            var status = _answers.TryDequeue(out var s) ? s : 200;
            var headers = ctx.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => ctx.Request.Headers[k] ?? "",
                StringComparer.OrdinalIgnoreCase);
            _calls.Enqueue(new Call(ctx.Request.Url?.AbsolutePath ?? "", headers, body.ToArray(), status));
            ctx.Response.StatusCode = status;
            ctx.Response.Close();
            lock (_gate)
            {
                var done = _arrived;
                _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                done.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try { await _serving; } catch (ObjectDisposedException) { } catch (HttpListenerException) { }
        _listener.Close();
    }
}
