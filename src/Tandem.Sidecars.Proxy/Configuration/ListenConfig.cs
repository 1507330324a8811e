using System.Net;

namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>
/// Where clients connect. <see cref="Http"/> serves HTTP/1.1 and cleartext HTTP/2 with prior
/// knowledge (h2c); <see cref="Https"/> serves both with ALPN.
/// </summary>
public sealed record ListenConfig
{
    public IPEndPoint? Http { get; init; }

    public IPEndPoint? Https { get; init; }
}
