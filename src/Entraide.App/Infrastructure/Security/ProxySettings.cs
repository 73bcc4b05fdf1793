using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Entraide.App.Infrastructure.Security;

/// <summary>
/// Entraide behind a reverse proxy that terminates TLS: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are believed only from the addresses of <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), and from the loopback interface; from anyone
/// else they are ignored. Once believed, the request is HTTPS (cookies are <c>Secure</c>, HSTS is sent)
/// and the client's address is the one the proxy saw (the sign-in rate limit counts per client).
/// </summary>
public static class ProxySettings
{
    public const string Section = "ForwardedHeaders";

    public static void Apply(ForwardedHeadersOptions o, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // One proxy in front: the address it appends is the client's; earlier entries are the client's own claims.
        o.ForwardLimit = section.GetValue("ForwardLimit", 1);
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        o.KnownIPNetworks.Add(new System.Net.IPNetwork(IPAddress.Loopback, 8));
        o.KnownProxies.Add(IPAddress.IPv6Loopback);
        foreach (var value in Values(section.GetSection("KnownProxies")))
        {
            if (!IPAddress.TryParse(value, out var address))
                throw new StartupRefusedException($"{Section}:KnownProxies holds '{value}', which is not an IP address.");
            o.KnownProxies.Add(address);
        }
        foreach (var value in Values(section.GetSection("KnownNetworks")))
        {
            if (!System.Net.IPNetwork.TryParse(value, out var network))
                throw new StartupRefusedException($"{Section}:KnownNetworks holds '{value}', which is not a network in CIDR notation (10.0.0.0/8).");
            o.KnownIPNetworks.Add(network);
        }
    }

    // A list in configuration: an array (KnownProxies:0, KnownProxies:1, …) or one comma-separated value (an environment variable).
    private static IEnumerable<string> Values(IConfigurationSection section)
    {
        var items = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return items.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
