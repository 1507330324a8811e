using System.Net;

namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>
/// Where clients connect. <see cref="Http"/> serves HTTP/1.1; <see cref="H2c"/> serves cleartext
/// HTTP/2 with prior knowledge (gRPC without TLS), because Kestrel cannot tell the two apart on
/// one cleartext port; <see cref="Https"/> serves both with ALPN.
/// </summary>
public sealed record ListenConfig
{
    public IPEndPoint? Http { get; init; }

    public IPEndPoint? H2c { get; init; }

    public IPEndPoint? Https { get; init; }
}
