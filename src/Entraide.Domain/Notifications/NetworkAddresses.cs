using System.Net;
using System.Net.Sockets;

namespace Entraide.Domain.Notifications;

/// <summary>What an IP address is, as far as Entraide calling it goes: only <see cref="Public"/> addresses are called.</summary>
public enum AddressKind
{
    /// <summary>A global unicast address on the public internet.</summary>
    Public,
    /// <summary><c>0.0.0.0</c>, <c>::</c>: on most systems a connection to it reaches this machine.</summary>
    Unspecified,
    /// <summary><c>0.0.0.0/8</c>, "this network".</summary>
    ThisNetwork,
    /// <summary><c>127.0.0.0/8</c>, <c>::1</c>.</summary>
    Loopback,
    /// <summary><c>10/8</c>, <c>172.16/12</c>, <c>192.168/16</c>, and the local-use NAT64 prefix <c>64:ff9b:1::/48</c>.</summary>
    Private,
    /// <summary><c>100.64.0.0/10</c>, the carrier-grade NAT range (some clouds put their metadata services there).</summary>
    SharedAddressSpace,
    /// <summary><c>169.254/16</c> (where cloud metadata services such as <c>169.254.169.254</c> answer), <c>fe80::/10</c>.</summary>
    LinkLocal,
    /// <summary><c>fc00::/7</c>, IPv6's private networks.</summary>
    UniqueLocal,
    /// <summary><c>fec0::/10</c>, deprecated but still routed by some networks.</summary>
    SiteLocal,
    /// <summary><c>224/4</c>, <c>ff00::/8</c>.</summary>
    Multicast,
    /// <summary><c>255.255.255.255</c>.</summary>
    Broadcast,
    /// <summary><c>192.0.2/24</c>, <c>198.51.100/24</c>, <c>203.0.113/24</c>, <c>2001:db8::/32</c>, <c>3fff::/20</c>.</summary>
    Documentation,
    /// <summary><c>198.18/15</c>, <c>2001:2::/48</c>.</summary>
    Benchmarking,
    /// <summary><c>192.0.0/24</c>, where some providers put internal services.</summary>
    ProtocolAssignment,
    /// <summary>
    /// Everything else that is not a public unicast address: <c>240/4</c>, tunnels and translations whose far end is unknown, unassigned IPv6.
    /// </summary>
    Reserved,
}

/// <summary>
/// Classifies IP addresses for outgoing calls. A webhook that could name any address would let a
/// State's administrator make Entraide call this machine, its database or the cloud's metadata
/// service, and read in the delivery log what answered: only public unicast addresses are called.
/// An IPv6 address that carries an IPv4 address (mapped, translated, NAT64, 6to4) is the IPv4
/// address it reaches.
/// </summary>
public static class NetworkAddresses
{
    public static bool IsPublic(IPAddress address) => Classify(address) == AddressKind.Public;

    public static AddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> b = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(b, out _);
            return ClassifyV4(b[..4]);
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return AddressKind.Reserved;
        address.TryWriteBytes(b, out _);
        return ClassifyV6(b);
    }

    private static AddressKind ClassifyV4(ReadOnlySpan<byte> a) => (a[0], a[1], a[2], a[3]) switch
    {
        (0, 0, 0, 0) => AddressKind.Unspecified,
        (0, _, _, _) => AddressKind.ThisNetwork,
        (10, _, _, _) => AddressKind.Private,
        (100, >= 64 and <= 127, _, _) => AddressKind.SharedAddressSpace,
        (127, _, _, _) => AddressKind.Loopback,
        (169, 254, _, _) => AddressKind.LinkLocal,
        (172, >= 16 and <= 31, _, _) => AddressKind.Private,
        (192, 0, 0, _) => AddressKind.ProtocolAssignment,
        (192, 0, 2, _) => AddressKind.Documentation,
        (192, 88, 99, _) => AddressKind.Reserved,
        (192, 168, _, _) => AddressKind.Private,
        (198, 18 or 19, _, _) => AddressKind.Benchmarking,
        (198, 51, 100, _) => AddressKind.Documentation,
        (203, 0, 113, _) => AddressKind.Documentation,
        ( >= 224 and <= 239, _, _, _) => AddressKind.Multicast,
        (255, 255, 255, 255) => AddressKind.Broadcast,
        ( >= 240, _, _, _) => AddressKind.Reserved,
        _ => AddressKind.Public,
    };

    private static AddressKind ClassifyV6(ReadOnlySpan<byte> a)
    {
        if (IsZero(a[..10]))
        {
            // ::/128, ::1, ::ffff:a.b.c.d (mapped) and the deprecated ::a.b.c.d (compatible).
            if (a[10] == 0xff && a[11] == 0xff) return ClassifyV4(a[12..]);
            if (a[10] != 0 || a[11] != 0) return AddressKind.Reserved;
            if (IsZero(a[12..15]) && a[15] is 0) return AddressKind.Unspecified;
            if (IsZero(a[12..15]) && a[15] is 1) return AddressKind.Loopback;
            return AddressKind.Reserved;
        }
        // ::ffff:0:a.b.c.d (translated, RFC 2765).
        if (IsZero(a[..8]) && a[8] == 0xff && a[9] == 0xff && a[10] == 0 && a[11] == 0) return ClassifyV4(a[12..]);
        // 64:ff9b::/96, the well-known NAT64 prefix: a translator on the way reaches the IPv4 address.
        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b)
        {
            if (IsZero(a[4..12])) return ClassifyV4(a[12..]);
            if (a[4] == 0 && a[5] == 1) return AddressKind.Private;
            return AddressKind.Reserved;
        }
        if (a[0] == 0xff) return AddressKind.Multicast;
        if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return AddressKind.LinkLocal;
        if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0) return AddressKind.SiteLocal;
        if ((a[0] & 0xfe) == 0xfc) return AddressKind.UniqueLocal;
        // Only 2000::/3 is assigned for global unicast; the rest is reserved.
        if ((a[0] & 0xe0) != 0x20) return AddressKind.Reserved;
        if (a[0] == 0x20 && a[1] == 0x01)
        {
            if (a[2] == 0x0d && a[3] == 0xb8) return AddressKind.Documentation;
            if (a[2] == 0x00 && a[3] == 0x02 && a[4] == 0 && a[5] == 0) return AddressKind.Benchmarking;
            // 2001::/23 holds the IETF's protocol assignments, Teredo (2001::/32) among them: tunnels whose far end is hidden.
            if (a[2] <= 0x01) return AddressKind.Reserved;
        }
        // 2002::/16 (6to4) carries the IPv4 address of its relay.
        if (a[0] == 0x20 && a[1] == 0x02) return ClassifyV4(a[2..6]);
        if (a[0] == 0x3f && (a[1] & 0xf0) == 0xf0) return AddressKind.Documentation;
        return AddressKind.Public;
    }

    private static bool IsZero(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)0) < 0;
}
