using System.Net;
using System.Text;
using System.Text.Json;
using Entraide.App.Tests.Infrastructure;
using Entraide.Domain.Trust;

namespace Entraide.App.Tests.Isolation;

/// <summary>
/// One call to an endpoint or page that succeeds for <see cref="State"/> with <see cref="Roles"/> (the
/// secretariat when <see cref="State"/> is null). <see cref="Missing"/> is the same call naming a record that
/// does not exist, when the call names a record; <see cref="Body"/> builds a fresh body for every send.
/// For a record of one account rather than one State: <see cref="As"/> is the owner's own client (signed in),
/// <see cref="Strangers"/> other accounts (of the same State and of another) refused like another State, and
/// <see cref="Observe"/> reads, as the owner, what a refused call must not change. <see cref="Headers"/> are request headers
/// a protocol needs (tus).
/// </summary>
public sealed record Call(string Method, string Url, string? State, string[] Roles, HttpStatusCode Success = HttpStatusCode.OK,
    Func<HttpContent>? Body = null, string? Missing = null, bool IdempotencyKey = false, HttpClient? As = null,
    IReadOnlyList<(string Who, HttpClient Client)>? Strangers = null, Func<Task<string>>? Observe = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public HttpRequestMessage Message(string? url = null)
    {
        var m = new HttpRequestMessage(new HttpMethod(Method), url ?? Url) { Content = Body?.Invoke() };
        if (IdempotencyKey) m.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>()) m.Headers.Add(name, value);
        return m;
    }

    public bool IsSafe => Method is "GET" or "HEAD";

    /// <summary>The same call naming a fresh id in place of <paramref name="id"/>.</summary>
    public Call NamingMissing(string id) => this with { Missing = Url.Replace(id, Guid.NewGuid().ToString(), StringComparison.Ordinal) };

    public static Func<HttpContent> Json(object body) =>
        () => new StringContent(JsonSerializer.Serialize(body, HttpAssertions.Json), Encoding.UTF8, "application/json");
}

/// <summary>
/// An endpoint (<c>METHOD route</c>, as in the route table) and how to build, for an owning State, a call
/// that succeeds for it. <see cref="Foreign"/> are the States that must be refused it: by default a State that
/// shares nothing with the owner; for a record shared by two States, a third.
/// </summary>
public sealed record Probe(string Endpoint, Func<TestApp, Task<Call>> Arrange, string[]? Foreign = null,
    string? SecretariatMayChange = null, string? SecretariatCannotRead = null)
{
    public override string ToString() => Endpoint;
}

/// <summary>
/// A list (API or page): <see cref="Create"/> makes a record that <see cref="Observers"/> must not see, and
/// returns its marker (an id or a unique text) with a call through which its own side does see it.
/// <see cref="Stable"/>: the observer's answer must be the same before and after, so counts and totals do not move.
/// <see cref="ObserversReadVisibleUrl"/>: the observers also read the owner's own URL, for a list filtered by an id
/// in the query (<c>/votes?draftId=</c>) that exists only once the record does.
/// </summary>
public sealed record ListProbe(string Endpoint, string[] ObserverUrls, (string State, string[] Roles)[] Observers,
    Func<TestApp, Task<(string Marker, Call Visible)>> Create, bool Stable = true, bool ObserversReadVisibleUrl = false)
{
    public override string ToString() => Endpoint;
}
