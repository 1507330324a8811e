namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>The whole proxy configuration: one YAML file, validated as a unit and swapped atomically.</summary>
public sealed record ProxyConfig
{
    public required ListenConfig Listen { get; init; }

    public TlsConfig? Tls { get; init; }

    public AdminConfig Admin { get; init; } = new();

    public HealthCheckConfig? Health { get; init; }

    public TimeSpan DrainGrace { get; init; } = TimeSpan.FromSeconds(25);

    public LimitsConfig Limits { get; init; } = new();

    public AuthConfig Auth { get; init; } = new();

    /// <summary>Rate limit applied per client (API key name, JWT subject, or client IP); null for none.</summary>
    public RateLimitConfig? ClientRateLimit { get; init; }

    /// <summary>Prefix of the identity headers the proxy sets and strips from incoming requests.</summary>
    public string IdentityHeaderPrefix { get; init; } = "x-tandem-";

    public AccessLogConfig AccessLog { get; init; } = new();

    /// <summary>OTLP span export; null when off.</summary>
    public TracingConfig? Tracing { get; init; }

    public required ValueList<RouteConfig> Routes { get; init; }
}
