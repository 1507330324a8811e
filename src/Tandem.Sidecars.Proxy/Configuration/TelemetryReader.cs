namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Reads what the proxy reports: the <c>accessLog</c> target and <c>tracing</c> (OTLP export).</summary>
internal static class TelemetryReader
{
    public static AccessLogConfig ReadAccessLog(ConfigNode? node)
    {
        if (node is null)
        {
            return new AccessLogConfig();
        }
        node.RejectUnknown("enabled", "path");
        return new AccessLogConfig { Enabled = node.Bool("enabled") ?? true, Path = node.String("path") ?? "stdout" };
    }

    public static TracingConfig? ReadTracing(ConfigNode? node)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("endpoint", "protocol", "serviceName");
        var endpoint = ConfigParser.HttpUrl(node, "endpoint", node.String("endpoint", required: true));
        var protocol = node.String("protocol") ?? "http/protobuf";
        if (protocol != "http/protobuf")
        {
            node.Error("protocol", $"'{protocol}' is not supported; use http/protobuf (OTLP over HTTP)");
        }
        var serviceName = node.String("serviceName");
        if (serviceName is { Length: 0 })
        {
            node.Error("serviceName", "must not be empty");
        }
        return endpoint is null ? null : new TracingConfig { Endpoint = endpoint, Protocol = protocol, ServiceName = serviceName ?? "tandem-proxy" };
    }
}
