using Microsoft.Extensions.Primitives;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>
/// Headers that describe one connection, not the message (RFC 9110 section 7.6.1), and so are
/// never forwarded; plus any header the sender listed in its own <c>Connection</c> header.
/// </summary>
internal static class HopByHopHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Alt-Svc", "Http2-Settings",
    };

    public static bool Contains(string name) => Names.Contains(name);

    /// <summary>True if <paramref name="name"/> is a token of the message's <c>Connection</c> header.</summary>
    public static bool IsNamedByConnection(string name, StringValues connection)
    {
        foreach (var value in connection)
        {
            if (value is null)
            {
                continue;
            }
            foreach (var token in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (string.Equals(token, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
