using System.Net;
using System.Net.Sockets;
using Entraide.App.Notifications.Webhooks;
using Entraide.Domain.Notifications;

namespace Entraide.App.Notifications.Delivery;

/// <summary>
/// Opens the connections of webhook calls. The host is resolved here, once, every address it
/// resolves to is checked, and the connection goes to those addresses only: a name that resolved to
/// a public address when it was registered and resolves to this machine now (DNS rebinding), or that
/// resolves to both, is refused before anything is sent. Receivers on the allow-list of the webhook's
/// State are called through a client of their own (<see cref="WebhookSender.AllowListedClientName"/>),
/// so that a connection opened for one State's allowed receiver is never reused for another State.
/// </summary>
internal static class WebhookConnections
{
    /// <summary>The State whose webhook a request calls, for the allow-list check of its connection.</summary>
    public static readonly HttpRequestOptionsKey<string> StateOption = new("Entraide.Webhook.State");

    public static SocketsHttpHandler Handler(WebhookTargets targets, bool allowListed) => new()
    {
        // Webhook targets are other States' servers: never follow a redirect to somewhere they did not name,
        // and never go through a proxy, which would connect to the address on Entraide's behalf unchecked.
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, ct) => ConnectAsync(context, targets, allowListed, ct),
    };

    /// <summary>True when the request failed because its host resolves to an address Entraide does not call.</summary>
    public static bool WasRefused(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is AddressRefusedException) return true;
        }
        return false;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, WebhookTargets targets, bool allowListed,
        CancellationToken ct)
    {
        var host = WebhookTarget.NormaliseHost(context.DnsEndPoint.Host);
        var port = context.DnsEndPoint.Port;
        if (allowListed)
        {
            context.InitialRequestMessage.Options.TryGetValue(StateOption, out var state);
            if (!targets.Current.AllowList.Allows(state, host, port)) throw new AddressRefusedException();
        }
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        if (!allowListed && addresses.Any(a => !NetworkAddresses.IsPublic(a))) throw new AddressRefusedException();

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class AddressRefusedException() : IOException("The host resolves to an address that webhooks may not call.");
}
