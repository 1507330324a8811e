using System.Net;

namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Reads what the proxy binds: the <c>listen</c> addresses, <c>tls</c> files, and the <c>admin</c> port.</summary>
internal static class ListenerReader
{
    public static ListenConfig? ReadListen(ConfigNode? node)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("http", "h2c", "https");
        var listen = new ListenConfig { Http = EndPoint(node, "http"), H2c = EndPoint(node, "h2c"), Https = EndPoint(node, "https") };
        if (!node.Has("http") && !node.Has("https") && !node.Has("h2c"))
        {
            node.Error("http", "set at least one of listen.http, listen.h2c and listen.https");
        }
        return listen;
    }

    private static IPEndPoint? EndPoint(ConfigNode node, string key)
    {
        var text = node.String(key);
        if (text is null)
        {
            return null;
        }
        if (!IPEndPoint.TryParse(text, out var endpoint) || endpoint.Port is < 0 or > 65535 || !text.Contains(':', StringComparison.Ordinal))
        {
            node.Error(key, $"must be address:port such as 0.0.0.0:8443 or [::]:8443, not '{text}'");
            return null;
        }
        return endpoint;
    }

    public static TlsConfig? ReadTls(ConfigNode? node, FileChecks files)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("certificate", "key", "clientCa", "requireClientCertificate", "pollInterval");
        var certificate = files.Existing(node, "certificate", required: true);
        var key = files.Existing(node, "key", required: true);
        var clientCa = files.Existing(node, "clientCa", required: false);
        var require = node.Bool("requireClientCertificate");
        if (require is not null && clientCa is null)
        {
            node.Error("requireClientCertificate", "has no effect without tls.clientCa");
        }
        var poll = node.Duration("pollInterval", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        if (certificate is null || key is null)
        {
            return null;
        }
        return new TlsConfig
        {
            CertificateFile = certificate,
            KeyFile = key,
            ClientCaFile = clientCa,
            RequireClientCertificate = require ?? true,
            PollInterval = poll ?? TimeSpan.FromSeconds(10),
        };
    }

    public static AdminConfig ReadAdmin(ConfigNode? node)
    {
        if (node is null)
        {
            return new AdminConfig();
        }
        node.RejectUnknown("address", "port", "shutdownEndpoint");
        var addressText = node.String("address");
        IPAddress? address = null;
        if (addressText is not null && !IPAddress.TryParse(addressText, out address))
        {
            node.Error("address", $"must be an IP address such as 127.0.0.1 or 0.0.0.0, not '{addressText}'");
        }
        return new AdminConfig
        {
            Address = address ?? IPAddress.Loopback,
            Port = node.Int("port", 0, 65535) ?? 9901,
            ShutdownEndpoint = node.Bool("shutdownEndpoint") ?? true,
        };
    }
}
