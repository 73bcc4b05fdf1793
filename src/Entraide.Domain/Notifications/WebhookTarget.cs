using System.Net;
using Entraide.Domain.Common;

namespace Entraide.Domain.Notifications;

/// <summary>What the operators allow webhooks to call beyond public HTTPS addresses.</summary>
/// <param name="AllowHttp">Plain <c>http://</c> URLs (local development and tests).</param>
/// <param name="AllowList">Receivers that may be called although their address is not public.</param>
public sealed record WebhookTargetRules(bool AllowHttp, WebhookAllowList AllowList)
{
    public static readonly WebhookTargetRules Default = new(false, WebhookAllowList.Empty);
}

/// <summary>
/// Where a webhook may call: an absolute HTTPS URL without a user name or password, whose host is a
/// public address or a name that does not, by its very form, name this machine or a private network
/// — unless the operators allowed that host for the State (<see cref="WebhookAllowList"/>). Every
/// spelling of an address counts as the address (<c>2130706433</c>, <c>0x7f.1</c> and <c>127.1</c> are
/// <c>127.0.0.1</c>; <c>[::ffff:7f00:1]</c> too). A name is not resolved here (the receiver may not
/// exist yet): what it resolves to is checked each time a call connects.
/// </summary>
public static class WebhookTarget
{
    public const int MaxLength = 2000;
    public const string Field = "url";

    /// <summary>Names that only a local resolver answers: the machine itself, multicast DNS, private-use domains.</summary>
    private static readonly string[] InternalSuffixes = ["localhost", "local", "localdomain", "internal", "home.arpa", "home", "lan", "corp"];

    /// <summary>
    /// Checks <paramref name="url"/> for a webhook of <paramref name="state"/>, adding what is wrong to <paramref name="errors"/>; returns it
    /// trimmed.
    /// </summary>
    public static string Check(string? url, string state, WebhookTargetRules rules, ICollection<DomainError> errors)
    {
        var before = errors.Count;
        var u = TextRules.Check(url, Field, MaxLength, errors, required: true);
        if (errors.Count > before) return u;
        if (!Uri.TryCreate(u, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0
            || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            errors.Add(new DomainError("webhook-url-invalid", Field));
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !rules.AllowHttp)
        {
            errors.Add(new DomainError("webhook-url-not-https", Field));
        }
        else if (IsRefusedHost(HostOf(uri)) && !rules.AllowList.Allows(state, HostOf(uri), uri.Port))
        {
            errors.Add(new DomainError("webhook-address-refused", Field));
        }
        return u;
    }

    /// <summary>The host a URL names, as it is looked up: punycode for international names, IPv6 without brackets.</summary>
    public static string HostOf(Uri uri) => NormaliseHost(uri.IdnHost);

    /// <summary>A host name or address in the form this module compares: lower case, no brackets, no final dot.</summary>
    public static string NormaliseHost(string host)
    {
        var h = host.Trim();
        if (h.StartsWith('[') && h.EndsWith(']')) h = h[1..^1];
        return h.TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>
    /// True when a host as written is one Entraide does not call: an IP address that is not public, or
    /// a name that by its form names this machine or a private network (one label only, which the
    /// machine's search domains complete; <c>localhost</c>, <c>.local</c>, <c>.internal</c> and the
    /// like; a final label of digits, which no public domain has).
    /// </summary>
    public static bool IsRefusedHost(string host)
    {
        var h = NormaliseHost(host);
        if (h.Length == 0) return true;
        if (IPAddress.TryParse(h, out var address)) return !NetworkAddresses.IsPublic(address);
        var lastDot = h.LastIndexOf('.');
        if (lastDot < 0) return true;
        if (h[(lastDot + 1)..].All(char.IsAsciiDigit)) return true;
        foreach (var suffix in InternalSuffixes)
        {
            if (h == suffix || h.EndsWith("." + suffix, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
