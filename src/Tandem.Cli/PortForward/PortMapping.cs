using System.Globalization;

namespace Tandem.Cli.PortForward;

/// <summary>One <c>[LOCAL]:REMOTE</c> argument of port-forward: <c>8080:80</c>, <c>80</c> (the same port here) or <c>:80</c> (any free port here).</summary>
public sealed record PortMapping(int Local, int Remote)
{
    public static PortMapping Parse(string text)
    {
        var colon = text.IndexOf(':');
        var localText = colon < 0 ? text : text[..colon];
        var remoteText = colon < 0 ? text : text[(colon + 1)..];
        if (!TryPort(remoteText, out var remote) || remote == 0)
        {
            throw new FormatException($"Error parsing remote port \"{remoteText}\" of \"{text}\": use [LOCAL_PORT:]REMOTE_PORT, e.g. 8080:80");
        }
        if (localText.Length == 0)
        {
            return new PortMapping(0, remote);
        }
        return TryPort(localText, out var local) ? new PortMapping(local, remote) : throw new FormatException($"Error parsing local port \"{localText}\" of \"{text}\"");
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535;
}
