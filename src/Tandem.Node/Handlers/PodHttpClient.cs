using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Tandem.Runtime.Networking;

namespace Tandem.Node.Handlers;

/// <summary>
/// One HTTP client for every probe and hook, whose connections are made inside the network
/// namespace named on each request. Like the kubelet's prober it keeps no connection alive
/// (each probe is a fresh connection, so a probe never rides on a stale one) and does not verify
/// TLS certificates (https probes check liveness, not identity).
/// </summary>
internal static class PodHttpClient
{
    public static readonly HttpRequestOptionsKey<string?> NamespaceKey = new("tandem.netns");

    public static HttpClient Shared { get; } = Create();

    private static HttpClient Create()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            PooledConnectionIdleTimeout = TimeSpan.Zero,
            ConnectCallback = ConnectAsync,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        context.InitialRequestMessage.Options.TryGetValue(NamespaceKey, out var namespacePath);
        if (!IPAddress.TryParse(context.DnsEndPoint.Host, out var address))
        {
            throw new HttpRequestException($"host {context.DnsEndPoint.Host} is not an IP address; probes run inside the pod's network, where names do not resolve");
        }
        var socket = await NetworkNamespaceSockets.ConnectAsync(namespacePath, new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
        return new NetworkStream(socket, ownsSocket: true);
    }
}
