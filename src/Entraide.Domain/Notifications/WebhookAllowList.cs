using System.Globalization;
using System.Net;

namespace Entraide.Domain.Notifications;

/// <summary>
/// Receivers that the operators let a State's webhooks call although their address is not public: a
/// State's own receiver on its premises, reached over a private link. Entries are set per State (ISO
/// alpha-3 code), for every State under <see cref="EveryState"/>, or for the secretariat's own targets (the audit
/// checkpoint receiver) under <see cref="Secretariat"/>. An entry names the host as a
/// webhook's URL writes it: a host name (exact, case-insensitive), or an IP address or CIDR range that
/// an IP address written in the URL falls in; either may end with <c>:port</c> to allow that port only
/// (IPv6 in brackets: <c>[fd00::1]:8443</c>). Names are matched as written, never by what they resolve
/// to: allowing <c>127.0.0.1</c> does not allow <c>localhost</c>, and a name that is not listed is
/// called only if every address it resolves to is public.
/// </summary>
public sealed class WebhookAllowList
{
    public const string EveryState = "*";

    /// <summary>
    /// The key of the secretariat's entries: a caller with no State (<c>null</c>) is matched by these and by
    /// <see cref="EveryState"/>.
    /// </summary>
    public const string Secretariat = "UN";

    public static readonly WebhookAllowList Empty = new(new Dictionary<string, Entry[]>(StringComparer.Ordinal));

    private readonly Dictionary<string, Entry[]> _byState;

    private WebhookAllowList(Dictionary<string, Entry[]> byState) => _byState = byState;

    public bool IsEmpty => _byState.Count == 0;

    /// <summary>Reads the entries of each State; a malformed entry is a <see cref="FormatException"/> that names it.</summary>
    public static WebhookAllowList Parse(IEnumerable<KeyValuePair<string, List<string>>>? byState)
    {
        var parsed = new Dictionary<string, Entry[]>(StringComparer.Ordinal);
        foreach (var (state, entries) in byState ?? [])
        {
            var key = state.Trim();
            if (key != EveryState) key = key.ToUpperInvariant();
            if (key != EveryState && key != Secretariat && (key.Length != 3 || !key.All(char.IsAsciiLetterUpper)))
                throw new FormatException(
                    $"Webhook allow-list: '{state}' is neither a State's ISO alpha-3 code nor '{EveryState}' nor '{Secretariat}'.");
            var list = entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(ParseEntry).ToArray();
            if (list.Length == 0) continue;
            parsed[key] = parsed.TryGetValue(key, out var before) ? [.. before, .. list] : list;
        }
        return parsed.Count == 0 ? Empty : new WebhookAllowList(parsed);
    }

    /// <summary>
    /// True when a webhook of <paramref name="state"/> (null: the secretariat) may call <paramref name="host"/> (as its URL
    /// writes it) on <paramref name="port"/>.
    /// </summary>
    public bool Allows(string? state, string host, int port)
    {
        if (_byState.Count == 0 || string.IsNullOrEmpty(host)) return false;
        var name = WebhookTarget.NormaliseHost(host);
        IPAddress? address = IPAddress.TryParse(name, out var a) ? a : null;
        return Matches(EveryState) || Matches(state ?? Secretariat);

        bool Matches(string key)
        {
            if (!_byState.TryGetValue(key, out var entries)) return false;
            foreach (var e in entries)
            {
                if (e.Port is { } p && p != port) continue;
                if (address is null ? e.Name == name : e.Network is { } n && n.Contains(address)) return true;
            }
            return false;
        }
    }

    private static Entry ParseEntry(string raw)
    {
        var text = raw.Trim();
        string host;
        int? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw Bad(raw);
            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0) port = rest.StartsWith(':') ? Port(rest[1..], raw) : throw Bad(raw);
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            port = Port(text[(colon + 1)..], raw);
        }
        else
        {
            host = text;
        }

        if (host.Contains('/'))
        {
            return IPNetwork.TryParse(host, out var network) ? new Entry(null, network, port) : throw Bad(raw);
        }
        if (IPAddress.TryParse(host, out var address))
        {
            return new Entry(null, new IPNetwork(address, address.GetAddressBytes().Length * 8), port);
        }
        var name = WebhookTarget.NormaliseHost(host);
        return Uri.CheckHostName(name) == UriHostNameType.Dns ? new Entry(name, null, port) : throw Bad(raw);
    }

    private static int Port(string text, string raw) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535 ? p : throw Bad(raw);

    private static FormatException Bad(string raw) =>
        new($"Webhook allow-list: '{raw}' is not a host name, an IP address or a CIDR range, optionally followed by :port.");

    private sealed record Entry(string? Name, IPNetwork? Network, int? Port);
}
