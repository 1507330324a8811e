using System.Net;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>The pooled connections to the app: one <see cref="SocketsHttpHandler"/> shared by every route.</summary>
internal static class UpstreamConnections
{
    public static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        // The proxy writes traceparent itself; the handler must not add a second one.
        ActivityHeadersPropagator = null,
    };
}
