using System.Net;

namespace Tandem.Sidecars.Admin;

/// <summary>Where the admin endpoints listen and which of them are switched on.</summary>
public sealed record AdminOptions
{
    /// <summary>
    /// Listen address. Loopback by default; a pod whose kubelet probes the sidecar over the pod IP
    /// sets <see cref="IPAddress.Any"/>, and <c>/shutdown</c> still answers loopback callers only.
    /// </summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (tests), which <see cref="AdminServer.Endpoint"/> reports.</summary>
    public int Port { get; init; } = 9901;

    /// <summary>
    /// Whether <c>POST /shutdown</c> is served. On by default because Jobs need it to finish
    /// (linkerd2#1869, istio#11045) and it is loopback-only, so only containers of the pod can call it.
    /// </summary>
    public bool EnableShutdown { get; init; } = true;
}
