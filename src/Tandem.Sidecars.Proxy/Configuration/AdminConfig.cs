using System.Net;

namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>The admin port (<c>/live</c>, <c>/ready</c>, <c>/metrics</c>, <c>/shutdown</c>).</summary>
public sealed record AdminConfig
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    public int Port { get; init; } = 9901;

    public bool ShutdownEndpoint { get; init; } = true;
}
