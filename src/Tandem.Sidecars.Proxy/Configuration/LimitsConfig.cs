namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Limits that protect the proxy and the app.</summary>
public sealed record LimitsConfig
{
    /// <summary>Requests forwarded at once; beyond it the proxy answers 503 at once instead of queueing.</summary>
    public int MaxConcurrentRequests { get; init; } = 1024;

    /// <summary>Total size of a request's header block; larger requests get 431.</summary>
    public int MaxRequestHeaderBytes { get; init; } = 32 * 1024;

    /// <summary>Largest request body; null for unlimited (streams are never buffered either way).</summary>
    public long? MaxRequestBodyBytes { get; init; }
}
