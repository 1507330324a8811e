namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>One route: which requests (host and path prefix) go to which upstreams, and the policies on the way.</summary>
public sealed record RouteConfig
{
    public required string Name { get; init; }

    /// <summary>Host names (exact, or <c>*.example.com</c>); empty matches any host.</summary>
    public ValueList<string> Hosts { get; init; } = ValueList<string>.Empty;

    public string PathPrefix { get; init; } = "/";

    public required ValueList<Uri> Upstreams { get; init; }

    public UpstreamProtocol UpstreamProtocol { get; init; } = UpstreamProtocol.Http1;

    /// <summary>Send the client's Host header to the app (true) or the upstream's authority (false).</summary>
    public bool PreserveHost { get; init; } = true;

    /// <summary>Whole-request deadline, including retries; null for none (streams, WebSockets).</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public RouteAuthConfig Auth { get; init; } = new();

    public RateLimitConfig? RateLimit { get; init; }

    public RetryConfig? Retry { get; init; }

    public CircuitBreakerConfig? CircuitBreaker { get; init; }
}
