namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>How the proxy talks to the app: HTTP/1.1, or HTTP/2 (h2c with prior knowledge on http://, ALPN on https://).</summary>
public enum UpstreamProtocol
{
    Http1,
    Http2,
}
