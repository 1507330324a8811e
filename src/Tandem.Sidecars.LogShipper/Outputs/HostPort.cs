using System.Globalization;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>Parses <c>host:port</c> and <c>[v6]:port</c>.</summary>
public static class HostPort
{
    public static bool TryParse(string? text, out string host, out int port)
    {
        host = "";
        port = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }
        host = text[..colon].Trim('[', ']');
        return host.Length > 0;
    }
}
