using System.Net;

namespace Tandem.Sidecars.Admin;

/// <summary>Who may call the endpoints that change a sidecar's state (<c>/shutdown</c>).</summary>
internal static class LoopbackPolicy
{
    /// <summary>
    /// True for 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. Only the socket's peer address
    /// counts: forwarding headers are client-controlled and never consulted.
    /// </summary>
    public static bool IsLocalCaller(IPAddress? remote)
    {
        if (remote is null)
        {
            return false;
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        return IPAddress.IsLoopback(remote);
    }
}
