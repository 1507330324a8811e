namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>
/// Optional export of one server span per request to an OpenTelemetry collector over OTLP/HTTP.
/// Without it the proxy still propagates <c>traceparent</c>; it just records nothing.
/// </summary>
public sealed record TracingConfig
{
    /// <summary>The full OTLP/HTTP traces URL, such as <c>http://127.0.0.1:4318/v1/traces</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Only <c>http/protobuf</c> is supported.</summary>
    public string Protocol { get; init; } = "http/protobuf";

    /// <summary>The <c>service.name</c> resource attribute of every span.</summary>
    public string ServiceName { get; init; } = "tandem-proxy";
}
