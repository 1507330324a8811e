namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>One destination. Every event goes to every output; a position is checkpointed once all outputs took it.</summary>
public sealed record OutputConfig
{
    public OutputType Type { get; init; } = OutputType.Stdout;

    /// <summary>HTTP outputs: the endpoint (for Loki the push URL, for Elasticsearch the base URL, for OTLP the <c>/v1/logs</c> URL).</summary>
    public string? Url { get; init; }

    /// <summary>File output: the NDJSON file to append to.</summary>
    public string? Path { get; init; }

    /// <summary>Syslog output: <c>host:port</c> of a TCP syslog receiver.</summary>
    public string? Address { get; init; }

    /// <summary>Elasticsearch/OpenSearch: the index (or data stream) written with <c>create</c>.</summary>
    public string Index { get; init; } = "logs";

    /// <summary>Loki: static stream labels, added to namespace, pod and container.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>HTTP outputs: extra request headers (authorization, tenant id).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public Compression Compression { get; init; } = Compression.None;

    /// <summary>How long one attempt may take before it counts as failed and is retried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Syslog APP-NAME; defaults to the container name or <c>tandem-ship</c>.</summary>
    public string? AppName { get; init; }
}
